# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/gemeenten/{code}/profiel and /applicaties, /leveranciers, /producten: ICT profiles and
application landscapes, with the rules of the pages (`goedebuur.profiles.permissions`): a login as
a municipal user or administrator to read; contracts and costs only where `can_view_contracts`
(left out of the answer otherwise); writes for the municipality's editors and administrators.
Every write goes through `goedebuur.profiles.services` (validation, history)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.core.landscape.rules import normalize_name, per_unit
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import permissions, services
from goedebuur.profiles.models import Application, Product, Profile, Supplier

from .base import ApiViewMixin
from .revisions import check_if_match, revision_field
from .schema import ApiAutoSchema


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


class ProfileApiMixin(ApiViewMixin):
    permission_classes = [CanViewLandscape]
    schema = LoginSchema()

    def municipality(self) -> Municipality:
        try:
            return Municipality.objects.get(code=self.kwargs["code"].upper())
        except Municipality.DoesNotExist:
            raise Http404 from None

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


# --- profile -------------------------------------------------------------------------------

AMBITION_FIELDS = {
    "kwaliteit": "ambitieKwaliteit",
    "kosten": "ambitieKosten",
    "kwetsbaarheid": "ambitieKwetsbaarheid",
    "personeel": "ambitiePersoneel",
}
COST_FIELDS = ("ictUitgavenEur", "ictUitgavenJaar", "ictUitgavenPerInwonerEur", "contractenDelenMet")
PROFILE_FIELD_NAMES = {
    "inhabitants": "inwoners",
    "inhabitants_year": "inwonersPeiljaar",
    "ict_spend_eur": "ictUitgavenEur",
    "ict_spend_year": "ictUitgavenJaar",
    "ict_fte": "ictFte",
    "workplaces": "werkplekken",
    "hosting_model": "hostingmodel",
    "contact_name": "contactNaam",
    "contact_email": "contactEmail",
    **{f"ambition_{k}": v for k, v in AMBITION_FIELDS.items()},
    **{f"ambition_{k}_motivation": f"{v}Motivatie" for k, v in AMBITION_FIELDS.items()},
}


def _ambition(key):
    return serializers.IntegerField(
        source=f"ambition_{key}",
        min_value=0,
        max_value=5,
        allow_null=True,
        default=None,
        help_text="Weight 0-5; null when not given.",
    )


def _motivation(key):
    return serializers.CharField(source=f"ambition_{key}_motivation", allow_blank=True, default="")


