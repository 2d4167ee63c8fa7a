# SPDX-License-Identifier: EUPL-1.2
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadAnyoneWriteAuthenticated(BasePermission):
    """Reading is open to everyone; writing needs a logged-in user (session or token).
    Object-level rules live in each app's permissions module."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_authenticated)
