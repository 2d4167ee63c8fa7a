# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten/{id}/e-mailuitnodigingen: who was reached by e-mail, inviting a contact at an
invited municipality, sending an invitation again and withdrawing it. For who may change the
trajectory (the addresses are personal data). Same rules as the page (`trajectories.services`)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from goedebuur.accounts.api import EmailInvitationSerializer
from goedebuur.api import ProblemSerializer, refused

from .. import services
from .serializers import EmailInvitationInputSerializer
from .views import ID_PARAMETER, TrajectoryApiMixin

INVITATION_PARAMETER = OpenApiParameter(
    "uitnodigingId", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the e-mail invitation."
)


@extend_schema(tags=["trajecten"])
class EmailInvitationListView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = EmailInvitationSerializer
    pagination_class = None  # a few per invited municipality

    @extend_schema(
        summary="E-mail invitations of a trajectory",
        description="Who was reached: every invitation by e-mail, newest first, with its status. A municipality "
        "that is invited but has no invitation here was reached by nobody. For editors of partners and "
        "administrators.",
        parameters=[ID_PARAMETER],
        responses={
            200: EmailInvitationSerializer(many=True),
            403: OpenApiResponse(
                ProblemSerializer, description="A reader of a partner: the addresses are not shown."
            ),
        },
    )
    def get(self, request, id):
        invitations = services.email_invitations(self.editable(), request.user)
        return Response(EmailInvitationSerializer(invitations, many=True).data)

    @extend_schema(
        summary="Invite a contact by e-mail",
        description="Sends a contact person at an invited municipality a mail with a single-use link "
        "(valid `GOEDEBUUR_INVITATION_DAYS`); following it creates an editor account of that municipality and "
        "accepts the trajectory. An address outside the municipality's known mail domains waits for a "
        "platform administrator's approval (`status` `goedkeuring`). `status` tells honestly whether the "
        "mail went to a mail server (`verstuurd`), was only logged (`niet-verstuurd`) or failed (`mislukt`).",
        parameters=[ID_PARAMETER],
        request=EmailInvitationInputSerializer,
        responses={201: EmailInvitationSerializer},
    )
    def post(self, request, id):
        trajectory = self.editable()
        serializer = EmailInvitationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            invitation = services.invite_contact(
                trajectory, data["municipality"], data["email"], request.user
            )
        except DjangoValidationError as error:
            raise refused(error, EmailInvitationInputSerializer) from None
        return Response(EmailInvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)


class _OneInvitation(TrajectoryApiMixin, GenericAPIView):
    serializer_class = EmailInvitationSerializer
    how = ""  # "resend" or "withdraw" (services.change_invitation)

    def invitation(self, trajectory):
        try:
            return services.invitation_of(trajectory, self.kwargs["uitnodigingId"])
        except DjangoValidationError:
            raise Http404 from None

    def post(self, request, id, uitnodigingId):  # noqa: N803 - the API's parameter name
        trajectory = self.editable()
        invitation = self.invitation(trajectory)
        try:
            invitation = services.change_invitation(trajectory, invitation, self.how, request.user)
        except DjangoValidationError as error:
            raise refused(error, EmailInvitationSerializer) from None
        return Response(EmailInvitationSerializer(invitation).data)


@extend_schema(tags=["trajecten"])
class EmailInvitationResendView(_OneInvitation):
    how = "resend"

    @extend_schema(
        summary="Send an e-mail invitation again",
        description="With a new link and a new expiry date; the old link stops working. Not for an invitation "
        "that was accepted, declined, withdrawn or still waits for approval.",
        parameters=[ID_PARAMETER, INVITATION_PARAMETER],
        request=None,
        responses=EmailInvitationSerializer,
    )
    def post(self, request, id, uitnodigingId):  # noqa: N803
        return super().post(request, id, uitnodigingId)


@extend_schema(tags=["trajecten"])
class EmailInvitationWithdrawView(_OneInvitation):
    how = "withdraw"

    @extend_schema(
        summary="Withdraw an e-mail invitation",
        description="The link stops working. The municipality stays invited (other people may still be reached).",
        parameters=[ID_PARAMETER, INVITATION_PARAMETER],
        request=None,
        responses=EmailInvitationSerializer,
    )
    def post(self, request, id, uitnodigingId):  # noqa: N803
        return super().post(request, id, uitnodigingId)


urlpatterns = [
    path(
        "trajecten/<int:id>/e-mailuitnodigingen",
        EmailInvitationListView.as_view(),
        name="traject-e-mailuitnodigingen",
    ),
    path(
        "trajecten/<int:id>/e-mailuitnodigingen/<int:uitnodigingId>/opnieuw-versturen",
        EmailInvitationResendView.as_view(),
        name="traject-e-mailuitnodiging-opnieuw",
    ),
    path(
        "trajecten/<int:id>/e-mailuitnodigingen/<int:uitnodigingId>/intrekken",
        EmailInvitationWithdrawView.as_view(),
        name="traject-e-mailuitnodiging-intrekken",
    ),
]
