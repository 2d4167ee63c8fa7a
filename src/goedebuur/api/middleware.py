# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings


class ApiVersionHeaderMiddleware:
    """NL API Design Rules (API-57): every API response carries the full `API-Version`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
            response.setdefault("Access-Control-Expose-Headers", "API-Version")
        return response
