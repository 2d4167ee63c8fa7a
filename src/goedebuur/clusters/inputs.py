# SPDX-License-Identifier: EUPL-1.2
"""The cluster optimiser's inputs: areas to choose from, the request, its bounds and input errors."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from goedebuur.common import cached, version
from goedebuur.core.clusters import optimiser as clustering
from goedebuur.municipalities.models import Municipality, Region, RegionType

WHOLE_COUNTRY = "NL"

COMPARABLE_DIVISIONS = ("veiligheidsregio", "corop", "arbeidsmarktregio", "ggdregio", "jeugdregio", "res")


class ClusterError(ValidationError):
    """Bad or infeasible input, with a Dutch message for users and the input it is about
    (`min_count`, `max_count`, `min_population`, `max_population`, `groups`, `area`, ...; empty: the
    request as a whole). A `ValidationError` by field, so that pages, API and CLI show it through
    their one mapping of a service's refusal."""

    def __init__(self, field_name: str, message: str):
        super().__init__({field_name or NON_FIELD_ERRORS: [message]})
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class AreaChoice:
    key: str  # "NL", a province code "PV26" or "<region division>:<region code>"
    name: str
    codes: tuple[str, ...]


def area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group label, [(key, name), ...]), ...] for a select: the country, provinces, then every
    other region division. From the shared cache at the municipalities' data version (every page
    and API request of the cluster and pair forms asks for it)."""
    return cached(("area-choices",), lambda: version("municipalities"), _area_choices)


def _area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    groups = [(_("Land"), [(WHOLE_COUNTRY, _("Heel Nederland"))])]
    types = RegionType.objects.prefetch_related("regions").order_by("order")
    for region_type in types:
        regions = sorted(region_type.regions.all(), key=lambda r: r.name)
        if region_type.code == "provincie":
            groups.append((region_type.name, [(r.code, r.name) for r in regions]))
        else:
            groups.append((region_type.name, [(f"{region_type.code}:{r.code}", r.name) for r in regions]))
    return groups


def parse_area(value: str) -> AreaChoice:
    """The municipalities of an area: "NL" (or empty), a province code or a region key."""
    value = (value or "").strip()
    if value.upper() in ("", WHOLE_COUNTRY):
        codes = Municipality.objects.order_by("code").values_list("code", flat=True)
        return AreaChoice(WHOLE_COUNTRY, _("Nederland"), tuple(codes))
    if ":" in value:
        type_code, _sep, region_code = value.partition(":")
        region = Region.objects.filter(region_type__code=type_code, code=region_code).first()
    else:
        region = Region.objects.filter(region_type__code="provincie", code=value.upper()).first()
    if region is None:
        raise ClusterError(
            "area",
            _(
                "Het gebied ‘%(value)s’ bestaat niet. Kies NL, een provinciecode (zoals PV26) of een "
                "regio als <indeling>:<code> (zoals veiligheidsregio:VR09)."
            )
            % {"value": value},
        )
    if region.region_type.code == "provincie":
        codes = Municipality.objects.filter(province=region).order_by("code").values_list("code", flat=True)
        key = region.code
    else:
        codes = region.municipalities.order_by("code").values_list("code", flat=True)
        key = f"{region.region_type.code}:{region.code}"
    return AreaChoice(key, region.name, tuple(codes))


def division_names() -> list[tuple[str, str]]:
    """(code, name) of the region divisions an optimised grouping can be compared with."""
    return list(RegionType.objects.filter(code__in=COMPARABLE_DIVISIONS).values_list("code", "name"))


@dataclass(frozen=True)
class ClusterRequest:
    area: str = WHOLE_COUNTRY
    min_count: int = 2
    max_count: int | None = 8
    min_population: int | None = None
    max_population: int | None = None
    groups: int | None = None
    keep_cooperations: bool = False
    compare_with: str = ""  # a region division code, e.g. "veiligheidsregio"
    fit_weight: float = 0.5
    point_contacts: bool = True


def _bounds(req: ClusterRequest) -> clustering.Bounds:
    for name, value in (
        ("min_count", req.min_count),
        ("max_count", req.max_count),
        ("min_population", req.min_population),
        ("max_population", req.max_population),
        ("groups", req.groups),
    ):
        if value is not None and value < 1:
            raise ClusterError(name, _("Vul een getal van 1 of meer in."))
    return clustering.Bounds(
        min_count=req.min_count or 1,
        max_count=req.max_count,
        min_population=req.min_population,
        max_population=req.max_population,
    )
