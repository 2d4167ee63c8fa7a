# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/matrix: municipalities x ICT domains (and, on request, the other policy domains as context
columns), each cell the cooperations behind it.

The serializers read a `services.RegisterMatrix`; the cell lookups and totals come from its
`matrix`, which the view puts in the serializer context."""

from django.core.exceptions import ValidationError
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from goedebuur.api import AnonymousCacheMixin, ReadOnlyApiViewMixin, refused
from goedebuur.cooperations import services as cooperation_services
from goedebuur.municipalities.api import PROVINCE_CODE, REGION_KEY, computed

from . import services


class MatrixQuerySerializer(serializers.Serializer):
    provincie = serializers.CharField(
        required=False, validators=[PROVINCE_CODE], help_text="Only this province, e.g. `PV26`."
    )
    regio = serializers.CharField(
        required=False,
        validators=[REGION_KEY],
        help_text="Only this region, `<region division>:<code>`, e.g. `arbeidsmarktregio:AM38`.",
    )
    alleenMetSamenwerkingen = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Leave out municipalities without any cooperation in the columns of the answer.",
    )
    metBeleidsdomeinen = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Add the other policy domains (afval, belastingen, sociaal domein, ...) as context "
        "columns after the ICT domains.",
    )
    domein = serializers.SlugField(
        required=False,
        max_length=60,
        help_text="Only this column: the slug of an ICT domain (`werkplek`) or of another policy domain "
        "(`afval`).",
    )
    vorm = serializers.SlugField(
        required=False,
        max_length=60,
        help_text="Count only cooperations of this legal or organisational form, e.g. "
        "`wgr-bedrijfsvoeringsorganisatie` (see /api/v1/samenwerkingsvormen).",
    )


class MatrixDomainSerializer(serializers.Serializer):
    slug = serializers.CharField()
    naam = serializers.CharField(source="name")
    soort = serializers.ChoiceField(
        source="kind",
        choices=[services.ICT, services.POLICY],
        help_text="`ict`: an ICT domain (a main column); `beleid`: another policy domain (a context column).",
    )
    aantalGemeenten = computed(
        serializers.IntegerField,
        lambda domain, context: context["matrix"].column_total(domain.slug),
        help_text="Number of municipalities in the matrix with at least one cooperation in this domain.",
    )

    class Meta:
        ref_name = "MatrixDomein"


def _cells(municipality, context) -> dict[str, list[str]]:
    return {d.slug: context["matrix"].cell(municipality.code, d.slug) for d in context["domains"]}


class _CellsField(serializers.DictField):
    """The cells as they are: already a dict of lists of slugs (strings). Described like a DictField of
    ListFields, without converting each of the 8,000 lists of the whole matrix again."""

    def to_representation(self, value):
        return value


def _url_maker(route: str, sample: str):
    """A function (key, context) -> absolute API URL, with one `reverse` and one absolute URI per answer
    instead of one per row (the whole matrix has 342 rows and about 450 cooperations)."""

    def url(key: str, context) -> str:
        cache = context.setdefault("_urls", {})
        if route not in cache:
            absolute = context["request"].build_absolute_uri(reverse(route, args=[sample]))
            cache[route] = absolute.rpartition(sample)[::2]
        head, tail = cache[route]
        return f"{head}{key}{tail}"

    return url


_municipality_url = _url_maker("api:gemeente-detail", "GM0000")
_cooperation_api_url = _url_maker("api:samenwerking-detail", "slug-0000")


class MatrixRowSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    url = computed(
        serializers.URLField, lambda municipality, context: _municipality_url(municipality.code, context)
    )
    cellen = computed(
        _CellsField,
        _cells,
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For every column (domain slug), the slugs of the cooperations (empty list when none).",
    )
    totaal = computed(
        serializers.IntegerField,
        lambda municipality, context: context["matrix"].row_total(municipality.code),
        help_text="Number of distinct cooperations of the municipality in the columns of the answer.",
    )
    totaalIct = computed(
        serializers.IntegerField,
        lambda municipality, context: context["result"].ict_total(municipality.code),
        help_text="Number of distinct cooperations of the municipality in the ICT columns of the answer.",
    )

    class Meta:
        ref_name = "MatrixGemeente"


def _cooperation_url(cooperation, context) -> str:
    return _cooperation_api_url(cooperation.slug, context)


class MatrixCooperationSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    url = computed(serializers.URLField, _cooperation_url, help_text="The cooperation in the API.")

    class Meta:
        ref_name = "MatrixSamenwerking"


class MatrixSerializer(serializers.Serializer):
    domeinen = MatrixDomainSerializer(source="domains", many=True, help_text="The columns, in order.")
    gemeenten = MatrixRowSerializer(source="municipalities", many=True, help_text="The rows, by name.")
    samenwerkingen = computed(
        serializers.DictField,
        lambda result, _context: dict(sorted(result.cooperations.items())),
        child=MatrixCooperationSerializer(),
        help_text="Every cooperation named in a cell, by slug.",
    )
    peildatum = serializers.DateField(
        source="register_date",
        allow_null=True,
        help_text="The reference date of the GR-register data (Register van Overheidsorganisaties); null "
        "before the register was loaded.",
    )

    class Meta:
        ref_name = "Matrix"


class MatrixView(AnonymousCacheMixin, ReadOnlyApiViewMixin, APIView):
    query_serializer = MatrixQuerySerializer
    anonymous_cache_version = staticmethod(lambda request: cooperation_services.register_version())

    @extend_schema(
        summary="The register matrix",
        description=(
            "Municipalities (rows) x ICT domains (columns), optionally with the other policy domains as "
            "context columns; every cell lists the cooperations and regelingen in which the municipality "
            "takes part for that domain. Only current memberships of cooperations that are neither "
            "deleted nor ended count. Not paginated."
        ),
        parameters=[MatrixQuerySerializer],
        responses=MatrixSerializer,
    )
    def get(self, request):
        query = MatrixQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        try:
            result = services.register_matrix(
                province=params.get("provincie", ""),
                region=params.get("regio", ""),
                only_with_cooperations=params["alleenMetSamenwerkingen"],
                domain=params.get("domein", ""),
                form=params.get("vorm", ""),
                context=params["metBeleidsdomeinen"],
            )
        except ValidationError as error:
            raise refused(error, None, domain="domein", form="vorm") from None
        context = {"request": request, "matrix": result.matrix, "domains": result.domains, "result": result}
        return Response(MatrixSerializer(result, context=context).data)


urlpatterns = [
    path("matrix", MatrixView.as_view(), name="matrix"),
]