class ProfileSerializer(serializers.Serializer):
    gemeente = serializers.CharField(source="municipality.code", read_only=True)
    gemeenteNaam = serializers.CharField(source="municipality.name", read_only=True)
    inwoners = serializers.IntegerField(
        source="inhabitants",
        min_value=0,
        allow_null=True,
        default=None,
        help_text="Pre-filled from the reference data (CBS) until the municipality enters its own.",
    )
    inwonersPeiljaar = serializers.IntegerField(
        source="inhabitants_year", min_value=1990, max_value=2100, allow_null=True, default=None
    )
    ictUitgavenEur = serializers.IntegerField(
        source="ict_spend_eur",
        min_value=0,
        allow_null=True,
        default=None,
        help_text="ICT spend per year in euro. Only for those who may see the costs (left out otherwise).",
    )
    ictUitgavenJaar = serializers.IntegerField(
        source="ict_spend_year", min_value=1990, max_value=2100, allow_null=True, default=None
    )
    ictUitgavenPerInwonerEur = serializers.SerializerMethodField(
        help_text="Derived; compare with the M&I/Partners benchmark (EUR 96 per inhabitant, 2021)."
    )
    ictFte = serializers.DecimalField(
        source="ict_fte", max_digits=6, decimal_places=2, min_value=0, allow_null=True, default=None
    )
    werkplekken = serializers.IntegerField(source="workplaces", min_value=0, allow_null=True, default=None)
    hostingmodel = serializers.ChoiceField(
        source="hosting_model", choices=Profile.HostingModel.values, allow_blank=True, default=""
    )
    ambitieKwaliteit = _ambition("kwaliteit")
    ambitieKwaliteitMotivatie = _motivation("kwaliteit")
    ambitieKosten = _ambition("kosten")
    ambitieKostenMotivatie = _motivation("kosten")
    ambitieKwetsbaarheid = _ambition("kwetsbaarheid")
    ambitieKwetsbaarheidMotivatie = _motivation("kwetsbaarheid")
    ambitiePersoneel = _ambition("personeel")
    ambitiePersoneelMotivatie = _motivation("personeel")
    openDomeinen = serializers.SlugRelatedField(
        source="open_domains",
        many=True,
        slug_field="slug",
        queryset=IctDomain.objects.all(),
        default=list,
        help_text="Slugs of the ICT domains the municipality is open to cooperate on.",
    )
    contactNaam = serializers.CharField(source="contact_name", max_length=150, allow_blank=True, default="")
    contactEmail = serializers.EmailField(source="contact_email", allow_blank=True, default="")
    contractenDelenMet = serializers.SlugRelatedField(
        source="share_contracts_with",
        many=True,
        slug_field="slug",
        queryset=Cooperation.objects.filter(deleted_at__isnull=True),
        default=list,
        help_text="Slugs of cooperations whose current members may see the contracts and costs; "
        "only cooperations the municipality is a current member of.",
    )
    demogegevens = serializers.BooleanField(source="is_demo", read_only=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at", read_only=True, allow_null=True)
    revisie = revision_field()

    class Meta:
        ref_name = "IctProfiel"

    def get_ictUitgavenPerInwonerEur(self, profile) -> float | None:
        value = per_unit(profile.ict_spend_eur, profile.inhabitants)
        return None if value is None else round(value, 2)

    def to_representation(self, profile):
        data = {
            "gemeente": profile.municipality.code,
            "gemeenteNaam": profile.municipality.name,
            **{api: getattr(profile, name) for name, api in PROFILE_FIELD_NAMES.items()},
            "ictFte": None if profile.ict_fte is None else str(profile.ict_fte),
            "ictUitgavenPerInwonerEur": self.get_ictUitgavenPerInwonerEur(profile),
            "openDomeinen": sorted(profile.open_domains.values_list("slug", flat=True)) if profile.pk else [],
            "contractenDelenMet": sorted(profile.share_contracts_with.values_list("slug", flat=True))
            if profile.pk
            else [],
            "demogegevens": profile.is_demo,
            "gewijzigdOp": profile.updated_at.isoformat() if profile.updated_at else None,
            "revisie": profile.revision,
        }
        if not self.context.get("may_see_costs"):
            for name in COST_FIELDS:
                data.pop(name, None)
        return data


def _with_etag(response, record):
    """`ETag: "<revisie>"` on the answer about one Versioned record (api/revisions.py)."""
    response["ETag"] = f'"{record.revision}"'
    return response


@extend_schema(tags=["profielen"])
class ProfileView(ProfileApiMixin, APIView):
    serializer_class = ProfileSerializer
    revision_checked = True  # the schema adds ETag, If-Match, 409 and 412

    @extend_schema(
        summary="ICT profile of a municipality",
        description="For logged-in municipal users and administrators. Cost fields (`ictUitgavenEur`, "
        "`ictUitgavenJaar`, `ictUitgavenPerInwonerEur`, `contractenDelenMet`) only for those who may see "
        "the municipality's contracts; left out otherwise.",
        parameters=[CODE_PARAMETER],
        responses=ProfileSerializer,
    )
    def get(self, request, code):
        municipality = self.municipality()
        return self._answer(services.profile_for(municipality))

    @extend_schema(
        summary="Replace the ICT profile of a municipality",
        description="All fields; optional ones left out become empty. For the municipality's editors "
        "and administrators. The change is recorded in the history. Send the `ETag` of your GET in "
        "`If-Match`: a profile changed since answers 412, a change that loses a race 409.",
        parameters=[CODE_PARAMETER],
        request=ProfileSerializer,
        responses=ProfileSerializer,
    )
    def put(self, request, code):
        municipality = self.municipality()
        self.check_edit(municipality)
        serializer = ProfileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        member_of = set(
            Cooperation.objects.filter(
                memberships__municipality=municipality, memberships__left_on__isnull=True
            ).values_list("pk", flat=True)
        )
        shared = list(data.get("share_contracts_with", []))
        if any(c.pk not in member_of for c in shared):
            raise serializers.ValidationError(
                {
                    "contractenDelenMet": [
                        "Deel contracten alleen met samenwerkingsverbanden waarin de gemeente deelneemt."
                    ]
                }
            )
        profile = Profile.objects.filter(municipality=municipality).first() or Profile(
            municipality=municipality
        )
        check_if_match(request, profile)
        for name in PROFILE_FIELD_NAMES:
            setattr(profile, name, data.get(name))
        try:
            with transaction.atomic():
                services.save_profile(
                    profile,
                    request.user,
                    open_domains=list(data.get("open_domains", [])),
                    share_contracts_with=shared,
                )
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                {PROFILE_FIELD_NAMES.get(k, k): v for k, v in error.message_dict.items()}
            ) from None
        return self._answer(Profile.objects.get(pk=profile.pk))

    def _answer(self, profile):
        may_see_costs = permissions.can_view_contracts(self.request.user, profile.municipality)
        return _with_etag(
            Response(ProfileSerializer(profile, context={"may_see_costs": may_see_costs}).data), profile
        )


