# SPDX-License-Identifier: EUPL-1.2
"""What every /api/v1/achtervangafspraken view shares: a login to read (401 without); an agreement
exists only for users of its two municipalities and administrators (404 for anyone else); writes
for editors of either side and administrators (403 for readers)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from goedebuur.api import ApiAutoSchema, ApiViewMixin
from goedebuur.common import messages_by_field
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


def api_names(serializer: serializers.Serializer) -> dict[str, str]:
    """Model field -> API field name, read from the serializer's sources (a nested serializer's
    fields as `<source>_<child source>` -> `<name>.<child name>`; `guest.code` and `application_id`
    name the fields `guest` and `application`)."""
    names = {}
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            for child_name, child in field.fields.items():
                names[f"{field.source}_{child.source}"] = f"{name}.{child_name}"
        attribute = field.source.split(".")[0]
        names[attribute.removesuffix("_id")] = names[attribute] = name
    return names


def refusal(error: DjangoValidationError, serializer: serializers.Serializer) -> serializers.ValidationError:
    """A service's refusal with the API's field names (messages about the record as a whole under
    `nonFieldErrors`); the problem+json handler turns it into invalidParams."""
    names = api_names(serializer)
    return serializers.ValidationError(
        {
            ("nonFieldErrors" if field == "__all__" else names.get(field, field)): messages
            for field, messages in messages_by_field(error).items()
        }
    )


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
