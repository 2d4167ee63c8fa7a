# SPDX-License-Identifier: EUPL-1.2
"""What every /api/v1/achtervangafspraken view shares: a login to read (401 without); an agreement
exists only for users of its two municipalities and administrators (404 for anyone else); writes
for editors of either side and administrators (403 for readers)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from goedebuur.api import ApiAutoSchema, ApiViewMixin
from goedebuur.history.services import etag

from .. import permissions
from ..models import Agreement

TAGS = ["achtervang"]
ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the agreement.")
SERVICE_ID = OpenApiParameter(
    "dienst_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the service."
)


class LoginSchema(ApiAutoSchema):
    def get_auth(self):
        return AutoSchema.get_auth(self)

    def _problem_codes(self):
        return super()._problem_codes() | {"401"}


def with_etag(response: Response, instance) -> Response:
    """ETag: the revision of the single record in the response."""
    response["ETag"] = etag(instance)
    return response


class FallbackApiMixin(ApiViewMixin):
    permission_classes = [IsAuthenticated]
    schema = LoginSchema()

    def agreement(self) -> Agreement:
        agreement = get_object_or_404(
            Agreement.objects.select_related("party_a", "party_b"), pk=self.kwargs["id"]
        )
        if not permissions.can_view(self.request.user, agreement):
            raise Http404
        return agreement

    def editable(self) -> Agreement:
        agreement = self.agreement()
        if not permissions.can_edit(self.request.user, agreement):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van beide gemeenten mogen deze afspraak wijzigen."
            )
        return agreement
