# SPDX-License-Identifier: EUPL-1.2
"""Errors as `application/problem+json` (RFC 9457), with field-level detail on 400."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler

from goedebuur.history.services import EditConflict

from .refusals import api_detail
from .revisions import conflict_error

PROBLEM_CONTENT_TYPE = "application/problem+json"
OUT_OF_RANGE = "A value does not fit: a number is too large or a text too long to store or look up."

logger = logging.getLogger(__name__)

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    412: "Precondition Failed",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
    503: "Service Unavailable",
}


def problem_type(code: int) -> str:
    """The `type` URI of every problem the platform answers with this status."""
    return f"https://developer.overheid.nl/kennisbank/apis/problem-details/{code}"


def problem(code: int, detail: str, instance: str) -> dict:
    """A problem document for answers made outside DRF (middleware, health checks)."""
    return {
        "type": problem_type(code),
        "title": TITLES.get(code, "Error"),
        "status": code,
        "detail": detail,
        "instance": instance,
    }


def _invalid_params(detail, prefix=""):
    """Flatten DRF error detail into [{"name", "code", "reason"}], names in dotted form."""
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if key != "non_field_errors" else "nonFieldErrors"
            params.extend(_invalid_params(value, f"{prefix}{name}" if not prefix else f"{prefix}.{name}"))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                params.extend(_invalid_params(value, f"{prefix}.{index}" if prefix else str(index)))
            else:
                params.extend(_invalid_params(value, prefix))
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


def refusal_detail(error: DjangoValidationError, view=None) -> dict[str, list[str]]:
    """A service's refusal (Django's ValidationError, in the services' field names) in the API's
    field names, read from the view's serializer (see `refusals`)."""
    return api_detail(error, _serializer_of(view))


def _serializer_of(view):
    """An instance of the view's serializer (`get_serializer_class()`, or `serializer_class` on a
    plain APIView), or None when it has none or needs arguments to tell."""
    get_serializer_class = getattr(view, "get_serializer_class", None)
    try:
        serializer_class = (
            get_serializer_class() if get_serializer_class else getattr(view, "serializer_class", None)
        )
        return serializer_class() if serializer_class is not None else None
    except (AssertionError, TypeError):  # a view without serializer_class, or one with arguments
        return None


class ProblemResponse(Response):
    """A problem document, always rendered as JSON: also from views whose negotiated renderer is
    YAML (the OpenAPI document), HTML (the documentation page) or GeoJSON."""

    def __init__(self, data, status, headers=None):
        super().__init__(data, status=status, headers=headers, content_type=PROBLEM_CONTENT_TYPE)

    @property
    def rendered_content(self):
        self.accepted_renderer = JSONRenderer()
        self.accepted_media_type = PROBLEM_CONTENT_TYPE
        if getattr(self, "renderer_context", None) is None:
            self.renderer_context = {}
        return super().rendered_content


def problem_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # not Django's "No <Model> matches the given query."
    if isinstance(exc, EditConflict):
        exc = conflict_error(exc)
    if isinstance(exc, DataError | OverflowError):
        # A value that validation let through but the database cannot hold or compare (PostgreSQL: an
        # integer out of range, a text too long; SQLite: an integer beyond 64 bits): the request's fault.
        logger.warning("Value out of range for the database: %s", exc)
        exc = exceptions.ValidationError({"nonFieldErrors": [OUT_OF_RANGE]})
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(refusal_detail(exc, context.get("view")))
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    request = context.get("request")
    body = {
        "type": problem_type(code),
        "title": TITLES.get(code, "Error"),
        "status": code,
        "instance": request.get_full_path() if request else None,
    }
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = "The request is invalid; see invalidParams."
        body["invalidParams"] = _invalid_params(exc.detail)
        code = status.HTTP_400_BAD_REQUEST
    else:
        detail = getattr(exc, "detail", None)
        body["detail"] = str(detail) if detail is not None else body["title"]
    headers = {k: v for k, v in response.items() if k.lower() != "content-type"}
    return ProblemResponse(body, status=code, headers=headers)
