# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/trajecten: cooperation trajectories, with the rules of the pages
(`trajectories.permissions`): partners and invitees see a trajectory in full, others only a public
summary when the partners switched it on; every write goes through `trajectories.services`.
The step plan (checklist, decisions, ambitions, actions) is in trajectories_steps.py."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality
from goedebuur.trajectories import permissions, services
from goedebuur.trajectories.models import Participant, Trajectory

from .base import ApiViewMixin, PageLinkField
from .permissions import ReadAnyoneWriteAuthenticated
from .revisions import check_if_match, revision_field

FIELD_NAMES = {
    "name": "naam",
    "description": "omschrijving",
    "invitees": "uitgenodigd",
    "domains": "domeinen",
    "intended_form": "beoogdeVorm",
    "public_summary": "openbareSamenvatting",
    "initiator": "initiatiefnemer",
    "status": "status",
    "note": "notitie",
    "outcome": "besluit",
    "date": "datum",
    "body": "genomenDoor",
    "minutes_url": "notulen",
    "motive": "motief",
    "must_haves": "hardeEisen",
    "deal_breakers": "breekpunten",
    "action": "actie",
    "item": "checklistpunt",
    "__all__": "nonFieldErrors",
}

ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of the trajectory."
)


def api_errors(error: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError({FIELD_NAMES.get(k, k): v for k, v in error.message_dict.items()})
    return serializers.ValidationError({"nonFieldErrors": error.messages})


def choice(choices, **kwargs) -> serializers.ChoiceField:
    """A choice field documented by a pattern instead of an enum: drf-spectacular turns every enum
    into a named component, and `status` / `actie` would collide with (and rename) the register's
    `StatusEnum` and `ActieEnum`."""
    values = list(choices)
    pattern = "^(" + "|".join(re.escape(v) for v in values) + ")$"
    field_class = extend_schema_field({"type": "string", "pattern": pattern})(
        type("InlineChoiceField", (serializers.ChoiceField,), {})
    )
    return field_class(choices=values, **kwargs)


class CodeField(serializers.SlugRelatedField):
    """A municipality by its CBS code, case-insensitive."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Municipality.objects.all(), **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class ParticipantSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality.code")
    gemeenteNaam = serializers.CharField(source="municipality.name")
    status = choice(Participant.Status.values)

    class Meta:
        ref_name = "TrajectDeelnemer"


class BlockerSerializer(serializers.Serializer):
    reden = serializers.CharField(source="reason")
    aanZet = serializers.ListField(
        source="who",
        child=serializers.CharField(),
        help_text="Names of the partners who must act; empty: all.",
    )

    class Meta:
        ref_name = "Blokkade"


class SummarySerializer(serializers.Serializer):
    """What anyone may see of a trajectory with a public summary."""

    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    webpagina = PageLinkField()
    naam = serializers.CharField(source="name", max_length=200)
    initiatiefnemer = serializers.CharField(source="initiator.code", read_only=True)
    deelnemers = serializers.SerializerMethodField()
    domeinen = serializers.SlugRelatedField(
        source="domains", many=True, slug_field="slug", queryset=IctDomain.objects.all(), required=False
    )
    beoogdeVorm = serializers.SlugRelatedField(
        source="intended_form",
        slug_field="code",
        queryset=CooperationForm.objects.all(),
        allow_null=True,
        required=False,
        help_text="Code of the intended cooperation form (see /api/v1/samenwerkingsvormen).",
    )
    fase = serializers.CharField(
        source="phase", read_only=True, help_text="verkennen, intentie, overeenkomen, inrichten or uitvoeren."
    )
    toestand = serializers.CharField(
        source="state", read_only=True, help_text="actief, gepauzeerd or gestopt."
    )
    openbareSamenvatting = serializers.BooleanField(source="public_summary", required=False)
    registervermelding = serializers.SerializerMethodField(
        help_text="Slug of the register entry, once promoted."
    )
    volledig = serializers.SerializerMethodField(
        help_text="True when the caller sees the trajectory in full."
    )

    class Meta:
        ref_name = "TrajectSamenvatting"

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, trajectory):
        return reverse("api:traject-detail", args=[trajectory.pk], request=self.context.get("request"))

    @extend_schema_field(ParticipantSerializer(many=True))
    def get_deelnemers(self, trajectory):
        shown = [
            p
            for p in trajectory.participants.all()
            if self.get_volledig(trajectory) or p.status == "deelnemer"
        ]
        return ParticipantSerializer(shown, many=True).data

    def get_registervermelding(self, trajectory) -> str | None:
        return trajectory.cooperation.slug if trajectory.cooperation_id else None

    def get_volledig(self, trajectory) -> bool:
        request = self.context.get("request")
        return bool(request and permissions.can_view(request.user, trajectory))


class TrajectorySerializer(SummarySerializer):
    omschrijving = serializers.CharField(source="description", allow_blank=True, required=False)
    uitgenodigd = CodeField(
        many=True,
        write_only=True,
        required=False,
        help_text="On creation: CBS codes of the municipalities to invite.",
    )
    initiatiefnemerCode = CodeField(
        source="initiator",
        write_only=True,
        required=False,
        help_text="On creation by an administrator: the initiating municipality. Editors always initiate for their own.",
    )
    toestandReden = serializers.CharField(source="state_reason", read_only=True)
    revisie = revision_field()
    businesscases = serializers.SerializerMethodField(
        help_text="Linked business cases the caller may see: `id`, `naam`, `webpagina`."
    )
    volgendeStap = serializers.SerializerMethodField(
        help_text="What blocks the next phase, and the allowed actions."
    )

    class Meta:
        ref_name = "Traject"

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "naam": {"type": "string"},
                    "webpagina": {"type": "string"},
                },
            },
        }
    )
    def get_businesscases(self, trajectory):
        visible, _hidden = services.linked_cases(trajectory, self.context["request"].user)
        return [{"id": c.pk, "naam": c.name, "webpagina": c.get_absolute_url()} for c in visible]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "toegestaneActies": {"type": "array", "items": {"type": "string"}},
                "blokkades": {"type": "array", "items": {"$ref": "#/components/schemas/Blokkade"}},
                "naarRegisterMogelijk": {"type": "boolean"},
            },
        }
    )
    def get_volgendeStap(self, trajectory):
        step = services.step_status(trajectory)
        return {
            "toegestaneActies": list(step.allowed),
            "blokkades": BlockerSerializer(step.advance_blockers, many=True).data,
            "naarRegisterMogelijk": step.may_enter_register,
        }


class TrajectoryApiMixin(ApiViewMixin):
    permission_classes = [ReadAnyoneWriteAuthenticated]
    queryset = Trajectory.objects.none()  # for the schema; views load through `trajectory()`

    def trajectory(self, *, summary_ok=False) -> Trajectory:
        trajectory = services.with_related(Trajectory.objects.all()).filter(pk=self.kwargs["id"]).first()
        if trajectory is None:
            raise Http404
        if permissions.can_view(self.request.user, trajectory):
            return trajectory
        if summary_ok and trajectory.public_summary:
            return trajectory
        raise Http404

    def get_object(self):
        """DRF's OPTIONS answer asks for the object to describe PUT: the trajectory, if the user may
        edit it (DRF's generic lookup by `pk` does not fit these views and failed with a 500)."""
        return self.editable()

    def editable(self) -> Trajectory:
        trajectory = self.trajectory()
        if not permissions.can_edit(self.request.user, trajectory):
            raise exceptions.PermissionDenied("U mag dit traject niet wijzigen.")
        return trajectory

    def answer(self, trajectory, status_code=status.HTTP_200_OK, headers=None):
        fresh = services.with_related(Trajectory.objects.all()).get(pk=trajectory.pk)
        full = permissions.can_view(self.request.user, fresh)
        serializer_class = TrajectorySerializer if full else SummarySerializer
        data = serializer_class(fresh, context={"request": self.request}).data
        response = Response(data, status=status_code, headers=headers)
        if "revisie" in data:
            response["ETag"] = f'"{data["revisie"]}"'  # the trajectory's own revision (api/revisions.py)
        return response


@extend_schema(tags=["trajecten"])
class TrajectoryListView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = TrajectorySerializer

    def get_queryset(self):
        return services.with_related(permissions.visible_or_public(self.request.user)).order_by(
            "-updated_at", "-id"
        )

    @extend_schema(
        summary="List trajectories",
        description="The trajectories the caller takes part in or is invited to (in full; administrators: "
        "all), and the public summaries of others. Paginated, most recently changed first.",
        responses=SummarySerializer(many=True),
    )
    def get(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            SummarySerializer(page, many=True, context={"request": request}).data
        )

    @extend_schema(
        summary="Start a trajectory",
        description="For editors (their municipality initiates) and administrators (give "
        "`initiatiefnemerCode`). The invitees' editors get an e-mail. Answers 201 with `Location`.",
        request=TrajectorySerializer,
        responses={201: TrajectorySerializer},
    )
    def post(self, request):
        user = request.user
        if not permissions.can_create(user):
            raise exceptions.PermissionDenied(
                "Alleen redacteuren van een gemeente en beheerders starten een traject."
            )
        serializer = TrajectorySerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        initiator = user.municipality if not user.is_platform_admin else data.get("initiator")
        if initiator is None:
            raise serializers.ValidationError(
                {"initiatiefnemerCode": ["Geef de initiatiefnemende gemeente."]}
            )
        try:
            trajectory = services.create_trajectory(
                user,
                name=data["name"],
                initiator=initiator,
                invitees=list(data.get("uitgenodigd", [])),
                domains=list(data.get("domains", [])),
                intended_form=data.get("intended_form"),
                description=data.get("description", ""),
                public_summary=data.get("public_summary", False),
            )
        except DjangoValidationError as error:
            raise api_errors(error) from None
        location = reverse("api:traject-detail", args=[trajectory.pk], request=request)
        return self.answer(trajectory, status.HTTP_201_CREATED, {"Location": location})


@extend_schema(tags=["trajecten"])
class TrajectoryDetailView(TrajectoryApiMixin, GenericAPIView):
    serializer_class = TrajectorySerializer
    revision_checked = True

    @extend_schema(
        summary="One trajectory",
        description="In full for partners, invitees and administrators (with `volgendeStap`); the public "
        "summary for others when switched on; 404 otherwise.",
        parameters=[ID_PARAMETER],
        responses=TrajectorySerializer,
    )
    def get(self, request, id):
        return self.answer(self.trajectory(summary_ok=True))

    def _update(self, request, partial):
        trajectory = self.editable()
        check_if_match(request, trajectory)
        serializer = TrajectorySerializer(
            trajectory, data=request.data, partial=partial, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        values = {name: data[name] for name in services.EDITABLE_FIELDS if name in data}
        if not partial:
            values = {"description": "", "intended_form": None, "public_summary": False} | values
        domains = list(data["domains"]) if "domains" in data else ([] if not partial else None)
        try:
            services.update_trajectory(trajectory, request.user, domains=domains, **values)
        except DjangoValidationError as error:
            raise api_errors(error) from None
        return self.answer(trajectory)

    @extend_schema(
        summary="Replace the details of a trajectory",
        description="`naam`, `omschrijving`, `domeinen`, `beoogdeVorm`, `openbareSamenvatting`; optional ones "
        "left out become empty. For editors of partners and administrators. Phase and state change "
        "through /acties.",
        parameters=[ID_PARAMETER],
        request=TrajectorySerializer,
        responses=TrajectorySerializer,
    )
    def put(self, request, id):
        return self._update(request, partial=False)

    @extend_schema(
        summary="Change some details of a trajectory",
        description="Only the fields given change. Same permissions as PUT.",
        parameters=[ID_PARAMETER],
        request=TrajectorySerializer,
        responses=TrajectorySerializer,
    )
    def patch(self, request, id):
        return self._update(request, partial=True)


def _steps():
    from . import trajectories_steps  # the step plan's endpoints, after the shared parts above

    return trajectories_steps.urlpatterns


urlpatterns = [
    path("trajecten", TrajectoryListView.as_view(), name="traject-list"),
    path("trajecten/<int:id>", TrajectoryDetailView.as_view(), name="traject-detail"),
    *_steps(),
]
