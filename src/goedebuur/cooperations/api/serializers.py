# SPDX-License-Identifier: EUPL-1.2
"""The register's serializers: the one map between the API's Dutch field names and the services'
names (`source=`). Service refusals (see `goedebuur.api.problems`), history snapshots and their
changes are all renamed through them."""

import dataclasses
from functools import cached_property

import django_filters
from django.core.validators import RegexValidator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from goedebuur.api import MappedChoiceField, PageLinkField, revision_field
from goedebuur.municipalities.models import Municipality

from .. import services
from ..models import (
    Cooperation,
    CooperationForm,
    IctDomain,
    MemberChange,
    MemberConsent,
    Membership,
    PolicyDomain,
)

PRECISION = {"dag": Cooperation.Precision.DAY, "jaar": Cooperation.Precision.YEAR}
PRECISION_CHOICES = list(PRECISION)  # SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["PrecisieEnum"]
MEMBER_STATUSES = ["geaccepteerd", "uitgenodigd"]  # ENUM_NAME_OVERRIDES["DeelnemerStatusEnum"]
COOPERATION_STATUSES = list(Cooperation.Status.values)  # keeps its name "StatusEnum" next to the above
ACTIONS = {"aangemaakt": "create", "gewijzigd": "update", "verwijderd": "delete", "hersteld": "restore"}


# --- filters -------------------------------------------------------------------------------


PROVINCE_CODE = RegexValidator(r"^PV\d{2}$", "Gebruik een provinciecode, bijvoorbeeld PV26.", code="invalid")
ROO_ID = RegexValidator(r"^\d{1,20}$", "Een ROO-systeemId bestaat uit cijfers.", code="invalid")


class CodeField(django_filters.fields.ModelChoiceField):
    """A record by its code, case-insensitive (`gm0345` is `GM0345`)."""

    def to_python(self, value):
        return super().to_python(value.upper() if isinstance(value, str) else value)


@extend_schema_field(OpenApiTypes.STR)
class RecordFilter(django_filters.ModelChoiceFilter):
    """A record by its slug or code (`to_field_name`); an unknown one answers 400."""


class CodeFilter(RecordFilter):
    field_class = CodeField


class CooperationFilter(django_filters.FilterSet):
    """Every filter is strict: a value that names nothing (an unknown domain, form or municipality, a
    date that is not a date) answers 400 naming the parameter. `filter_queryset` hands the values to
    `services.filter_cooperations`."""

    domein = RecordFilter(
        queryset=IctDomain.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": "Onbekend ICT-domein; zie /api/v1/ict-domeinen."},
        help_text="ICT domain slug (see /api/v1/ict-domeinen).",
    )
    beleidsdomein = RecordFilter(
        queryset=PolicyDomain.objects.all(),
        to_field_name="slug",
        error_messages={"invalid_choice": "Onbekend beleidsdomein; zie /api/v1/beleidsdomeinen."},
        help_text="Policy domain slug (see /api/v1/beleidsdomeinen).",
    )
    vorm = RecordFilter(
        queryset=CooperationForm.objects.all(),
        to_field_name="code",
        error_messages={"invalid_choice": "Onbekende vorm; zie /api/v1/samenwerkingsvormen."},
        help_text="Cooperation form code (see /api/v1/samenwerkingsvormen).",
    )
    status = django_filters.ChoiceFilter(choices=[(s, s) for s in Cooperation.Status.values])
    provincie = django_filters.CharFilter(
        validators=[PROVINCE_CODE], help_text="Province code: at least one member in it, e.g. `PV26`."
    )
    gemeente = CodeFilter(
        queryset=Municipality.objects.all(),
        to_field_name="code",
        error_messages={"invalid_choice": "Onbekende gemeente; geef een CBS-code, bijvoorbeeld GM0345."},
        help_text="CBS code of a member municipality, e.g. `GM0345` (with `actiefOp`: a member on that day).",
    )
    herkomst = django_filters.ChoiceFilter(
        choices=[(code, code) for code in services.ORIGIN_CODES],
        help_text="`gr-register`: regelingen from the national GR-register; `goede-buur`: added on the platform.",
    )
    rooSysteemId = django_filters.CharFilter(
        validators=[ROO_ID],
        help_text="A ROO systeemId of the regeling or of one of its earlier versions, e.g. `29750093`.",
    )
    actiefOp = django_filters.DateFilter(
        help_text="Only entries in force on this day (ISO date): begun, not yet ended, with a member "
        "on that day.",
    )
    zoek = django_filters.CharFilter(
        help_text="Part of the name, the description, the register's abbreviation or a member's name."
    )

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return services.filter_cooperations(
            queryset,
            query=(data.get("zoek") or "").strip(),
            domain=data["domein"].slug if data.get("domein") else "",
            policy_domain=data["beleidsdomein"].slug if data.get("beleidsdomein") else "",
            form=data["vorm"].code if data.get("vorm") else "",
            status=data.get("status") or "",
            province=data.get("provincie") or "",
            municipality=data["gemeente"].code if data.get("gemeente") else "",
            origin=services.ORIGIN_CODES.get(data.get("herkomst") or "", ""),
            roo_id=data.get("rooSysteemId") or "",
            active_on=data.get("actiefOp"),
        )


