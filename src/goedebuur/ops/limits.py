# SPDX-License-Identifier: EUPL-1.2
"""URLs longer than settings.MAX_URL_LENGTH characters (path and query string, as sent) are refused by the
application itself with 414: a problem+json under /api/, a short Dutch page elsewhere. The limit sits
well below the request-line limit of gunicorn (`goedebuur serve` sets it to gunicorn's maximum, 8190
bytes) and of nginx (8 KB by default), so a client sees the application's answer, documented in
openapi.yaml, and not the server's HTML page (docs/decisions.md, "Over-long URLs")."""

import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from goedebuur.api import PROBLEM_CONTENT_TYPE, problem

logger = logging.getLogger("goedebuur.limits")
INSTANCE_LENGTH = 200  # the problem's `instance` echoes at most this much of the path


def url_length(request) -> int:
    """The length of the URL as the client sent it (gunicorn's RAW_URI), or as Django rebuilds it."""
    raw = request.META.get("RAW_URI") or request.META.get("REQUEST_URI")
    return len(raw) if raw else len(request.get_full_path())


class UrlLengthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = url_length(request)
        if length <= settings.MAX_URL_LENGTH:
            return self.get_response(request)
        logger.warning("URL too long: %s characters", length, extra={"path": request.path[:INSTANCE_LENGTH]})
        if request.path.startswith("/api/"):
            instance = (
                request.path if len(request.path) <= INSTANCE_LENGTH else request.path[:INSTANCE_LENGTH] + "…"
            )
            detail = f"The URL has {length} characters; at most {settings.MAX_URL_LENGTH} are accepted."
            return JsonResponse(problem(414, detail, instance), status=414, content_type=PROBLEM_CONTENT_TYPE)
        return HttpResponse(render_to_string("414.html", {"limit": settings.MAX_URL_LENGTH}), status=414)
