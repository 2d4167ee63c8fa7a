# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten/{id}/...: the step plan of a trajectory through the API: checklist, decisions,
actions (advance, back, pause, resume, stop), the answer to an invitation, more invitations and the
move into the register. Same rules as the pages (`trajectories.services`)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from goedebuur.api import IF_MATCH_HEADER, check_if_match, refused
from goedebuur.history.services import etag

from .. import services
from ..models import ChecklistItem, ChecklistState
from .serializers import (
    ActionSerializer,
    AnswerSerializer,
    ChecklistInputSerializer,
    ChecklistRowSerializer,
    DecisionSerializer,
    InviteSerializer,
    RegisterEntrySerializer,
    TrajectorySerializer,
)
from .views import ID_PARAMETER, TrajectoryApiMixin

CODE_PARAMETER = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Code of the checklist item, e.g. `nulmeting`.",
)


class ChecklistView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = ChecklistRowSerializer
    pagination_class = None  # a few dozen items at most

    @extend_schema(
        summary="Checklist of a trajectory",
        description="Every item in use, per phase in order, with its tip and the trajectory's status.",
        parameters=[ID_PARAMETER],
        responses=ChecklistRowSerializer(many=True),
    )
    def get(self, request, id):
        rows = [row for phase in services.checklist(self.trajectory()) for row in phase["rows"]]
        return Response(ChecklistRowSerializer(rows, many=True).data)


@extend_schema(tags=["trajecten"])
class ChecklistItemView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = ChecklistInputSerializer
    revision_checked = True

    @extend_schema(
        summary="Set the status of a checklist item",
        description="`open`, `gedaan` or `nvt` (not applicable), with a note. For editors of partners and administrators.",
        parameters=[ID_PARAMETER, CODE_PARAMETER],
        request=ChecklistInputSerializer,
        responses=ChecklistRowSerializer,
    )
    def put(self, request, id, code):
        trajectory = self.editable()
        item = get_object_or_404(ChecklistItem, code=code)
        current = ChecklistState.objects.filter(trajectory=trajectory, item=item).first()
        if current is not None:
            check_if_match(request, current)
        serializer = ChecklistInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            state = services.set_checklist_status(
                trajectory,
                item,
                serializer.validated_data["status"],
                serializer.validated_data["note"],
                request.user,
                revision=current.revision if current is not None else None,
            )
        except DjangoValidationError as error:
            raise refused(error, ChecklistInputSerializer, item="checklistpunt") from None
        return Response(
            ChecklistRowSerializer({"item": item, "state": state}).data,
            headers={"ETag": etag(state)},
        )


class DecisionListView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = DecisionSerializer
    pagination_class = None  # one or two per phase

    @extend_schema(
        summary="Decisions of a trajectory",
        description="Newest first.",
        parameters=[ID_PARAMETER],
        responses=DecisionSerializer(many=True),
    )
    def get(self, request, id):
        return Response(DecisionSerializer(self.trajectory().decisions.all(), many=True).data)

    @extend_schema(
        summary="Record a decision",
        description="A go or no-go decision about the current phase. A go decision (the latest one since "
        "the phase was entered) is needed to advance.",
        parameters=[ID_PARAMETER],
        request=DecisionSerializer,
        responses={201: DecisionSerializer},
    )
    def post(self, request, id):
        trajectory = self.editable()
        serializer = DecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            decision = services.record_decision(trajectory, request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            raise refused(error, DecisionSerializer) from None
        return Response(DecisionSerializer(decision).data, status=status.HTTP_201_CREATED)


class ActionView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = ActionSerializer

    @extend_schema(
        summary="Take a step",
        description="`volgende-fase` (after a go decision, with the required checklist items settled and, "
        "before Overeenkomen, aligned ambitions), `vorige-fase`, `pauzeren`, `hervatten`, `stoppen` (with "
        "`reden`). A refused step answers 400 with every reason. With `If-Match` (the trajectory's `ETag`) a step "
        "on a trajectory that changed since answers 412; a step that loses a race with another change 409.",
        parameters=[ID_PARAMETER, IF_MATCH_HEADER],
        request=ActionSerializer,
        responses=TrajectorySerializer,
    )
    def post(self, request, id):
        trajectory = self.editable()
        check_if_match(request, trajectory)
        serializer = ActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            trajectory = services.take_action(
                trajectory,
                serializer.validated_data["action"],
                request.user,
                serializer.validated_data["reden"],
            )
        except DjangoValidationError as error:
            raise refused(error, ActionSerializer) from None
        return self.answer(trajectory)


class InvitationView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = AnswerSerializer

    @extend_schema(
        summary="Answer an invitation",
        description="For editors of the invited municipality.",
        parameters=[ID_PARAMETER],
        request=AnswerSerializer,
        responses=TrajectorySerializer,
    )
    def post(self, request, id):
        trajectory = self.trajectory()
        services.check_may_respond(request.user, trajectory)
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accept = serializer.validated_data["antwoord"] == "aannemen"
        services.respond(trajectory, request.user.municipality, accept, request.user)
        return self.answer(trajectory)


class InviteView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = InviteSerializer

    @extend_schema(
        summary="Invite more municipalities",
        description="For editors of partners and administrators; a municipality that declined may be "
        "invited again. Their editors get an e-mail. With `If-Match` (the trajectory's `ETag`) an invitation "
        "to a trajectory that changed since answers 412.",
        parameters=[ID_PARAMETER, IF_MATCH_HEADER],
        request=InviteSerializer,
        responses=TrajectorySerializer,
    )
    def post(self, request, id):
        trajectory = self.editable()
        check_if_match(request, trajectory)
        serializer = InviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.invite(trajectory, list(serializer.validated_data["invitees"]), request.user)
        except DjangoValidationError as error:
            raise refused(error, InviteSerializer) from None
        return self.answer(trajectory)


class PromoteView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = RegisterEntrySerializer

    @extend_schema(
        summary="Enter the trajectory in the register",
        description="Once the Overeenkomen phase is passed: creates the cooperation (form, domains, "
        "partners) in /api/v1/samenwerkingen. Answers 201 with the new entry's slug. With `If-Match` (the "
        "trajectory's `ETag`) a trajectory that changed since answers 412 and nothing is entered.",
        operation_id="trajecten_naar_register",
        parameters=[ID_PARAMETER, IF_MATCH_HEADER],
        request=None,
        responses={201: RegisterEntrySerializer},
    )
    def post(self, request, id):
        trajectory = self.editable()
        check_if_match(request, trajectory)
        try:
            cooperation = services.promote_to_register(trajectory, request.user)
        except DjangoValidationError as error:
            raise refused(error, TrajectorySerializer) from None
        return Response(RegisterEntrySerializer(cooperation).data, status=status.HTTP_201_CREATED)


urlpatterns = [
    path("trajecten/<int:id>/checklist", ChecklistView.as_view(), name="traject-checklist"),
    path(
        "trajecten/<int:id>/checklist/<slug:code>", ChecklistItemView.as_view(), name="traject-checklistpunt"
    ),
    path("trajecten/<int:id>/besluiten", DecisionListView.as_view(), name="traject-besluiten"),
    path("trajecten/<int:id>/acties", ActionView.as_view(), name="traject-acties"),
    path("trajecten/<int:id>/uitnodiging", InvitationView.as_view(), name="traject-uitnodiging"),
    path("trajecten/<int:id>/uitnodigingen", InviteView.as_view(), name="traject-uitnodigingen"),
    path("trajecten/<int:id>/naar-register", PromoteView.as_view(), name="traject-naar-register"),
]
