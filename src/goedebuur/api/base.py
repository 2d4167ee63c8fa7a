# SPDX-License-Identifier: EUPL-1.2
"""What every API view shares: authentication (token first, so that a missing login answers
401 with `WWW-Authenticate: Token`, not 403), the OpenAPI schema class, a 404 for unknown paths and
the shared cache of anonymous GET answers (`AnonymousCacheMixin`)."""

import functools

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from goedebuur.common import anonymous_answer

from .authentication import ApiTokenAuthentication
from .schema import ApiAutoSchema

AUTHENTICATION_CLASSES = [ApiTokenAuthentication, SessionAuthentication]


class ApiViewMixin:
    authentication_classes = AUTHENTICATION_CLASSES
    schema = ApiAutoSchema()


class AnonymousCacheMixin:
    # GET answers to anonymous clients (no token, no session) from the shared cache, per URL, `Accept`
    # and data version (goedebuur.common.cache.anonymous_answer): `anonymous_cache_version` is a
    # callable(request) giving the version of everything the answer shows. Writes and clients with a
    # token or a session always reach the view; throttles of a view that has them would be skipped on
    # a stored answer, so a view with `throttle_classes` is never stored. (Comments, not a docstring:
    # the OpenAPI schema takes a view's description from the first docstring in its bases.)

    anonymous_cache_version = None
    anonymous_cache_actions = ("list", "retrieve")  # of a viewset: its other actions are never stored

    def dispatch(self, request, *args, **kwargs):
        respond = functools.partial(super().dispatch, request, *args, **kwargs)
        version = type(self).anonymous_cache_version
        if version is None or getattr(self, "throttle_classes", None):
            return respond()
        action_map = getattr(self, "action_map", None)
        if action_map is not None and action_map.get("get") not in self.anonymous_cache_actions:
            return respond()
        return anonymous_answer(request, version, respond, negotiated=True)


class ReadOnlyApiViewMixin(ApiViewMixin):
    """For endpoints without writes: anyone may read, and any other method is 405 (not 401)."""

    permission_classes = [AllowAny]


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any path under /api/v1 that is not an endpoint (including paths with a trailing slash):
    404 as problem+json, whatever the method."""

    authentication_classes = []
    permission_classes = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound("Deze URL bestaat niet in de API. Zie /api/v1/docs.")


@extend_schema_field(OpenApiTypes.URI)
class PageLinkField(serializers.Field):
    """Absolute URL of the object's web page (`get_absolute_url`)."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*")
        super().__init__(**kwargs)

    def to_representation(self, value):
        path = value.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class MappedChoiceField(serializers.ChoiceField):
    """A choice field whose API values differ from the stored ones, e.g. `dag` <-> `day`."""

    def __init__(self, mapping: dict[str, str], **kwargs):
        self.to_internal = dict(mapping)
        self.to_api = {internal: api for api, internal in mapping.items()}
        super().__init__(choices=list(mapping), **kwargs)

    def to_internal_value(self, data):
        return self.to_internal[super().to_internal_value(data)]

    def to_representation(self, value):
        return self.to_api.get(value, value)


def absolute_url(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path