# --- serializers ---------------------------------------------------------------------------


class PrecisionField(MappedChoiceField):
    """`dag` (the date is exact) or `jaar` (only the year is known)."""

    def __init__(self, **kwargs):
        super().__init__(PRECISION, default=Cooperation.Precision.DAY, **kwargs)


class CodeRelatedField(serializers.SlugRelatedField):
    """A municipality by its CBS code, case-insensitive."""

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class FormerMunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="CBS code of the former municipality, e.g. `GM0501`.")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "VoormaligeGemeente"


class MemberSerializer(serializers.Serializer):
    gemeente = CodeRelatedField(
        source="municipality",
        slug_field="code",
        queryset=Municipality.objects.all(),
        help_text="CBS code of the municipality, e.g. `GM0345`.",
    )
    gemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    rol = serializers.ChoiceField(
        source="role", choices=Membership.Role.values, default=Membership.Role.DEELNEMER
    )
    toegetredenOp = serializers.DateField(source="joined_on", allow_null=True, default=None)
    uitgetredenOp = serializers.DateField(
        source="left_on",
        allow_null=True,
        default=None,
        help_text="Leave empty for a current member; a date for a former member.",
    )
    voorheen = FormerMunicipalitySerializer(
        source="former",
        many=True,
        read_only=True,
        help_text="Former municipalities this member stands for in the GR-register (merged into it).",
    )
    volgensRegister = serializers.BooleanField(
        source="official",
        read_only=True,
        help_text="True when the membership (who, since, until) comes from the GR-register.",
    )
    status = serializers.ChoiceField(
        source="member_status",
        choices=MEMBER_STATUSES,
        read_only=True,
        help_text="`geaccepteerd`: a member. `uitgenodigd`: invited, not yet a member (no rights until it "
        "and the other members agree; see `wijzigingenDeelnemers`). Listing an invited municipality in a "
        "PUT or PATCH keeps its invitation, leaving it out withdraws it.",
    )

    class Meta:
        ref_name = "Deelnemer"


