# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import CooperationForm, IctDomain


@admin.register(IctDomain)
class IctDomainAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "short_name", "order"]
    list_editable = ["order"]


@admin.register(CooperationForm)
class CooperationFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "family", "order"]
    list_editable = ["order"]


# Register entries themselves are edited through the site's pages, which validate them and keep
# their history; administrators can edit and restore every entry there.
