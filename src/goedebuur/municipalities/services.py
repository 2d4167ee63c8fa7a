# SPDX-License-Identifier: EUPL-1.2
"""Public API of the municipalities app: loading reference data and querying municipalities."""

import datetime as dt
import functools
import gzip
import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Count, Q

from goedebuur import data
from goedebuur.common import bump
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation
from goedebuur.core import names
from goedebuur.core.geo import geometry_to_svg_path
from goedebuur.core.register.network import Partner

from .models import Council, CouncilSeat, Municipality, Region, RegionType

# The councils and contact data: the ROO's municipality records, via polder (see data/gr/README.md).
ORGANISATIONS_FILE = "gr/gemeenten.jsonl.gz"
COUNCIL_SOURCE = "Register van Overheidsorganisaties (KOOP), via polder"
COUNCIL_REFERENCE_DATE = dt.date(2026, 5, 16)


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Create or update region types, regions and the 342 municipalities from the packaged data.
    Idempotent: running it again changes nothing when the data did not change."""
    rows = data.read_csv("municipalities.csv")
    boundaries = {
        f["properties"]["code"]: f["geometry"] for f in data.read_json("municipalities.geojson")["features"]
    }
    organisations = _read_organisations()
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
            **_contact_values(organisations.get(row["code"], {})),
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
        "municipality_contacts": sum(1 for m in municipalities.values() if m.website or m.email),
    } | _load_councils(municipalities, organisations)


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


# --- councils and institutional contact data ---------------------------------------------------


def _read_organisations() -> dict[str, dict]:
    """The current municipalities' records of the packaged ROO snapshot, by CBS code."""
    raw = resources.files(data).joinpath(ORGANISATIONS_FILE).read_bytes()
    records = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        tooi = (record.get("identifiers") or {}).get("tooi") or ""
        if record.get("valid_until") is None and "/gemeente/" in tooi:
            records[tooi.rsplit("/", 1)[-1].upper()] = record
    return records