# --- applications --------------------------------------------------------------------------

APPLICATION_FIELD_NAMES = {
    "supplier": "leverancier",
    "product": "product",
    "version": "versie",
    "components": "componenten",
    "hosting": "hosting",
    "beschikbaarheid": "beschikbaarheid",
    "integriteit": "integriteit",
    "vertrouwelijkheid": "vertrouwelijkheid",
    "rto_hours": "rtoUren",
    "rpo_hours": "rpoUren",
    "contract": "contract",
    "contract.start_date": "contract.startdatum",
    "contract.end_date": "contract.einddatum",
    "contract.notice_months": "contract.opzegtermijnMaanden",
    "contract.yearly_cost_eur": "contract.kostenPerJaarEur",
    "contract.extension_options": "contract.verlengingsopties",
}
CONTRACT_API = {
    "startdatum": "start_date",
    "einddatum": "end_date",
    "opzegtermijnMaanden": "notice_months",
    "kostenPerJaarEur": "yearly_cost_eur",
    "verlengingsopties": "extension_options",
}


class ComponentSerializer(serializers.Serializer):
    gemmaId = serializers.CharField(source="gemma_id")
    naam = serializers.CharField(source="name")

    class Meta:
        ref_name = "ApplicatieComponent"


class ContractSerializer(serializers.Serializer):
    startdatum = serializers.DateField(source="start_date", allow_null=True, required=False)
    einddatum = serializers.DateField(source="end_date", allow_null=True, required=False)
    opzegtermijnMaanden = serializers.IntegerField(
        source="notice_months", allow_null=True, required=False, min_value=0
    )
    kostenPerJaarEur = serializers.IntegerField(
        source="yearly_cost_eur", allow_null=True, required=False, min_value=0
    )
    verlengingsopties = serializers.CharField(source="extension_options", allow_blank=True, required=False)

    class Meta:
        ref_name = "Contract"


class ComponentsField(serializers.ListField):
    """Written as GEMMA ids or names (strings), answered as objects with `gemmaId` and `naam`."""


class ComponentsFieldExtension(OpenApiSerializerFieldExtension):
    target_class = ComponentsField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {"type": "array", "items": {"type": "string"}}
        return {"type": "array", "items": auto_schema.resolve_serializer(ComponentSerializer, direction).ref}


class ApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    leverancier = serializers.CharField(
        max_length=200, help_text="Supplier name; spelling variants resolve to one record."
    )
    product = serializers.CharField(max_length=200)
    versie = serializers.CharField(max_length=60, allow_blank=True, default="")
    componenten = ComponentsField(
        child=serializers.CharField(),
        help_text="GEMMA reference components by GEMMA id or exact name; at least one. Answered as "
        "objects with `gemmaId` and `naam`.",
    )
    hosting = serializers.ChoiceField(choices=Application.Hosting.values)
    beschikbaarheid = serializers.IntegerField(
        min_value=1,
        max_value=3,
        allow_null=True,
        default=None,
        help_text="1-3; null: highest GEMMA score of the components.",
    )
    integriteit = serializers.IntegerField(min_value=1, max_value=3, allow_null=True, default=None)
    vertrouwelijkheid = serializers.IntegerField(min_value=1, max_value=3, allow_null=True, default=None)
    rtoUren = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        default=None,
        help_text="null: Goede Buur's default tier for the availability.",
    )
    rpoUren = serializers.IntegerField(min_value=0, allow_null=True, default=None)
    contract = ContractSerializer(
        allow_null=True,
        default=None,
        help_text="Left out of the answer for those who may not see this municipality's contracts.",
    )
    demogegevens = serializers.BooleanField(read_only=True)
    revisie = revision_field()

    class Meta:
        ref_name = "Applicatie"

    def get_url(self, application) -> str:
        return reverse(
            "api:applicatie-detail",
            kwargs={"code": application.municipality.code, "id": application.pk},
            request=self.context.get("request"),
        )

    def to_representation(self, application):
        data = {
            "id": application.pk,
            "url": self.get_url(application),
            "leverancier": application.product.supplier.name,
            "product": application.product.name,
            "versie": application.version,
            "componenten": [{"gemmaId": c.gemma_id, "naam": c.name} for c in application.components.all()],
            "hosting": application.hosting,
            "beschikbaarheid": application.beschikbaarheid,
            "integriteit": application.integriteit,
            "vertrouwelijkheid": application.vertrouwelijkheid,
            "rtoUren": application.rto_hours,
            "rpoUren": application.rpo_hours,
            "demogegevens": application.is_demo,
            "revisie": application.revision,
        }
        if self.context.get("may_see_contracts"):
            contract = getattr(application, "contract", None)
            data["contract"] = (
                None
                if contract is None
                else {
                    "startdatum": contract.start_date.isoformat() if contract.start_date else None,
                    "einddatum": contract.end_date.isoformat() if contract.end_date else None,
                    "opzegtermijnMaanden": contract.notice_months,
                    "kostenPerJaarEur": contract.yearly_cost_eur,
                    "verlengingsopties": contract.extension_options,
                }
            )
        return data


