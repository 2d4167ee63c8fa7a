# SPDX-License-Identifier: EUPL-1.2
"""Security headers Django 5.2 does not set by itself: a Content-Security-Policy without inline
scripts (all JavaScript is in static files) and a Permissions-Policy. Inline *styles* stay allowed:
server-rendered SVG charts and maps colour their shapes with style attributes.

And one caching rule for everything private: an answer to a logged-in user (a session or an API token:
DRF sets the token's user on the request) is `Cache-Control: private, no-store` — pages, exports and
API answers alike, whatever the view set — so that neither a shared proxy nor the browser's disk keeps
contract costs, members-only lessons or a draft business case. Anonymous answers are public data and
stay cacheable; a private answer to an anonymous request (the calendar feed with its key) says so itself."""

from django.utils.cache import patch_cache_control

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        user = getattr(request, "user", None)  # absent on static files, answered before authentication
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
