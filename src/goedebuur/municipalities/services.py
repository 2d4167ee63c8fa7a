# SPDX-License-Identifier: EUPL-1.2
"""Public API of the municipalities app: loading reference data and querying municipalities."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q

from goedebuur import data
from goedebuur.cooperations.models import Cooperation
from goedebuur.core.geo import geometry_to_svg_path

from .models import Municipality, Region, RegionType


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Create or update region types, regions and the 342 municipalities from the packaged data.
    Idempotent: running it again changes nothing when the data did not change."""
    rows = data.read_csv("municipalities.csv")
    boundaries = {
        f["properties"]["code"]: f["geometry"] for f in data.read_json("municipalities.geojson")["features"]
    }
    region_types = _load_region_types()
    regions = _load_regions(rows, region_types)

    municipalities = {}
    for row in rows:
        geometry = boundaries[row["code"]]
        values = {
            "name": row["name"],
            "province": regions[("provincie", row["province_code"])],
            "centroid_lat": float(row["centroid_lat"]),
            "centroid_lon": float(row["centroid_lon"]),
            "point_lat": float(row["point_lat"]),
            "point_lon": float(row["point_lon"]),
            "area_km2": Decimal(row["area_km2"]),
            "population": int(row["population"]) if row["population"] else None,
            "population_year": int(row["population_year"]) if row["population_year"] else None,
            "boundary": geometry,
            "svg_path": geometry_to_svg_path(geometry),
        }
        municipality, _ = Municipality.objects.update_or_create(code=row["code"], defaults=values)
        municipalities[row["code"]] = municipality

    for row in rows:
        municipality = municipalities[row["code"]]
        municipality.regions.set([regions[(rt.code, row[rt_columns[0]])] for rt, rt_columns in region_types])
        municipality.neighbours.set([municipalities[c] for c in _codes(row["neighbors"])])
        municipality.point_contacts.set([municipalities[c] for c in _codes(row["neighbors_point_contact"])])
    return {
        "region_types": len(region_types),
        "regions": len(regions),
        "municipalities": len(municipalities),
    }


def _codes(value: str) -> list[str]:
    return [c for c in value.split(";") if c]


def _load_region_types():
    loaded = []
    for row in data.read_csv("region_types.csv"):
        region_type, _ = RegionType.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "year": int(row["year"]),
                "source": row["source"],
                "order": int(row["order"]),
            },
        )
        loaded.append((region_type, (row["code_column"], row["name_column"])))
    return loaded


def _load_regions(rows, region_types):
    regions = {}
    for region_type, (code_column, name_column) in region_types:
        for row in rows:
            key = (region_type.code, row[code_column])
            if key not in regions:
                regions[key], _ = Region.objects.update_or_create(
                    region_type=region_type, code=row[code_column], defaults={"name": row[name_column]}
                )
    return regions


def search_municipalities(query: str = "", province: str = "", region: str = ""):
    """Municipalities matching a name or code fragment, a province code and/or a region
    (`<region type>:<region code>`, e.g. `arbeidsmarktregio:AM16`)."""
    qs = Municipality.objects.select_related("province")
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(code__iexact=query))
    if province:
        qs = qs.filter(province__code=province)
    if region:
        type_code, _, region_code = region.partition(":")
        qs = qs.filter(regions__region_type__code=type_code, regions__code=region_code)
    return qs.order_by("name")


def parse_region_key(value: str):
    """The Region for a `<type>:<code>` key, or None."""
    type_code, _, region_code = value.partition(":")
    return (
        Region.objects.filter(region_type__code=type_code, code=region_code)
        .select_related("region_type")
        .first()
    )


def regions_grouped():
    """[(RegionType, [Region, ...]), ...] for filter menus."""
    types = RegionType.objects.prefetch_related("regions").order_by("order")
    return [(rt, list(rt.regions.all())) for rt in types]


def provinces():
    return Region.objects.filter(region_type__code="provincie").order_by("name")


def with_cooperation_counts(qs=None):
    """Municipalities annotated with `cooperation_count`: current memberships of live cooperations."""
    qs = Municipality.objects.all() if qs is None else qs
    return qs.annotate(
        cooperation_count=Count(
            "memberships__cooperation",
            filter=Q(
                memberships__left_on__isnull=True,
                memberships__cooperation__deleted_at__isnull=True,
                memberships__cooperation__status__in=Cooperation.ONGOING_STATUSES,
            ),
            distinct=True,
        )
    )