def _service_values(validated: dict, base: dict | None = None) -> dict:
    """Validated API data (possibly partial) over the current values -> services' values."""
    values = dict(base or {})
    mapping = {
        "leverancier": "supplier",
        "product": "product",
        "versie": "version",
        "componenten": "components",
        "hosting": "hosting",
        "beschikbaarheid": "beschikbaarheid",
        "integriteit": "integriteit",
        "vertrouwelijkheid": "vertrouwelijkheid",
        "rtoUren": "rto_hours",
        "rpoUren": "rpo_hours",
    }
    for api, name in mapping.items():
        if api in validated:
            values[name] = validated[api]
    if "contract" in validated:
        contract = validated["contract"]
        values["contract"] = (
            None if contract is None else {name: contract.get(name) for name in CONTRACT_API.values()}
        )
    return values


def _current_values(application: Application) -> dict:
    snapshot = services.application_snapshot(application)
    values = {name: snapshot[name] for name in ("supplier", "product", "version", "hosting", "is_demo")}
    values["components"] = snapshot["components"]
    for name in ("beschikbaarheid", "integriteit", "vertrouwelijkheid", "rto_hours", "rpo_hours"):
        values[name] = snapshot[name]
    values["contract"] = snapshot["contract"]
    return values


def _api_errors(error: DjangoValidationError) -> serializers.ValidationError:
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(
            {APPLICATION_FIELD_NAMES.get(k, k): v for k, v in error.message_dict.items()}
        )
    return serializers.ValidationError({"nonFieldErrors": error.messages})


class ApplicationApiMixin(ProfileApiMixin):
    serializer_class = ApplicationSerializer

    def context_for(self, municipality):
        return {
            "request": self.request,
            "may_see_contracts": permissions.can_view_contracts(self.request.user, municipality),
        }

    def answer(self, application, status_code=status.HTTP_200_OK, headers=None):
        fresh = services.landscape(application.municipality).get(pk=application.pk)
        data = ApplicationSerializer(fresh, context=self.context_for(application.municipality)).data
        return _with_etag(Response(data, status=status_code, headers=headers), fresh)


