# SPDX-License-Identifier: EUPL-1.2
"""Structured logs: one JSON object per line (LOG_FORMAT=json, the default) for log collectors, or
plain text (LOG_FORMAT=text) for a terminal; and one access-log line per request."""

import json
import logging
import time
from datetime import UTC, datetime

access_log = logging.getLogger("goedebuur.access")

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class AccessLogMiddleware:
    """Method, path, status, duration and user id of every request (never query strings or bodies:
    they may hold personal data or tokens)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "durationMs": round((time.perf_counter() - started) * 1000, 1),
                "userId": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response