class MemberChangeSerializer(serializers.Serializer):
    """An invitation or removal that waits for the consent of the municipalities concerned."""

    samenwerking = serializers.CharField(source="cooperation.slug", help_text="The cooperation's slug.")
    gemeente = serializers.CharField(source="municipality.code", help_text="CBS code of the municipality.")
    gemeenteNaam = serializers.CharField(source="municipality.name")
    soort = serializers.ChoiceField(
        source="kind",
        choices=MemberChange.Kind.values,
        help_text="`toetreden`: the municipality is invited. `uittreden`: its removal is proposed.",
    )
    rol = serializers.ChoiceField(source="role", choices=Membership.Role.values)
    toegetredenOp = serializers.DateField(source="joined_on", allow_null=True)
    uitgetredenOp = serializers.DateField(
        source="left_on",
        allow_null=True,
        help_text="For a removal: the leave date it sets; null takes the municipality off the list.",
    )
    voorgesteldNamens = serializers.CharField(
        source="proposed_for.code", allow_null=True, help_text="CBS code of the proposing municipality."
    )
    voorgesteldOp = serializers.DateTimeField(source="proposed_at")
    wachtOp = serializers.SerializerMethodField(
        help_text="CBS codes of the municipalities whose answer is still needed."
    )
    ingestemd = serializers.SerializerMethodField(help_text="CBS codes of the municipalities that agreed.")
    accepteren = serializers.SerializerMethodField(
        help_text="POST here to accept (for the invited municipality) or agree (for a member)."
    )
    weigeren = serializers.SerializerMethodField(
        help_text="POST here to decline, or to withdraw for the proposing municipality."
    )

    class Meta:
        ref_name = "WijzigingDeelnemers"

    def get_wachtOp(self, change) -> list[str]:
        return [m.code for m in services.member_change_waits_for(change)]

    def get_ingestemd(self, change) -> list[str]:
        return [c.municipality.code for c in change.consents.all() if c.answer == MemberConsent.Answer.YES]

    def _link(self, change, name) -> str:
        return reverse(
            name,
            kwargs={"slug": change.cooperation.slug, "gemeente": change.municipality.code},
            request=self.context.get("request"),
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_accepteren(self, change):
        return self._link(change, "api:samenwerking-accept-member")

    @extend_schema_field(OpenApiTypes.URI)
    def get_weigeren(self, change):
        return self._link(change, "api:samenwerking-decline-member")


class SourceSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500, allow_blank=True, default="")
    omschrijving = serializers.CharField(source="description", max_length=500, allow_blank=True, default="")

    class Meta:
        ref_name = "Bron"

    def validate(self, attrs):
        if not (attrs.get("url") or attrs.get("description")):
            raise serializers.ValidationError("Geef een URL, een omschrijving of beide.", code="required")
        return attrs


