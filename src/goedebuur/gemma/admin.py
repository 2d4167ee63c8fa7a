# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import NationalFacility, ReferenceComponent


@admin.register(ReferenceComponent)
class ReferenceComponentAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "status", "bbn", "beschikbaarheid", "integriteit", "vertrouwelijkheid"]
    list_filter = ["status", "group"]
    search_fields = ["name", "gemma_id"]


@admin.register(NationalFacility)
class NationalFacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "status"]
    list_filter = ["status"]
    search_fields = ["name", "gemma_id"]
