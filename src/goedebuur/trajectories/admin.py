# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import ChecklistItem


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    """Platform administrators edit the checklist text and tips. Items are switched off ("in
    gebruik") rather than deleted: missing default items are seeded again from the core."""

    list_display = ["title", "phase", "required", "active", "order"]
    list_filter = ["phase", "required", "active"]
    list_editable = ["required", "active", "order"]
    search_fields = ["title", "tip", "code"]
    readonly_fields = ["code"]

    def has_delete_permission(self, request, obj=None):
        return False


# Trajectories themselves are run through the site's pages and API, which check the partners'
# permissions and keep the history.
