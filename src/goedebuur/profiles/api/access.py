# SPDX-License-Identifier: EUPL-1.2
"""What every profile and landscape endpoint shares: a login as a municipal user or administrator
to read (`permissions.can_view_landscape`), the municipality from the path, the edit check, the
documented path parameters, and the API names of a service's refusal."""

from django.http import Http404
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.permissions import BasePermission

from goedebuur.api import ApiAutoSchema, ApiViewMixin
from goedebuur.municipalities.models import Municipality

from .. import permissions


class CanViewLandscape(BasePermission):
    """Logged-in municipal users and administrators may read (401 without a login, 403 for an
    account without a municipality); writes are checked per municipality in the view."""

    message = "ICT-profielen en applicatielandschappen zijn alleen te zien voor medewerkers van een gemeente."

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        return permissions.can_view_landscape(request.user)


class LoginSchema(ApiAutoSchema):
    """Every operation needs a login: no anonymous security requirement; 401 and 403 documented."""

    def get_auth(self):
        return AutoSchema.get_auth(self)

    def _problem_codes(self):
        return super()._problem_codes() | {"401", "403"}


def municipality_or_404(code) -> Municipality:
    try:
        return Municipality.objects.get(code=code.upper())
    except Municipality.DoesNotExist:
        raise Http404 from None


# No docstrings on the view mixins: drf-spectacular would describe every operation with them.
# A service's refusal reaches the API's field names in the central problem handler (`goedebuur.api`).


class ProfileApiMixin(ApiViewMixin):
    permission_classes = [CanViewLandscape]
    schema = LoginSchema()

    def municipality(self) -> Municipality:
        return municipality_or_404(self.kwargs["code"])

    def check_edit(self, municipality):
        if not permissions.can_edit_profile(self.request.user, municipality):
            raise exceptions.PermissionDenied("U mag het ICT-profiel van deze gemeente niet wijzigen.")


CODE_PARAMETER = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="CBS code of the municipality, e.g. `GM0345`.",
)
ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the application."
)