def _contact_values(record: dict) -> dict[str, str]:
    """website, email, mail_domain and visiting_address of a record; a value that is not what its
    field says (an e-mail field holding a web address, as three records do) is left empty."""
    contact = record.get("contact") or {}
    website = (contact.get("website") or "").strip()
    email = (contact.get("email") or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(website)
    except ValidationError:
        website = ""
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    mail_domain = email.rpartition("@")[2].lower() if email else _web_host(website)
    return {
        "website": website,
        "email": email,
        "mail_domain": mail_domain,
        "visiting_address": (contact.get("bezoekadres") or "").strip(),
    }


def _web_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _party_seats(council: dict) -> dict[str, int]:
    """Seats per party name in the source's order; a party listed twice (the snapshot does so for a
    few split groups) gets the sum of its seats."""
    seats: dict[str, int] = {}
    for party in council.get("parties") or []:
        name = " ".join(str(party.get("naam") or "").split())
        count = int(party.get("aantal_zetels") or 0)
        if name and count > 0:
            seats[name] = seats.get(name, 0) + count
    return seats


def _load_councils(municipalities: dict[str, Municipality], organisations: dict[str, dict]) -> dict[str, int]:
    """Create, update or remove each municipality's Council and its seats in bulk: a council whose
    seats did not change is not touched."""
    existing = {c.municipality_id: c for c in Council.objects.all()}
    current_seats: dict[int, dict[str, int]] = {}
    for council_id, party, seats in CouncilSeat.objects.values_list("council_id", "party", "seats"):
        current_seats.setdefault(council_id, {})[party] = seats

    wanted: dict[int, tuple[int, dict[str, int]]] = {}
    for code, municipality in municipalities.items():
        council = (organisations.get(code) or {}).get("council") or {}
        seats = _party_seats(council)
        total = int(council.get("total_seats") or 0)
        if seats and total:
            wanted[municipality.pk] = (max(total, sum(seats.values())), seats)

    Council.objects.filter(municipality_id__in=existing.keys() - wanted.keys()).delete()
    new, changed, replace_seats = [], [], []
    for municipality_id, (total, seats) in wanted.items():
        council = existing.get(municipality_id)
        values = {"total_seats": total, "source": COUNCIL_SOURCE, "reference_date": COUNCIL_REFERENCE_DATE}
        if council is None:
            council = Council(municipality_id=municipality_id, **values)
            new.append(council)
        elif any(getattr(council, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(council, name, value)
            changed.append(council)
        if current_seats.get(council.pk) != seats:
            replace_seats.append((council, seats))
    Council.objects.bulk_create(new, batch_size=500)
    Council.objects.bulk_update(changed, ["total_seats", "source", "reference_date"], batch_size=500)
    CouncilSeat.objects.filter(council__in=[c for c, _ in replace_seats if c.pk in current_seats]).delete()
    CouncilSeat.objects.bulk_create(
        [
            CouncilSeat(council=council, party=party, seats=count)
            for council, seats in replace_seats
            for party, count in seats.items()
        ],
        batch_size=1000,
    )
    bump("municipalities")  # bulk writes send no signals (goedebuur.common.cache)
    return {
        "councils": len(wanted),
        "council_seats": sum(len(seats) for _total, seats in wanted.values()),
    }


@dataclass(frozen=True)
class PartySeats:
    party: str
    seats: int


@dataclass(frozen=True)
class Composition:
    """A council's composition as shown and served: parties by seats (most first), the total number
    of seats, where it comes from and on which date."""

    total_seats: int
    parties: tuple[PartySeats, ...]
    source: str
    reference_date: dt.date

    @property
    def assigned_seats(self) -> int:
        return sum(p.seats for p in self.parties)

    @property
    def unassigned_seats(self) -> int:
        """Seats the source does not name a party for (0 for most councils)."""
        return self.total_seats - self.assigned_seats

    def seats(self) -> dict[str, int]:
        return {p.party: p.seats for p in self.parties}


def council_composition(municipality: Municipality) -> Composition | None:
    """The composition of a municipality's council, or None when it is not known."""
    council = Council.objects.filter(municipality=municipality).prefetch_related("seats").first()
    if council is None:
        return None
    return Composition(
        total_seats=council.total_seats,
        parties=tuple(PartySeats(s.party, s.seats) for s in council.seats.all()),
        source=council.source,
        reference_date=council.reference_date,
    )


def council_compositions() -> dict[str, dict[str, int]]:
    """Seats per party of every known council, by CBS code, in one query (for the partner finder;
    compare them with `goedebuur.core.partners.councils`)."""
    compositions: dict[str, dict[str, int]] = {}
    rows = CouncilSeat.objects.order_by("council__municipality__code", "-seats", "party").values_list(
        "council__municipality__code", "party", "seats"
    )
    for code, party, seats in rows:
        compositions.setdefault(code, {})[party] = seats
    return compositions


def mail_domains(municipality: Municipality) -> set[str]:
    """The municipality's own domains, lower case: that of its general e-mail address and its
    website's host without "www." (empty when neither is known). An address at one of these domains
    belongs to the municipality."""
    return municipality.mail_domains


ALIASES_FILE = "municipality_aliases.csv"
MERGERS_FILE = "gr/mergers.csv"


@functools.cache
def _file_names() -> tuple[tuple[str, str, str], ...]:
    """(code, name, kind) of the common names (data/municipality_aliases.csv) and of the former
    municipalities (data/gr/mergers.csv, merger chains followed to today's municipality)."""
    found = [(row["code"], row["alias"], names.ALIAS) for row in data.read_csv(ALIASES_FILE)]
    mergers = {row["former_code"]: row for row in data.read_csv(MERGERS_FILE)}
    for code, row in mergers.items():
        successor, seen = row["successor_code"], {code}
        while successor in mergers and successor not in seen:
            seen.add(successor)
            successor = mergers[successor]["successor_code"]
        if successor:
            found.append((successor, row["former_name"], names.FORMER))
    return tuple(found)


def name_index() -> list[names.Name]:
    """Every name a municipality is searched by: official names, common names, former names and
    the names of the regions it belongs to (all region divisions)."""
    current = dict(Municipality.objects.values_list("code", "name"))
    index = [names.Name(name, names.NAME, (code,)) for code, name in current.items()]
    index += [names.Name(name, kind, (code,)) for code, name, kind in _file_names() if code in current]
    members: dict[str, list[str]] = {}
    for region_name, code in Region.objects.values_list("name", "municipalities__code").order_by(
        "municipalities__name"
    ):
        if code:
            members.setdefault(region_name, []).append(code)
    index += [names.Name(name, names.REGION, tuple(codes)) for name, codes in members.items()]
    return index


def find_municipalities(query: str) -> list[names.Match]:
    """The municipalities a name or CBS code finds, best first, each with the name that matched
    (official, common, former or a region's name): 'Den Haag' finds 's-Gravenhage, 'FoodValley'
    the municipalities of that region, 'GM0345' Veenendaal."""
    query = (query or "").strip()
    if not query:
        return []
    code = query.upper()
    if Municipality.objects.filter(code=code).exists():
        return [names.Match(code, code, names.NAME)]
    return names.rank(query, name_index())


def search_municipalities(query: str = "", province: str = "", region: str = ""):
    """Municipalities matching a name (official, common, former or a region's name, see
    `find_municipalities`) or the exact code, a province code and/or a region
    (`<region type>:<region code>`, e.g. `arbeidsmarktregio:AM16`)."""
    qs = Municipality.objects.select_related("province")
    if query:
        qs = qs.filter(code__in=[match.code for match in find_municipalities(query)])
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


# --- the network of shared regelingen -------------------------------------------------------------


@dataclass
class Network:
    """Who a municipality shares most regelingen with: its partners ranked by the sum of
    1 / (members - 1) over the shared regelingen (see `goedebuur.core.register.network`)."""

    municipality: Municipality
    partners: list[Partner]
    names: dict[str, str]  # partner code -> name
    ict_only: bool
    register_date: dt.date | None

    @property
    def regeling_count(self) -> int:
        """Distinct regelingen the municipality shares with at least one partner."""
        return len({s.regeling.pk for p in self.partners for s in p.shared})


def network(municipality: Municipality, *, ict_only: bool = False) -> Network:
    """The municipality's network of current shared cooperations and regelingen (`ict_only`: only those
    with an ICT domain). Three queries: the shared memberships, the partners' names, the peildatum."""
    partners = cooperations.regeling_partners(municipality.code, ict_only=ict_only)
    names = dict(Municipality.objects.filter(code__in=[p.code for p in partners]).values_list("code", "name"))
    return Network(municipality, partners, names, ict_only, cooperations.register_date())
