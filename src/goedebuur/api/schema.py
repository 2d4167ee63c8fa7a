# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI description helpers: the problem document, the `API-Version` header and the error
responses every operation can give, added to each operation by `ApiAutoSchema`."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import is_serializer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from .problems import PROBLEM_CONTENT_TYPE


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(
        help_text="The field or query parameter, lowerCamelCase, dotted for nested fields "
        "(`deelnemers.0.gemeente`); `nonFieldErrors` for the request as a whole."
    )
    code = serializers.CharField(help_text="Machine-readable error code, e.g. `required`, `invalid`.")
    reason = serializers.CharField(help_text="Human-readable explanation (Dutch by default).")


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.URLField(help_text="URI identifying the problem type.")
    title = serializers.CharField(help_text="Short summary of the problem type.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="Explanation of this occurrence of the problem.")
    instance = serializers.CharField(help_text="The request path (and query) that caused the problem.")
    invalidParams = InvalidParamSerializer(
        many=True, required=False, help_text="Only on 400: one entry per invalid field or parameter."
    )

    class Meta:
        ref_name = "Problem"


API_VERSION_HEADER = OpenApiParameter(
    name="API-Version",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=True,
    description="The full version of the API that produced the response (NL API Design Rules API-57).",
)

IF_MATCH_HEADER = OpenApiParameter(
    name="If-Match",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        'The record\'s `ETag` (its `revisie` in quotes, e.g. `"3"`) from when you read it: the change is '
        "refused with 412 if someone changed the record since. Recommended for every change."
    ),
)
ETAG_HEADER = OpenApiParameter(
    name="ETag",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200, 201],
    description='The record\'s current revision in quotes (`"3"`): send it back in `If-Match` when you change it.',
)

PROBLEM_DESCRIPTIONS = {
    "400": "Invalid request: see `invalidParams` for the fields or query parameters.",
    "401": "Authentication needed: send `Authorization: Token <key>` or log in.",
    "403": "Authenticated, but not allowed to do this.",
    "404": "Not found (on a list: `page` is beyond the last page).",
    "406": "The requested format (`Accept` header or `format` parameter) is not available.",
    "409": "Someone else saved the record while this change was being made; nothing was changed.",
    "412": "`If-Match` names an earlier revision: the record changed since you read it; nothing was changed.",
    "429": "Too many of these requests from your address without login: wait the seconds in `Retry-After`.",
}


class ApiAutoSchema(AutoSchema):
    """Adds the `API-Version` response header and the problem+json error responses that an
    operation can give, so that individual views only describe their success responses."""

    def _revision_checked_record(self):
        return getattr(self.view, "revision_checked", False) and "{" in self.path

    def get_override_parameters(self):
        parameters = [*super().get_override_parameters(), API_VERSION_HEADER]
        if self._revision_checked_record():
            if self.method in {"GET", "PUT", "PATCH"}:
                parameters.append(ETAG_HEADER)
            if self.method in {"PUT", "PATCH", "DELETE"}:
                parameters.append(IF_MATCH_HEADER)
        return parameters

    def get_auth(self):
        """Reading needs no authentication: say so with an empty security requirement."""
        auths = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _problem_codes(self):
        codes = set()
        if self.method in {"POST", "PUT", "PATCH", "DELETE"}:
            codes |= {"401", "403"}
            if self.method != "DELETE":
                codes.add("400")
        if "{" in self.path:
            codes.add("404")
        if any(getattr(p, "name", None) == "If-Match" for p in self.get_override_parameters()):
            codes |= {"409", "412"}  # also for POST steps that declare If-Match themselves
        if self.method == "GET" and (
            self._get_filter_parameters()
            or getattr(self.view, "query_serializer", None)
            or any(is_serializer(parameter) for parameter in self.get_override_parameters())
        ):
            codes.add("400")
        if self.method == "GET" and self._is_paginated():
            codes |= {"400", "404"}  # `page` not a whole number from 1; beyond the last page
        if len(self.map_renderers("format")) > 1:
            codes.add("406")
        if getattr(self.view, "throttle_classes", None):
            codes.add("429")
        return codes

    def _is_paginated(self):
        """A paginated list, or a view that paginates itself and declares the `page` parameter."""
        return (self._is_list_view() and self._get_paginator() is not None) or any(
            getattr(parameter, "name", None) == "page" for parameter in self.get_override_parameters()
        )

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self._problem_codes() - set(responses)):
            response = self._get_response_for_code(
                ProblemSerializer, code, media_types=[PROBLEM_CONTENT_TYPE], direction=direction
            )
            response["description"] = PROBLEM_DESCRIPTIONS[code]
            responses[code] = response
        for code, response in responses.items():
            # Every error is answered as problem+json (problems.py), also where a view lists its own.
            if str(code)[0] in "45" and response.get("content"):
                response["content"] = {PROBLEM_CONTENT_TYPE: next(iter(response["content"].values()))}
        return responses