class NullIfBlankField(serializers.CharField):
    """A text that is null when empty (read-only)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


# Where the evidence of a derived domain was read: stored code -> API code.
EVIDENCE_SOURCES = {
    "title": "titel",
    "purpose": "doel",
    "policy_area": "beleidsterrein",
    "body_name": "uitvoerendOrgaan",
    "legal_form": "rechtsvorm",
}


class EvidenceSerializer(serializers.Serializer):
    bron = serializers.ChoiceField(
        choices=list(EVIDENCE_SOURCES.values()), help_text="Where the text was found."
    )
    tekst = serializers.CharField(help_text="The word or policy area that decided, e.g. `ICT`.")

    class Meta:
        ref_name = "Bewijs"

    def to_representation(self, instance):
        source, text = instance
        return {"bron": EVIDENCE_SOURCES.get(source, source), "tekst": text}


class InForceSerializer(serializers.Serializer):
    van = serializers.DateField(source="in_force_from", allow_null=True)
    tot = serializers.DateField(source="in_force_until", allow_null=True)

    class Meta:
        ref_name = "InWerking"


class OtherParticipantSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    rooSysteemId = NullIfBlankField(source="roo_id")
    tooi = NullIfBlankField()
    toegetredenOp = serializers.DateField(source="joined", allow_null=True)
    uitgetredenOp = serializers.DateField(source="left", allow_null=True)
    voormaligeGemeente = serializers.BooleanField(
        source="former_municipality",
        help_text="A former municipality without one successor (e.g. Haaren, divided over four).",
    )

    class Meta:
        ref_name = "OverigeDeelnemer"


class DerivedDomainsSerializer(serializers.Serializer):
    ict = serializers.ListField(
        source="derived_ict_domains", child=serializers.CharField(), help_text="ICT domain slugs."
    )
    beleid = serializers.ListField(
        source="derived_policy_domains", child=serializers.CharField(), help_text="Policy domain slugs."
    )

    class Meta:
        ref_name = "AfgeleideDomeinen"


class RegisterDataSerializer(serializers.Serializer):
    """What the GR-register says of a regeling (its latest version), read-only; null for entries added
    on the platform."""

    titel = serializers.CharField(source="title")
    afkorting = serializers.CharField(source="abbreviation")
    citeertitel = serializers.CharField(source="citation_title")
    vorm = serializers.CharField(
        source="legal_form", help_text="The register's legal form: `OL`, `BVO`, `GO` or `RZM`."
    )
    vormNaam = serializers.CharField(source="legal_form_name")
    doel = serializers.CharField(source="purpose")
    beleidsterreinen = serializers.ListField(source="policy_areas", child=serializers.CharField())
    inWerking = InForceSerializer(source="*")
    instellingsbesluiten = serializers.ListField(
        source="decisions", child=serializers.CharField(), help_text="Links to the founding decisions."
    )
    rooUrl = serializers.CharField(source="roo_url", help_text="The regeling in the ROO.")
    uitvoerendOrgaan = serializers.CharField(source="body_name")
    overigeDeelnemers = OtherParticipantSerializer(
        source="other_participants",
        many=True,
        help_text="Participants that are not a current municipality: provinces, water boards, other "
        "regelingen, former municipalities without one successor.",
    )
    afgeleideDomeinen = DerivedDomainsSerializer(
        source="*",
        help_text="The domains Goede Buur derived from the register (see `domeinenBevestigd`).",
    )
    bewijs = EvidenceSerializer(source="evidence", many=True)
    bron = serializers.CharField(source="source")

    class Meta:
        ref_name = "GrRegistergegevens"

    def to_representation(self, instance):
        return super().to_representation(instance) if instance else None


class CooperationSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:samenwerking-detail", lookup_field="slug")
    webpagina = PageLinkField(help_text="The cooperation's page on Goede Buur.")
    slug = serializers.SlugField(read_only=True, help_text="Made from the name on creation; never changes.")
    naam = serializers.CharField(source="name", max_length=200)
    omschrijving = serializers.CharField(source="description", max_length=5000, allow_blank=True, default="")
    vorm = serializers.SlugRelatedField(
        source="form",
        slug_field="code",
        queryset=CooperationForm.objects.all(),
        help_text="Code of the cooperation form (see /api/v1/samenwerkingsvormen).",
    )
    vormVolgensBronnen = serializers.CharField(
        source="form_text",
        max_length=300,
        allow_blank=True,
        default="",
        help_text="The form as the sources describe it, in their words.",
    )
    status = serializers.ChoiceField(choices=Cooperation.Status.values, default=Cooperation.Status.ONBEKEND)
    startdatum = serializers.DateField(source="start_date", allow_null=True, default=None)
    startPrecisie = PrecisionField(
        source="start_precision",
        help_text="`jaar` when only the year of `startdatum` is known (give 1 January).",
    )
    einddatum = serializers.DateField(source="end_date", allow_null=True, default=None)
    eindPrecisie = PrecisionField(source="end_precision")
    domeinen = serializers.SlugRelatedField(
        source="domains",
        many=True,
        slug_field="slug",
        queryset=IctDomain.objects.all(),
        help_text="Slugs of the ICT domains (see /api/v1/ict-domeinen); at least one.",
    )
    deelnemers = MemberSerializer(
        source="members",
        many=True,
        help_text="At least two municipalities. An editor's own municipality must be a current member. "
        "A municipality an editor adds is invited (`status` `uitgenodigd`); removing a current member is "
        "proposed to the members (see `wijzigingenDeelnemers`). An administrator's change applies at once.",
    )
    wijzigingenDeelnemers = MemberChangeSerializer(
        source="open_member_changes",
        many=True,
        read_only=True,
        help_text="Invitations and removals that wait for consent.",
    )
    beleidsdomeinen = serializers.SlugRelatedField(
        source="policy_domains",
        many=True,
        slug_field="slug",
        queryset=PolicyDomain.objects.all(),
        default=list,
        help_text="Slugs of the policy domains (see /api/v1/beleidsdomeinen).",
    )
    domeinenBevestigd = serializers.BooleanField(
        source="domains_confirmed",
        read_only=True,
        help_text="False while `domeinen` and `beleidsdomeinen` are derived from the GR-register and no "
        "member has confirmed them; any save by a member confirms them.",
    )
    gedeeldeDiensten = serializers.CharField(
        source="shared_services",
        max_length=5000,
        allow_blank=True,
        default="",
        help_text="The services the members share.",
    )
    contact = serializers.CharField(
        max_length=300, allow_blank=True, default="", help_text="A functional address or department."
    )
    bronnen = SourceSerializer(source="sources", many=True, default=list, help_text="Public sources.")
    herkomst = MappedChoiceField(
        services.ORIGIN_CODES,
        source="origin",
        read_only=True,
        help_text="`gr-register`: a regeling from the national GR-register, whose `naam`, `vorm`, "
        "`vormVolgensBronnen`, `status`, dates and `deelnemers` (who, since, until) are read-only; "
        "`goede-buur`: added on the platform.",
    )
    rooSysteemId = NullIfBlankField(
        source="roo_id", help_text="The systeemId of the regeling's latest version in the ROO."
    )
    tooi = NullIfBlankField(help_text="The regeling's TOOI identifier, when the register gives one.")
    peildatum = serializers.DateField(
        source="register_date",
        read_only=True,
        allow_null=True,
        help_text="The day of the GR-register data this entry was last read from.",
    )
    register = RegisterDataSerializer(source="official", read_only=True, allow_null=True)
    demogegevens = serializers.BooleanField(
        source="is_demo", read_only=True, help_text="True for invented demo entries."
    )
    verwijderd = serializers.BooleanField(
        source="deleted",
        read_only=True,
        help_text="Only true in the answer to restoring a version in which the entry was deleted.",
    )
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Samenwerking"


def to_input(validated: dict, instance: Cooperation | None) -> services.CooperationInput:
    """The service input: the current state of `instance` (if any), overlaid with the fields the
    request gave (all of them on POST and PUT, thanks to defaults; some on PATCH). The serializer's
    `source=` names are the input's field names."""
    if instance is None:
        values = services.CooperationInput(name="", form=None, domains=[], members=[])
    else:
        values = services.input_from(instance)
    changes = dict(validated)
    for name in ("domains", "policy_domains"):
        if name in changes:
            changes[name] = list(changes[name])
    if "members" in changes:
        changes["members"] = [services.MemberInput(**member) for member in changes["members"]]
    if "sources" in changes:
        changes["sources"] = [services.SourceInput(**source) for source in changes["sources"]]
    return dataclasses.replace(values, **changes)


