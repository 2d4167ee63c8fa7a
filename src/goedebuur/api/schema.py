# SPDX-License-Identifier: EUPL-1.2
"""OpenAPI description helpers: the problem document, the `API-Version` header and the error
responses every operation can give, added to each operation by `ApiAutoSchema`."""

from django.conf import settings
from drf_spectacular.openapi import AutoSchema
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
    "400": "Invalid request: see `invalidParams` for the fields or query parameters (also an unknown "
    "`format`).",
    "401": "Authentication needed: send `Authorization: Token <key>` or log in.",
    "403": "Authenticated, but not allowed to do this.",
    "404": "Not found (on a list: `page` is beyond the last page).",
    "406": "The requested format (`Accept` header) is not available.",
    "409": "Someone else saved the record while this change was being made; nothing was changed.",
    "412": "`If-Match` names an earlier revision: the record changed since you read it; nothing was changed.",
    "429": "Too many of these requests from your address without login: wait the seconds in `Retry-After`.",
}


# Answers any operation can give, before or beside its view: described once in components.responses
# (`shared_responses`, a postprocessing hook) and referred to from every operation.
SHARED_RESPONSES = {
    "414": (
        "UriTooLong",
        {
            "description": f"The URL (path and query string) is longer than {settings.MAX_URL_LENGTH} "
            "characters; nothing was done.",
        },
    ),
    "503": (
        "ServiceUnavailable",
        {
            "description": "The database is briefly unreachable (a restart, a fail-over); nothing was done. "
            "Try again after `Retry-After` seconds.",
            "headers": {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Seconds to wait before trying again.",
                }
            },
        },
    ),
}


def shared_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the components that SHARED_RESPONSES refer to."""
    responses = result.setdefault("components", {}).setdefault("responses", {})
    for name, response in SHARED_RESPONSES.values():
        responses[name] = {
            **response,
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return result


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
        # Any request may carry a bad query value: at least a `format` the operation does not offer
        # (negotiation.py). So every operation can answer 400 (ADR /core/error-handling/invalid-input).
        codes = {"400"}
        if self.method in {"POST", "PUT", "PATCH", "DELETE"}:
            codes |= {"401", "403"}
        if "{" in self.path:
            codes.add("404")
        if any(getattr(p, "name", None) == "If-Match" for p in self.get_override_parameters()):
            codes |= {"409", "412"}  # also for POST steps that declare If-Match themselves
        if self.method == "GET" and self._is_paginated():
            codes.add("404")  # `page` beyond the last page
        if len(self.map_renderers("format")) > 1:
            codes.add("406")  # an `Accept` it cannot answer
        if getattr(self.view, "throttle_classes", None):
            codes.add("429")
        return codes

    def _is_paginated(self):
        """A paginated list, or a view that paginates itself and declares the `page` parameter."""
        return (self._is_list_view() and self._get_paginator() is not None) or any(
            getattr(parameter, "name", None) == "page" for parameter in self.get_override_parameters()
        )

    def _insert_field_validators(self, field, schema):
        """drf-spectacular describes a blank-allowed URL or e-mail field as `oneOf` [the format, an empty
        string] but leaves its `default: ''` in the first branch, where '' does not fit the format (ADR
        linter, oas3-valid-schema-example): the default belongs to the field as a whole."""
        super()._insert_field_validators(field, schema)
        branches = schema.get("oneOf")
        if branches and isinstance(branches[0], dict) and "default" in branches[0]:
            schema["default"] = branches[0].pop("default")

    def _map_basic_serializer(self, serializer, direction):
        """A serializer's `Meta.conditional_fields` are left out of some answers (e.g. costs for who may
        not see them): the description must not call them required."""
        schema = super()._map_basic_serializer(serializer, direction)
        conditional = set(getattr(getattr(serializer, "Meta", None), "conditional_fields", ()))
        if conditional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in conditional]
            if not schema["required"]:
                del schema["required"]
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in sorted(self._problem_codes() - set(responses)):
            response = self._get_response_for_code(
                ProblemSerializer, code, media_types=[PROBLEM_CONTENT_TYPE], direction=direction
            )
            response["description"] = PROBLEM_DESCRIPTIONS[code]
            responses[code] = response
        if direction == "response":
            for code, (name, _response) in SHARED_RESPONSES.items():
                responses.setdefault(code, {"$ref": f"#/components/responses/{name}"})
        for code, response in responses.items():
            if str(code)[0] in "23" and "$ref" not in response and not response.get("headers"):
                # drf-spectacular's default 204 of a DELETE leaves out the response headers (API-Version).
                headers = self._get_response_headers_for_code(str(code), direction)
                if headers:
                    response["headers"] = headers
            # Every error is answered as problem+json (problems.py), also where a view lists its own.
            if str(code)[0] in "45" and response.get("content"):
                response["content"] = {PROBLEM_CONTENT_TYPE: next(iter(response["content"].values()))}
        return responses
