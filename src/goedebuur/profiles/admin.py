# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from goedebuur.core.landscape.rules import normalize_name

from .models import Product, Supplier


@admin.register(Supplier)
class SupplierAdmin(admin.ModelAdmin):
    """Administrators correct the display name of shared supplier records (the normalised key
    follows the name)."""

    list_display = ["name", "normalized_name"]
    search_fields = ["name", "normalized_name"]

    def save_model(self, request, obj, form, change):
        obj.normalized_name = normalize_name(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "supplier", "normalized_name"]
    list_select_related = ["supplier"]
    search_fields = ["name", "normalized_name", "supplier__name"]

    def save_model(self, request, obj, form, change):
        obj.normalized_name = normalize_name(obj.name)
        super().save_model(request, obj, form, change)


# Profiles, applications and contracts are edited through the site's pages, which check the
# permissions and keep their history.
