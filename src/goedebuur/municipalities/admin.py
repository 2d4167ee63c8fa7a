# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import Council, CouncilSeat, Municipality, Region, RegionType


@admin.register(RegionType)
class RegionTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "year", "order"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region_type"]
    list_filter = ["region_type"]
    search_fields = ["name", "code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province", "population"]
    list_filter = ["province"]
    search_fields = ["name", "code"]
    exclude = ["boundary", "neighbours", "point_contacts"]
    filter_horizontal = ["regions"]


class CouncilSeatInline(admin.TabularInline):
    model = CouncilSeat
    extra = 0


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    """Loaded from the reference data: `goedebuur init` puts the source's figures back."""

    list_display = ["municipality", "total_seats", "reference_date"]
    search_fields = ["municipality__name", "municipality__code"]
    inlines = [CouncilSeatInline]
