# SPDX-License-Identifier: EUPL-1.2
from rest_framework.permissions import SAFE_METHODS, BasePermission

from goedebuur.cooperations import permissions as cooperation_permissions


class ReadAnyoneWriteAuthenticated(BasePermission):
    """Reading is open to everyone; writing needs a logged-in user (session or token).
    Object-level rules live in each app's permissions module."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)


class CooperationPermission(ReadAnyoneWriteAuthenticated):
    """The same rules as the register pages (`cooperations.permissions`): creating needs an editor
    of a municipality or an administrator; changing, deleting and restoring an entry needs an
    administrator or an editor whose municipality is a current member."""

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        if request.method == "POST" and getattr(view, "action", None) == "create":
            return cooperation_permissions.can_create(request.user)
        return True

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        return cooperation_permissions.can_edit(request.user, obj)