# --- history -------------------------------------------------------------------------------


def _api_field(serializer: serializers.Serializer, stored_name: str):
    """The API's name of a stored field (a history snapshot uses the services' names) and its
    serializer field (None when the serializer does not show it)."""
    for name, field in serializer.fields.items():
        if field.source == stored_name:
            return name, field
    return stored_name, None


def _api_value(field, value):
    if isinstance(field, serializers.ListSerializer) and isinstance(value, list):
        return [_api_state(field.child, item) if isinstance(item, dict) else item for item in value]
    if isinstance(field, MappedChoiceField):
        return field.to_representation(value)
    return value


def _api_state(serializer: serializers.Serializer, state: dict) -> dict:
    """A stored state in the API's names and values, as `serializer` maps them."""
    renamed = {}
    for stored_name, value in state.items():
        name, field = _api_field(serializer, stored_name)
        renamed[name] = _api_value(field, value)
    return renamed


class ChangeSerializer(serializers.Serializer):
    veld = serializers.CharField(help_text="API field name, e.g. `naam`, `deelnemers`.")
    oud = serializers.JSONField(allow_null=True)
    nieuw = serializers.JSONField(allow_null=True)

    class Meta:
        ref_name = "Wijziging"


SNAPSHOT_SCHEMA = {
    "type": "object",
    "additionalProperties": {},
    "description": "The full state of the entry after this change, with the API's field names "
    "(`vorm` as code, `domeinen` as slugs, `deelnemers`, `bronnen`, `verwijderd`).",
}


class VersionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    op = serializers.DateTimeField(source="at", help_text="When the change was made.")
    actie = MappedChoiceField(ACTIONS, source="action")
    door = serializers.SerializerMethodField(
        help_text="Username of who made the change (`systeem` for data loads); "
        "only shown to logged-in users, null otherwise."
    )
    notitie = serializers.CharField(source="note")
    wijzigingen = serializers.SerializerMethodField(help_text="The fields that changed.")
    momentopname = serializers.SerializerMethodField()
    herstellen = serializers.SerializerMethodField(help_text="POST here to restore this version.")

    class Meta:
        ref_name = "Versie"

    def get_door(self, record) -> str | None:
        request = self.context.get("request")
        return record.user_repr if request is not None and request.user.is_authenticated else None

    @cached_property
    def _entry(self):
        """The field map the stored names and values are shown through."""
        return CooperationSerializer()

    @extend_schema_field(ChangeSerializer(many=True))
    def get_wijzigingen(self, record):
        changes = []
        for change in record.changes:
            name, field = _api_field(self._entry, change["field"])
            changes.append(
                {
                    "veld": name,
                    "oud": _api_value(field, change["old"]),
                    "nieuw": _api_value(field, change["new"]),
                }
            )
        return changes

    @extend_schema_field(SNAPSHOT_SCHEMA)
    def get_momentopname(self, record):
        return _api_state(self._entry, record.snapshot)

    @extend_schema_field(OpenApiTypes.URI)
    def get_herstellen(self, record):
        return reverse(
            "api:samenwerking-restore",
            kwargs={"slug": self.context["slug"], "versieId": record.pk},
            request=self.context.get("request"),
        )


