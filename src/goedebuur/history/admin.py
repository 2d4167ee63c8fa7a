# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin

from .models import ChangeRecord


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["at", "model", "object_repr", "action", "user_repr"]
    list_filter = ["model", "action"]
    search_fields = ["object_repr", "user_repr"]
    readonly_fields = [f.name for f in ChangeRecord._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
