# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/samenwerkingen: the register of ICT cooperations. Reading is open; every write goes
through `cooperations.services` (validation, history) with the permissions of the pages."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from goedebuur.cooperations import permissions as cooperation_permissions
from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, Membership
from goedebuur.municipalities.models import Municipality

from .base import ApiViewMixin, MappedChoiceField, PageLinkField
from .permissions import CooperationPermission
from .revisions import RevisionCheckedMixin, revision_field

PRECISION = {"dag": Cooperation.Precision.DAY, "jaar": Cooperation.Precision.YEAR}
PRECISION_CHOICES = list(PRECISION)  # SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]["PrecisieEnum"]
ACTIONS = {"aangemaakt": "create", "gewijzigd": "update", "verwijderd": "delete", "hersteld": "restore"}

# Names used by the services (and in history snapshots) -> names in the API.
FIELD_NAMES = {
    "name": "naam",
    "description": "omschrijving",
    "form": "vorm",
    "form_text": "vormVolgensBronnen",
    "status": "status",
    "start_date": "startdatum",
    "start_precision": "startPrecisie",
    "end_date": "einddatum",
    "end_precision": "eindPrecisie",
    "domains": "domeinen",
    "members": "deelnemers",
    "sources": "bronnen",
    "is_demo": "demogegevens",
    "deleted": "verwijderd",
    "__all__": "nonFieldErrors",
}
MEMBER_FIELD_NAMES = {
    "municipality": "gemeente",
    "role": "rol",
    "joined_on": "toegetredenOp",
    "left_on": "uitgetredenOp",
}
SOURCE_FIELD_NAMES = {"url": "url", "description": "omschrijving"}


# --- filters -------------------------------------------------------------------------------


class CooperationFilter(django_filters.FilterSet):
    domein = django_filters.CharFilter(help_text="ICT domain slug (see /api/v1/ict-domeinen).")
    vorm = django_filters.CharFilter(help_text="Cooperation form code (see /api/v1/samenwerkingsvormen).")
    status = django_filters.ChoiceFilter(choices=[(s, s) for s in Cooperation.Status.values])
    provincie = django_filters.CharFilter(help_text="Province code: at least one member in it, e.g. `PV26`.")
    gemeente = django_filters.CharFilter(help_text="CBS code of a member municipality, e.g. `GM0345`.")
    zoek = django_filters.CharFilter(help_text="Part of the name, the description or a member's name.")

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return services.filter_cooperations(
            queryset,
            query=(data.get("zoek") or "").strip(),
            domain=data.get("domein") or "",
            form=data.get("vorm") or "",
            status=data.get("status") or "",
            province=data.get("provincie") or "",
            municipality=(data.get("gemeente") or "").upper(),
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

    class Meta:
        ref_name = "Deelnemer"


class SourceSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=500, allow_blank=True, default="")
    omschrijving = serializers.CharField(source="description", max_length=500, allow_blank=True, default="")

    class Meta:
        ref_name = "Bron"

    def validate(self, attrs):
        if not (attrs.get("url") or attrs.get("description")):
            raise serializers.ValidationError("Geef een URL, een omschrijving of beide.", code="required")
        return attrs


class CooperationSerializer(serializers.Serializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:samenwerking-detail", lookup_field="slug")
    webpagina = PageLinkField(help_text="The cooperation's page on Goede Buur.")
    slug = serializers.SlugField(read_only=True, help_text="Made from the name on creation; never changes.")
    naam = serializers.CharField(source="name", max_length=200)
    omschrijving = serializers.CharField(source="description", allow_blank=True, default="")
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
        source="memberships",
        many=True,
        help_text="At least two municipalities. An editor's own municipality must be a current member.",
    )
    bronnen = SourceSerializer(source="sources", many=True, default=list, help_text="Public sources.")
    demogegevens = serializers.BooleanField(
        source="is_demo", read_only=True, help_text="True for invented demo entries."
    )
    verwijderd = serializers.SerializerMethodField(
        help_text="Only true in the answer to restoring a version in which the entry was deleted."
    )
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Samenwerking"

    def get_verwijderd(self, cooperation) -> bool:
        return cooperation.deleted_at is not None


def to_input(validated: dict, instance: Cooperation | None) -> services.CooperationInput:
    """The service input: the current state of `instance` (if any), overlaid with the fields the
    request gave (all of them on POST and PUT, thanks to defaults; some on PATCH)."""
    if instance is None:
        values = services.CooperationInput(name="", form=None, domains=[], members=[])
    else:
        values = services.input_from(instance)
    for name in services.SCALAR_FIELDS:
        if name in validated:
            setattr(values, name, validated[name])
    if "domains" in validated:
        values.domains = list(validated["domains"])
    if "memberships" in validated:
        values.members = [services.MemberInput(**member) for member in validated["memberships"]]
    if "sources" in validated:
        values.sources = [services.SourceInput(**source) for source in validated["sources"]]
    return values


def api_errors(error: DjangoValidationError) -> serializers.ValidationError:
    """A service ValidationError with its field names translated to the API's."""
    if hasattr(error, "error_dict"):
        detail = {FIELD_NAMES.get(name, name): messages for name, messages in error.message_dict.items()}
    else:
        detail = {"nonFieldErrors": error.messages}
    return serializers.ValidationError(detail)


# --- history -------------------------------------------------------------------------------


def api_value(field: str, value):
    if field == "members" and isinstance(value, list):
        return [{MEMBER_FIELD_NAMES.get(k, k): v for k, v in member.items()} for member in value]
    if field == "sources" and isinstance(value, list):
        return [{SOURCE_FIELD_NAMES.get(k, k): v for k, v in source.items()} for source in value]
    if field in ("start_precision", "end_precision"):
        return {internal: api for api, internal in PRECISION.items()}.get(value, value)
    return value