# --- managed lists -------------------------------------------------------------------------


class IctDomainSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:ict-domein-detail", lookup_field="slug")
    slug = serializers.SlugField(help_text="The value for `domeinen` and the `domein` filter.")
    naam = serializers.CharField(source="name")
    korteNaam = serializers.CharField(source="short_name")
    omschrijving = serializers.CharField(source="description")

    class Meta:
        ref_name = "IctDomein"


class PolicyDomainSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:beleidsdomein-detail", lookup_field="slug")
    slug = serializers.SlugField(help_text="The value for `beleidsdomeinen` and the `beleidsdomein` filter.")
    naam = serializers.CharField(source="name")
    korteNaam = serializers.CharField(source="short_name")
    omschrijving = serializers.CharField(source="description")

    class Meta:
        ref_name = "Beleidsdomein"


class CooperationFormSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:samenwerkingsvorm-detail", lookup_field="code")
    code = serializers.SlugField(help_text="The value for `vorm` and the `vorm` filter.")
    naam = serializers.CharField(source="name")
    soort = serializers.CharField(source="family", help_text="Family, e.g. `Publiekrecht (Wgr)`.")
    omschrijving = serializers.CharField(source="description")

    class Meta:
        ref_name = "Samenwerkingsvorm"


# --- versions in the GR-register -------------------------------------------------------------


class RegisterParticipantSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    gemeente = NullIfBlankField(source="code", help_text="CBS code when the participant is a municipality.")
    rooSysteemId = NullIfBlankField(source="roo_id")
    toegetredenOp = serializers.DateField(source="joined", allow_null=True)
    uitgetredenOp = serializers.DateField(source="left", allow_null=True)

    class Meta:
        ref_name = "RegisterDeelnemer"


class RegisterVersionSerializer(serializers.Serializer):
    """One version of the regeling in the GR-register (`services.RegisterVersionRow`)."""

    rooSysteemId = serializers.CharField(source="version.roo_id")
    titel = serializers.CharField(source="version.title")
    vorigeTitel = NullIfBlankField(
        source="previous_title", help_text="The title of the version before, when this one changed it."
    )
    geldigVan = serializers.DateField(source="version.valid_from", allow_null=True)
    geldigTot = serializers.DateField(source="version.valid_until", allow_null=True)
    inWerkingVan = serializers.DateField(source="version.in_force_from", allow_null=True)
    inWerkingTot = serializers.DateField(source="version.in_force_until", allow_null=True)
    vorm = serializers.CharField(source="version.legal_form")
    deelnemers = RegisterParticipantSerializer(source="version.participants", many=True)
    toegetreden = serializers.ListField(
        source="joined", child=serializers.CharField(), help_text="Names that joined with this version."
    )
    uitgetreden = serializers.ListField(
        source="left", child=serializers.CharField(), help_text="Names that left with this version."
    )
    instellingsbesluiten = serializers.ListField(source="version.decisions", child=serializers.CharField())
    rooUrl = serializers.CharField(source="version.roo_url")

    class Meta:
        ref_name = "RegisterVersie"


class MemberEmailInvitationInputSerializer(serializers.Serializer):
    gemeente = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        source="municipality",
        help_text="CBS code of a municipality with an open invitation into the cooperation.",
    )
    email = serializers.EmailField(max_length=254, help_text="The contact person's e-mail address.")

    class Meta:
        ref_name = "SamenwerkingEmailUitnodigingInvoer"