@extend_schema(tags=["profielen"])
class ApplicationListView(ApplicationApiMixin, APIView):
    @extend_schema(
        summary="Application landscape of a municipality",
        description="All applications, by product name (not paginated: a landscape has tens to hundreds "
        "of entries). `contract` only for those who may see this municipality's contracts.",
        parameters=[CODE_PARAMETER],
        responses=ApplicationSerializer(many=True),
    )
    def get(self, request, code):
        municipality = self.municipality()
        applications = services.landscape(municipality)
        return Response(
            ApplicationSerializer(applications, many=True, context=self.context_for(municipality)).data
        )

    @extend_schema(
        summary="Add an application",
        description="For the municipality's editors and administrators. B/I/V left out or null are "
        "pre-filled from the components' GEMMA scores, RTO/RPO from Goede Buur's default tiers. A "
        "product the municipality already has answers 400. Answers 201 with `Location`.",
        parameters=[CODE_PARAMETER],
        request=ApplicationSerializer,
        responses={201: ApplicationSerializer},
    )
    def post(self, request, code):
        municipality = self.municipality()
        self.check_edit(municipality)
        serializer = ApplicationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            application = services.save_application(
                municipality, None, _service_values(serializer.validated_data), request.user
            )
        except DjangoValidationError as error:
            raise _api_errors(error) from None
        location = reverse(
            "api:applicatie-detail", kwargs={"code": municipality.code, "id": application.pk}, request=request
        )
        return self.answer(application, status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema(tags=["profielen"])
class ApplicationDetailView(ApplicationApiMixin, APIView):
    revision_checked = True  # the schema adds ETag, If-Match, 409 and 412

    def application(self, municipality) -> Application:
        return get_object_or_404(
            Application.objects.select_related("product__supplier", "municipality"),
            pk=self.kwargs["id"],
            municipality=municipality,
        )

    @extend_schema(
        summary="One application",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        responses=ApplicationSerializer,
    )
    def get(self, request, code, id):
        return self.answer(self.application(self.municipality()))

    def _save(self, request, partial):
        municipality = self.municipality()
        self.check_edit(municipality)
        application = self.application(municipality)
        check_if_match(request, application)
        serializer = ApplicationSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        base = _current_values(application) if partial else {"is_demo": application.is_demo}
        values = _service_values(serializer.validated_data, base)
        if not partial and "contract" not in serializer.validated_data:
            values["contract"] = None
        try:
            saved = services.save_application(municipality, application, values, request.user)
        except DjangoValidationError as error:
            raise _api_errors(error) from None
        return self.answer(saved)

    @extend_schema(
        summary="Replace an application",
        description="All fields; a missing `contract` removes the contract. For the municipality's "
        "editors and administrators.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        request=ApplicationSerializer,
        responses=ApplicationSerializer,
    )
    def put(self, request, code, id):
        return self._save(request, partial=False)

    @extend_schema(
        summary="Change some fields of an application",
        description="Only the fields given change; `contract` is replaced as a whole when given (null "
        "removes it). Same permissions as PUT.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        request=ApplicationSerializer,
        responses=ApplicationSerializer,
    )
    def patch(self, request, code, id):
        return self._save(request, partial=True)

    @extend_schema(
        summary="Delete an application",
        description="Removes the application and its contract; the history keeps the last version. "
        "Same permissions as PUT.",
        parameters=[CODE_PARAMETER, ID_PARAMETER],
        responses={204: None},
    )
    def delete(self, request, code, id):
        municipality = self.municipality()
        self.check_edit(municipality)
        application = self.application(municipality)
        check_if_match(request, application)
        services.delete_application(application, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- suppliers and products ----------------------------------------------------------------


class SupplierSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    genormaliseerdeNaam = serializers.CharField(
        source="normalized_name", help_text="The key that makes spelling variants one supplier."
    )
    aantalProducten = serializers.IntegerField(source="product_count")

    class Meta:
        model = Supplier
        fields = ["id", "naam", "genormaliseerdeNaam", "aantalProducten"]
        ref_name = "Leverancier"


class ProductSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="name")
    leverancier = serializers.CharField(source="supplier.name")
    leverancierId = serializers.IntegerField(source="supplier_id")
    aantalGemeenten = serializers.IntegerField(
        source="municipality_count", help_text="Municipalities with this product in their landscape."
    )

    class Meta:
        model = Product
        fields = ["id", "naam", "leverancier", "leverancierId", "aantalGemeenten"]
        ref_name = "Product"


SEARCH_PARAMETER = OpenApiParameter(
    "zoek",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Part of the name (spelling variants match).",
)


@extend_schema(tags=["profielen"])
class SupplierListView(ProfileApiMixin, generics.ListAPIView):
    serializer_class = SupplierSerializer

    def get_queryset(self):
        qs = Supplier.objects.annotate(product_count=Count("products")).order_by("name", "pk")
        query = normalize_name(self.request.query_params.get("zoek", ""))
        return qs.filter(normalized_name__contains=query) if query else qs

    @extend_schema(
        summary="Suppliers",
        description="The shared supplier records, by name, paginated. For logged-in municipal users.",
        parameters=[SEARCH_PARAMETER],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(tags=["profielen"])
class ProductListView(ProfileApiMixin, generics.ListAPIView):
    serializer_class = ProductSerializer

    def get_queryset(self):
        qs = (
            Product.objects.select_related("supplier")
            .annotate(municipality_count=Count("applications__municipality", distinct=True))
            .order_by("name", "pk")
        )
        query = normalize_name(self.request.query_params.get("zoek", ""))
        return qs.filter(normalized_name__contains=query) if query else qs

    @extend_schema(
        summary="Products",
        description="The shared product records with their supplier, by name, paginated. For logged-in "
        "municipal users.",
        parameters=[SEARCH_PARAMETER],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


urlpatterns = [
    path("gemeenten/<str:code>/profiel", ProfileView.as_view(), name="profiel"),
    path("gemeenten/<str:code>/applicaties", ApplicationListView.as_view(), name="applicatie-list"),
    path(
        "gemeenten/<str:code>/applicaties/<int:id>", ApplicationDetailView.as_view(), name="applicatie-detail"
    ),
    path("leveranciers", SupplierListView.as_view(), name="leverancier-list"),
    path("producten", ProductListView.as_view(), name="product-list"),
]