def api_snapshot(snapshot: dict) -> dict:
    return {FIELD_NAMES.get(field, field): api_value(field, value) for field, value in snapshot.items()}


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

    @extend_schema_field(ChangeSerializer(many=True))
    def get_wijzigingen(self, record):
        return [
            {
                "veld": FIELD_NAMES.get(change["field"], change["field"]),
                "oud": api_value(change["field"], change["old"]),
                "nieuw": api_value(change["field"], change["new"]),
            }
            for change in record.changes
        ]

    @extend_schema_field(SNAPSHOT_SCHEMA)
    def get_momentopname(self, record):
        return api_snapshot(record.snapshot)

    @extend_schema_field(OpenApiTypes.URI)
    def get_herstellen(self, record):
        return reverse(
            "api:samenwerking-restore",
            kwargs={"slug": self.context["slug"], "versieId": record.pk},
            request=self.context.get("request"),
        )


# --- view ----------------------------------------------------------------------------------

SLUG_PARAMETER = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="The cooperation's slug."
)
VERSION_PARAMETER = OpenApiParameter(
    "versieId", OpenApiTypes.INT, OpenApiParameter.PATH, description="`id` of a version (see /versies)."
)


@extend_schema_view(
    list=extend_schema(
        summary="List cooperations",
        description="The register of ICT cooperations, paginated, by name. Open to everyone.",
    ),
    retrieve=extend_schema(summary="One cooperation", parameters=[SLUG_PARAMETER]),
    create=extend_schema(
        summary="Add a cooperation",
        description=(
            "For editors of a municipality (which must be a current member) and administrators. "
            "Answers 201 with the new entry and its `Location`."
        ),
    ),
    update=extend_schema(
        summary="Replace a cooperation",
        description=(
            "All fields; optional ones left out get their default. For administrators and editors "
            "whose municipality is a current member."
        ),
        parameters=[SLUG_PARAMETER],
    ),
    partial_update=extend_schema(
        summary="Change some fields of a cooperation",
        description=(
            "Only the fields given change; `deelnemers`, `domeinen` and `bronnen` are replaced as a "
            "whole when given. Same permissions as PUT."
        ),
        parameters=[SLUG_PARAMETER],
    ),
    destroy=extend_schema(
        summary="Delete a cooperation",
        description=(
            "Soft delete: the entry leaves the register and can be restored from its versions. "
            "Same permissions as PUT."
        ),
        parameters=[SLUG_PARAMETER],
    ),
)
class CooperationViewSet(
    RevisionCheckedMixin,
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = CooperationSerializer
    permission_classes = [CooperationPermission]
    filterset_class = CooperationFilter
    lookup_field = "slug"

    def get_queryset(self):
        return services.live_cooperations().prefetch_related("sources").order_by("name", "slug")

    def _answer(self, cooperation, status_code=status.HTTP_200_OK, headers=None):
        fresh = (
            Cooperation.objects.filter(pk=cooperation.pk)
            .select_related("form")
            .prefetch_related("domains", "memberships__municipality", "sources")
            .get()
        )
        return Response(self.get_serializer(fresh).data, status=status_code, headers=headers)

    def _save(self, request, instance=None, partial=False):
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        try:
            return services.save_cooperation(
                to_input(serializer.validated_data, instance), user=request.user, instance=instance
            )
        except DjangoValidationError as error:
            raise api_errors(error) from None

    def create(self, request, *args, **kwargs):
        cooperation = self._save(request)
        location = reverse("api:samenwerking-detail", args=[cooperation.slug], request=request)
        return self._answer(cooperation, status.HTTP_201_CREATED, headers={"Location": location})

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        return self._answer(self._save(request, self.get_object(), partial=partial))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        services.delete_cooperation(self.get_object(), request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _with_history(self, slug):
        """A cooperation, deleted ones included for those who may restore them (404 for others)."""
        cooperation = get_object_or_404(Cooperation, slug=slug)
        if cooperation.deleted_at and not cooperation_permissions.can_restore(self.request.user, cooperation):
            raise Http404
        return cooperation

    @extend_schema(
        summary="Versions of a cooperation",
        description=(
            "Every change to the entry, newest first, with the fields that changed and the full "
            "state after the change. Deleted entries: only for those who may restore them."
        ),
        parameters=[SLUG_PARAMETER],
        responses=VersionSerializer(many=True),
        filters=False,
    )
    @action(detail=True, url_path="versies", filter_backends=[])
    def versions(self, request, slug=None):
        cooperation = self._with_history(slug)
        page = self.paginate_queryset(services.versions(cooperation))
        context = self.get_serializer_context() | {"slug": cooperation.slug}
        return self.get_paginated_response(VersionSerializer(page, many=True, context=context).data)

    @extend_schema(
        summary="Restore a version",
        description=(
            "Bring the entry back to the state of one of its versions (also undoes a delete). "
            "Recorded as a new version. Same permissions as PUT."
        ),
        operation_id="samenwerkingen_versie_herstellen",
        parameters=[SLUG_PARAMETER, VERSION_PARAMETER],
        request=None,
        responses=CooperationSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"versies/(?P<versieId>[0-9]+)/herstellen",
        url_name="restore",
        filter_backends=[],
    )
    def restore(self, request, slug=None, versieId=None):  # versieId: lowerCamelCase path parameter
        cooperation = self._with_history(slug)
        self.check_object_permissions(request, cooperation)
        if not services.versions(cooperation).filter(pk=versieId).exists():
            raise Http404
        try:
            restored = services.restore_version(cooperation, int(versieId), request.user)
        except DjangoValidationError as error:
            raise api_errors(error) from None
        return self._answer(restored)
