# SPDX-License-Identifier: EUPL-1.2
"""Structured logs: one JSON object per line (LOG_FORMAT=json, the default) for log collectors, or
plain text (LOG_FORMAT=text) for a terminal; and one access-log line per request.

Secrets that travel in an address never reach a log: the calendar feed's `sleutel` (a calendar app
cannot log in, so the key is in the URL) is replaced by `[verborgen]` in every line these formatters
write — Django's 404 warnings carry the whole request (`<WSGIRequest: GET '/…/agenda.ics?sleutel=…'>`)
— and in gunicorn's access and error logs (`RedactingFilter`, installed by `goedebuur serve`)."""

import json
import logging
import re
import time
from datetime import UTC, datetime

access_log = logging.getLogger("goedebuur.access")

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

# Query parameters whose value is a secret; add one here when a URL starts carrying another.
SECRET_PARAMETERS = ("sleutel",)
REDACTED = "[verborgen]"
_SECRET = re.compile(r"(?i)(?<![\w-])(" + "|".join(SECRET_PARAMETERS) + r")(=|%3D)[^&;#\s'\"<>]*")


def redact(text: str) -> str:
    """`text` with the value of every secret query parameter replaced by [verborgen]."""
    return _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)


class RedactingFilter(logging.Filter):
    """Redacts the formatted message of a record (gunicorn's access and error lines)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(self._json(record))

    def _json(self, record: logging.LogRecord) -> str:
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
