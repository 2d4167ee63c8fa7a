# SPDX-License-Identifier: EUPL-1.2
"""`Authorization: Token <key>` (or `Bearer <key>`) with the personal, hashed, scoped API tokens of
the accounts app (`accounts.services.find_active_token`). A read-only token used for a write is
refused with 403 here, before any view runs."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from goedebuur.accounts.services import find_active_token, token_is_read_only

KEYWORDS = {b"token", b"bearer"}


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: send `Authorization: Token <key>`.")
        try:
            key = parts[1].decode()
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed("Invalid token.") from error
        token = find_active_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        if token_is_read_only(token) and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied("This token may only read (scope 'read').")
        return token.user, token

    def authenticate_header(self, request):
        return "Token"


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Token-based authentication with required prefix "Token"',
        }
