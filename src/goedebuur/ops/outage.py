# SPDX-License-Identifier: EUPL-1.2
"""A database that is briefly unreachable (a PostgreSQL restart, a fail-over) gives a clean 503 with
Retry-After — problem+json under /api/, a short Dutch page elsewhere — instead of a 500 and a stack
trace. Django closes the broken connection at the end of the request (errors_occurred), so the next
request reconnects by itself. The log says what really happened (the driver's error, e.g. "database is
locked" or "connection refused", with its traceback): the 503 alone does not tell an outage from a
contention or configuration problem."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from goedebuur.api import PROBLEM_CONTENT_TYPE, problem

logger = logging.getLogger("goedebuur.outage")
RETRY_AFTER_SECONDS = "5"
DETAIL = "The database is temporarily unavailable. Try again in a few seconds."


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        cause = exception.__cause__ or exception
        logger.warning(
            "database unavailable: %s: %s",
            f"{type(cause).__module__}.{type(cause).__qualname__}",
            cause,
            exc_info=exception,
            extra={"path": request.path},
        )
        if request.path.startswith("/api/"):
            response = JsonResponse(
                problem(503, DETAIL, request.get_full_path()),
                status=503,
                content_type=PROBLEM_CONTENT_TYPE,
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
