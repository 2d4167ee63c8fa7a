# SPDX-License-Identifier: EUPL-1.2
"""The field map of /api/v1/trajecten and its parts: Dutch lowerCamelCase names, `source=` pointing
at the English model attributes and service arguments (so a service's refusal of `invitees` is
reported on `uitgenodigd`)."""

import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from goedebuur.api import PageLinkField, revision_field
from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.core.trajectory.workflow import ACTIONS
from goedebuur.municipalities.models import Municipality

from .. import permissions, services
from ..models import Ambition, ChecklistState, Decision, Participant


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


class NextStepSerializer(serializers.Serializer):
    """What blocks the next phase, and the actions the caller may take now."""

    toegestaneActies = serializers.ListField(source="allowed", child=serializers.CharField())
    blokkades = BlockerSerializer(source="advance_blockers", many=True)
    naarRegisterMogelijk = serializers.BooleanField(source="may_enter_register")

    class Meta:
        ref_name = "VolgendeStap"


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
    omschrijving = serializers.CharField(
        source="description", allow_blank=True, required=False, max_length=4000
    )
    uitgenodigd = CodeField(
        source="invitees",
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

    @extend_schema_field(NextStepSerializer)
    def get_volgendeStap(self, trajectory):
        return NextStepSerializer(services.step_status(trajectory)).data


# --- step plan ---------------------------------------------------------------------------------


class ChecklistRowSerializer(serializers.Serializer):
    code = serializers.CharField(source="item.code")
    fase = serializers.CharField(source="item.phase")
    titel = serializers.CharField(source="item.title")
    tip = serializers.CharField(source="item.tip")
    verplicht = serializers.BooleanField(
        source="item.required", help_text="Must be settled before the next phase."
    )
    status = serializers.SerializerMethodField()
    notitie = serializers.SerializerMethodField()
    door = serializers.SerializerMethodField(help_text="Username of who changed it last.")
    op = serializers.SerializerMethodField()
    revisie = serializers.SerializerMethodField(
        help_text="Revision of the item's status (null while never set); the `ETag` of a PUT answer."
    )

    class Meta:
        ref_name = "Checklistpunt"

    def get_revisie(self, row) -> int | None:
        return row["state"].revision if row["state"] else None

    def get_status(self, row) -> str:
        return row["state"].status if row["state"] else ChecklistState.Status.OPEN

    def get_notitie(self, row) -> str:
        return row["state"].note if row["state"] else ""

    def get_door(self, row) -> str | None:
        state = row["state"]
        return state.updated_by.get_username() if state and state.updated_by else None

    def get_op(self, row) -> str | None:
        return row["state"].updated_at.isoformat() if row["state"] else None


class ChecklistInputSerializer(serializers.Serializer):
    status = choice(ChecklistState.Status.values, help_text="open, gedaan or nvt.")
    notitie = serializers.CharField(source="note", allow_blank=True, default="", max_length=2000)

    class Meta:
        ref_name = "ChecklistpuntWijziging"


class DecisionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    fase = serializers.CharField(source="phase", read_only=True, help_text="The phase the decision closes.")
    besluit = choice(Decision.Outcome.values, source="outcome")
    datum = serializers.DateField(source="date")
    genomenDoor = choice(Decision.Body.values, source="body")
    notulen = serializers.URLField(source="minutes_url", allow_blank=True, default="", max_length=500)
    toelichting = serializers.CharField(source="note", allow_blank=True, default="", max_length=2000)
    vastgelegdOp = serializers.DateTimeField(source="recorded_at", read_only=True)

    class Meta:
        ref_name = "Besluit"


class ActionSerializer(serializers.Serializer):
    actie = choice(ACTIONS, source="action", help_text=", ".join(ACTIONS))
    reden = serializers.CharField(allow_blank=True, default="", max_length=2000, help_text="Needed to stop.")

    class Meta:
        ref_name = "TrajectActie"


class AnswerSerializer(serializers.Serializer):
    antwoord = choice(["aannemen", "afwijzen"])

    class Meta:
        ref_name = "Uitnodigingsantwoord"


class InviteSerializer(serializers.Serializer):
    gemeenten = CodeField(
        source="invitees",
        many=True,
        allow_empty=False,
        help_text="CBS codes of the municipalities to invite.",
    )

    class Meta:
        ref_name = "Uitnodigingen"


class RegisterEntrySerializer(serializers.Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField(source="name")
    webpagina = serializers.CharField(source="get_absolute_url")

    class Meta:
        ref_name = "TrajectRegistervermelding"


# --- ambitions -------------------------------------------------------------------------------


class AmbitionSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    kwaliteit = serializers.IntegerField(min_value=0, max_value=5)
    kosten = serializers.IntegerField(min_value=0, max_value=5, help_text="minder meerKosten")
    kwetsbaarheid = serializers.IntegerField(min_value=0, max_value=5)
    personeel = serializers.IntegerField(min_value=0, max_value=5, help_text="Kansen voor personeel")
    motief = choice(Ambition.Motive.values, source="motive")
    hardeEisen = serializers.CharField(
        source="must_haves", allow_blank=True, default="", max_length=4000, help_text="One per line."
    )
    breekpunten = serializers.CharField(
        source="deal_breakers", allow_blank=True, default="", max_length=4000, help_text="One per line."
    )
    revisie = revision_field()

    class Meta:
        ref_name = "Ambitie"


class DivergenceSerializer(serializers.Serializer):
    soort = serializers.CharField(source="kind", help_text="score, motief or breekpunt.")
    onderwerp = serializers.CharField(source="label")
    verschil = serializers.IntegerField(source="gap", help_text="0-5; largest first.")
    toelichting = serializers.CharField(source="detail")

    class Meta:
        ref_name = "Verschil"


class AlignmentSerializer(serializers.Serializer):
    ambities = AmbitionSerializer(many=True)
    verschillen = DivergenceSerializer(many=True)
    bevestigdDoor = serializers.ListField(child=serializers.CharField(), help_text="CBS codes.")
    blokkades = serializers.ListField(
        child=serializers.DictField(), help_text="What blocks the move to Overeenkomen."
    )

    class Meta:
        ref_name = "Ambitieafstemming"


# --- the command line ----------------------------------------------------------------------------


class OverviewSerializer(serializers.Serializer):
    """One trajectory in `goedebuur trajecten` (and its `--json`): phase, state, partners and what
    blocks the next step, with the API's names."""

    id = serializers.IntegerField()
    naam = serializers.CharField(source="name")
    fase = serializers.CharField(source="phase")
    toestand = serializers.CharField(source="state")
    deelnemers = serializers.SerializerMethodField()
    blokkades = serializers.SerializerMethodField()

    def get_deelnemers(self, trajectory) -> list[str]:
        return [p.municipality.code for p in services.accepted(trajectory)]

    def get_blokkades(self, trajectory) -> list[dict]:
        return BlockerSerializer(services.step_status(trajectory).advance_blockers, many=True).data


# --- invitations by e-mail -------------------------------------------------------------------------


class EmailInvitationInputSerializer(serializers.Serializer):
    gemeente = CodeField(source="municipality", help_text="CBS code of an invited municipality.")
    email = serializers.EmailField(max_length=254, help_text="The contact person's e-mail address.")

    class Meta:
        ref_name = "TrajectEmailUitnodigingInvoer"
