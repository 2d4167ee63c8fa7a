# SPDX-License-Identifier: EUPL-1.2
"""Public API of the clusters app: the cluster optimiser and the fallback pairs (achtervang).

Loads the municipalities as `Features` (partners app, cached per process), builds the neighbour
graph with the stated extra links, calls the pure optimisers in `goedebuur.core.clustering` and
`goedebuur.core.matching`, and returns plain dataclasses for the page, the API and the CLI.

Links added to the neighbour graph (the generalised boundaries leave these places unconnected):

- the Wadden islands to their ferry municipality: Texel -> Den Helder, Vlieland and Terschelling ->
  Harlingen, Ameland and Schiermonnikoog -> Noardeast-Fryslân (ferries from Holwerd and Lauwersoog);
- Terneuzen - Borsele through the Westerschelde tunnel (Zeeuws-Vlaanderen is otherwise cut off);
- point contacts (municipalities meeting in a single point of the generalised map, several of them
  real neighbours across water), unless switched off.

Town halls are not in the reference data: distances between "town halls" are taken between the
municipalities' inside points (a point always inside the municipality, from the reference data)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.core import clustering
from goedebuur.core.scoring import pairwise_fit
from goedebuur.municipalities.models import Municipality, Region, RegionType
from goedebuur.partners.services import load_features

WHOLE_COUNTRY = "NL"

# (a, b, kind) with kind "veer" (ferry) or "tunnel"
EXTRA_LINKS = (
    ("GM0448", "GM0400", "veer"),  # Texel - Den Helder
    ("GM0096", "GM0072", "veer"),  # Vlieland - Harlingen
    ("GM0093", "GM0072", "veer"),  # Terschelling - Harlingen
    ("GM0060", "GM1970", "veer"),  # Ameland - Noardeast-Fryslân (Holwerd)
    ("GM0088", "GM1970", "veer"),  # Schiermonnikoog - Noardeast-Fryslân (Lauwersoog)
    ("GM0715", "GM0654", "tunnel"),  # Terneuzen - Borsele (Westerschelde tunnel)
)

# Categorical fills for groups (ColorBrewer Set3, light enough for dark borders and labels);
# neighbouring groups get different colours (greedy colouring of the group graph).
GROUP_COLOURS = (
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9",
)  # fmt: skip
PAIR_LINE = "#08306b"

COMPARABLE_DIVISIONS = ("veiligheidsregio", "corop", "arbeidsmarktregio", "ggdregio", "jeugdregio", "res")


class ClusterError(ValueError):
    """Bad or infeasible input, with a Dutch message for users and the input it is about
    (`min_count`, `max_count`, `min_population`, `max_population`, `groups`, `area`, ...)."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


# --- areas ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AreaChoice:
    key: str  # "NL", a province code "PV26" or "<region division>:<region code>"
    name: str
    codes: tuple[str, ...]


def area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """[(group label, [(key, name), ...]), ...] for a select: the country, provinces, then every
    other region division."""
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


# --- the graph -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    code_a: str
    name_a: str
    code_b: str
    name_b: str
    kind: str  # "veer", "tunnel", "puntcontact"

    @property
    def description(self) -> str:
        if self.kind == "veer":
            return _("veerverbinding %(a)s – %(b)s (de Waddeneilanden hebben geen landgrens)") % {
                "a": self.name_a,
                "b": self.name_b,
            }
        if self.kind == "tunnel":
            return _(
                "Westerscheldetunnel %(a)s – %(b)s (Zeeuws-Vlaanderen grenst verder alleen aan België)"
            ) % {
                "a": self.name_a,
                "b": self.name_b,
            }
        return _("%(a)s en %(b)s raken elkaar in één punt (vaak buren over het water)") % {
            "a": self.name_a,
            "b": self.name_b,
        }


def area_graph(features, indices: list[int], *, point_contacts: bool = True):
    """Adjacency (local indices) of the area, with the extra links that fall inside it."""
    local = {g: i for i, g in enumerate(indices)}
    adjacency = [{local[j] for j in features.neighbours[g] if j in local} for g in indices]
    links: list[Link] = []

    def link(a, b, kind):
        adjacency[local[a]].add(local[b])
        adjacency[local[b]].add(local[a])
        links.append(Link(features.codes[a], features.names[a], features.codes[b], features.names[b], kind))

    for code_a, code_b, kind in EXTRA_LINKS:
        try:
            a, b = features.index_of(code_a), features.index_of(code_b)
        except KeyError:
            continue
        if a in local and b in local and local[b] not in adjacency[local[a]]:
            link(a, b, kind)
    if point_contacts:
        for g in indices:
            for j in sorted(features.point_contacts[g]):
                if j in local and g < j and local[j] not in adjacency[local[g]]:
                    link(g, j, "puntcontact")
    return adjacency, links


# --- cluster proposals ---------------------------------------------------------------------


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


@dataclass
class Member:
    code: str
    name: str
    population: int | None


@dataclass
class ProposalGroup:
    number: int
    members: list[Member]
    population: int
    fit: float | None  # mean fit over the pairs in the group
    spread_km: float  # root mean square distance to the group's centre
    colour: str = ""

    @property
    def count(self) -> int:
        return len(self.members)


@dataclass
class FixedCooperation:
    name: str
    slug: str
    members: list[str]  # names in the area
    kept: bool
    reason: str = ""  # why not kept


@dataclass
class DivisionScore:
    label: str
    groups: int
    mean_fit: float | None
    sse_km2: float
    within_bounds: int  # groups within the request's bounds
    connected: int


@dataclass
class Comparison:
    division: str  # region division code
    division_name: str
    existing: DivisionScore
    optimised: DivisionScore  # our optimiser with as many groups, no size bounds


@dataclass
class ClusterProposal:
    request: ClusterRequest
    area: AreaChoice
    groups: list[ProposalGroup]
    mean_fit: float | None
    sse_km2: float
    objective: float
    links: list[Link]
    cooperations: list[FixedCooperation]
    warnings: list[str]
    seconds: float
    comparison: Comparison | None = None
    municipalities: int = 0
    group_of: dict[str, int] = field(default_factory=dict)  # code -> group number

    @property
    def feasible(self) -> bool:
        return not self.warnings


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


def _cooperation_blocks(features, indices, adjacency, area_codes):
    """Ongoing cooperations of the register with at least two current members in the area: the
    blocks to keep together (local indices) and a report on each."""
    local = {features.codes[g]: i for i, g in enumerate(indices)}
    rows = (
        Membership.objects.filter(
            left_on__isnull=True,
            cooperation__deleted_at__isnull=True,
            cooperation__status__in=Cooperation.ONGOING_STATUSES,
            municipality__code__in=area_codes,
        )
        .order_by("cooperation__name", "municipality__name")
        .values_list("cooperation__name", "cooperation__slug", "municipality__code", "municipality__name")
    )
    found: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for name, slug, code, municipality in rows:
        found.setdefault(slug, (name, []))[1].append((code, municipality))
    blocks, report = [], []
    for slug, (name, members) in found.items():
        if len(members) < 2:
            continue
        block = [local[code] for code, _name in members]
        names = [m for _code, m in members]
        if clustering.is_connected(block, adjacency):
            blocks.append(block)
            report.append(FixedCooperation(name, slug, names, True))
        else:
            report.append(
                FixedCooperation(
                    name,
                    slug,
                    names,
                    False,
                    _(
                        "de deelnemers in dit gebied grenzen niet aan elkaar, dus passen niet in één aaneengesloten groep"
                    ),
                )
            )
    return blocks, report


def _nl(value: float) -> str:
    return number_format(round(value), force_grouping=True)


def _infeasible_message(error: clustering.Infeasible, req, names, blocks, report) -> ClusterError:
    d = error.details
    what = d.get("what")
    if error.reason == "min_above_max":
        if what == "count":
            return ClusterError(
                "max_count", _("Het maximum aantal gemeenten per groep is kleiner dan het minimum.")
            )
        return ClusterError(
            "max_population", _("Het maximum aantal inwoners per groep is kleiner dan het minimum.")
        )
    if error.reason == "municipality_too_large":
        return ClusterError(
            "max_population",
            _(
                "%(name)s heeft alleen al %(pop)s inwoners, meer dan het maximum van %(max)s inwoners per groep."
            )
            % {"name": names[d["index"]], "pop": _nl(d["population"]), "max": _nl(req.max_population)},
        )
    if error.reason == "block_too_large":
        kept = [c for c in report if c.kept]
        block = blocks[d["block"]]
        cooperation_names = [c.name for c in kept if set(c.members) & {names[i] for i in block}]
        label = " + ".join(cooperation_names) or _("een bestaande samenwerking")
        if what == "count":
            return ClusterError(
                "max_count",
                _(
                    "De bestaande samenwerking %(name)s telt in dit gebied %(count)s gemeenten, meer dan het "
                    "maximum van %(max)s per groep. Verhoog het maximum of zet bestaande samenwerkingen niet vast."
                )
                % {"name": label, "count": d["count"], "max": req.max_count},
            )
        return ClusterError(
            "max_population",
            _(
                "De bestaande samenwerking %(name)s telt %(pop)s inwoners, meer dan het maximum van %(max)s "
                "per groep. Verhoog het maximum of zet bestaande samenwerkingen niet vast."
            )
            % {"name": label, "pop": _nl(d["population"]), "max": _nl(req.max_population)},
        )
    if error.reason == "component_too_small":
        members = ", ".join(names[i] for i in d["members"][:8])
        if what == "count":
            return ClusterError(
                "min_count",
                _(
                    "Een deel van het gebied hangt niet samen met de rest (%(members)s) en telt maar %(count)s "
                    "gemeenten, minder dan het minimum van %(min)s per groep."
                )
                % {"members": members, "count": d["count"], "min": req.min_count},
            )
        return ClusterError(
            "min_population",
            _(
                "Een deel van het gebied (%(members)s) telt maar %(pop)s inwoners, minder dan het minimum "
                "van %(min)s per groep."
            )
            % {"members": members, "pop": _nl(d["population"]), "min": _nl(req.min_population)},
        )
    if error.reason == "no_group_count":
        return ClusterError(
            "max_count",
            _(
                "Het gebied (of een los deel ervan, %(count)s gemeenten) is met deze grenzen niet in groepen te "
                "verdelen: verruim het minimum of het maximum per groep."
            )
            % {"count": len(d["component"])},
        )
    return ClusterError(
        "groups",
        _("Met deze grenzen kan het gebied in %(low)s tot %(high)s groepen; u vroeg er %(k)s.")
        % {"low": d["min_groups"], "high": d["max_groups"], "k": d["requested"]},
    )


def _violation_text(v: clustering.Violation) -> str:
    texts = {
        "min_count": _("groep %(g)s telt %(v)s gemeenten, minder dan het minimum van %(b)s"),
        "max_count": _("groep %(g)s telt %(v)s gemeenten, meer dan het maximum van %(b)s"),
        "min_population": _("groep %(g)s telt %(v)s inwoners, minder dan het minimum van %(b)s"),
        "max_population": _("groep %(g)s telt %(v)s inwoners, meer dan het maximum van %(b)s"),
        "disconnected": _("groep %(g)s hangt niet aaneen"),
    }
    return texts[v.what] % {"g": v.group + 1, "v": _nl(v.value), "b": _nl(v.bound)}


def _group_colours(labels: np.ndarray, adjacency, k: int) -> list[str]:
    """Greedy colouring of the group graph (largest degree first) with GROUP_COLOURS."""
    touching = [set() for _ in range(k)]
    for i, row in enumerate(adjacency):
        for j in row:
            if labels[i] != labels[j]:
                touching[labels[i]].add(int(labels[j]))
    colour = [-1] * k
    for g in sorted(range(k), key=lambda g: (-len(touching[g]), g)):
        used = {colour[h] for h in touching[g]}
        colour[g] = next(c for c in range(len(GROUP_COLOURS) * 4) if c not in used)
    return [GROUP_COLOURS[c % len(GROUP_COLOURS)] for c in colour]


def _score(part: clustering.Partition, label: str, bounds) -> DivisionScore:
    bad = {v.group for v in part.violations if v.what != "disconnected"}
    disconnected = {v.group for v in part.violations if v.what == "disconnected"}
    mean_fit = None if part.mean_fit is None else float(part.mean_fit)
    return DivisionScore(
        label, part.k, mean_fit, part.sse / 1e6, part.k - len(bad), part.k - len(disconnected)
    )


def propose_clusters(req: ClusterRequest) -> ClusterProposal:
    """A grouping of the area's municipalities into contiguous groups within the bounds."""
    started = time.perf_counter()
    area = parse_area(req.area)
    bounds = _bounds(req)
    if not 0 <= req.fit_weight <= 1:
        raise ClusterError("fit_weight", _("Het gewicht van de fit ligt tussen 0 en 1."))
    if req.compare_with and req.compare_with not in COMPARABLE_DIVISIONS:
        raise ClusterError("compare_with", _("Deze regio-indeling is niet te vergelijken."))
    features = load_features()
    indices = [features.index_of(c) for c in area.codes]
    if not indices:
        raise ClusterError("area", _("Het gebied bevat geen gemeenten."))
    adjacency, links = area_graph(features, indices, point_contacts=req.point_contacts)
    names = [features.names[g] for g in indices]
    population = features.population[indices]
    x, y = clustering.rd_new(features.lat[indices], features.lon[indices])
    fit = pairwise_fit(features, indices=indices)
    blocks, report = ([], [])
    if req.keep_cooperations:
        blocks, report = _cooperation_blocks(features, indices, adjacency, area.codes)
    try:
        part = clustering.partition(
            x,
            y,
            adjacency,
            k=req.groups,
            bounds=bounds,
            population=population,
            fit=fit,
            fit_weight=req.fit_weight,
            fixed=blocks,
        )
    except clustering.Infeasible as error:
        merged = clustering.merge_blocks(len(indices), blocks)
        raise _infeasible_message(error, req, names, merged, report) from error

    colours = _group_colours(part.labels, adjacency, part.k)
    groups = []
    for g, members in enumerate(part.groups):
        pops = population[members]
        groups.append(
            ProposalGroup(
                number=g + 1,
                members=[
                    Member(features.codes[indices[i]], names[i], None if math.isnan(p) else int(p))
                    for i, p in sorted(zip(members, pops, strict=True), key=lambda t: names[t[0]])
                ],
                population=int(np.nansum(pops)),
                fit=part.group_fit[g],
                spread_km=part.group_rms_km[g],
                colour=colours[g],
            )
        )
    warnings = [_violation_text(v) for v in part.violations]
    comparison = None
    if req.compare_with:
        comparison = _compare(req, features, indices, x, y, adjacency, population, fit, bounds, blocks)
    return ClusterProposal(
        request=req,
        area=area,
        groups=groups,
        mean_fit=part.mean_fit,
        sse_km2=part.sse / 1e6,
        objective=part.objective,
        links=links,
        cooperations=report,
        warnings=warnings,
        seconds=time.perf_counter() - started,
        comparison=comparison,
        municipalities=len(indices),
        group_of={features.codes[indices[i]]: int(part.labels[i]) + 1 for i in range(len(indices))},
    )


def _compare(req, features, indices, x, y, adjacency, population, fit, bounds, blocks) -> Comparison:
    labels = features.regions[req.compare_with][indices]
    division_name = RegionType.objects.filter(code=req.compare_with).values_list("name", flat=True).first()
    division_name = division_name or req.compare_with
    existing = clustering.evaluate(
        labels.tolist(),
        x,
        y,
        fit=fit,
        adjacency=adjacency,
        population=population,
        bounds=bounds,
        fit_weight=req.fit_weight,
    )
    k = existing.k
    try:
        ours = clustering.partition(
            x, y, adjacency, k=k, population=population, fit=fit, fit_weight=req.fit_weight, fixed=blocks
        )
        ours.violations = [
            v
            for g, members in enumerate(ours.groups)
            for v in clustering.bound_violations(
                g, len(members), float(np.nansum(population[members])), bounds
            )
        ]
    except clustering.Infeasible:
        ours = existing
    return Comparison(
        req.compare_with,
        division_name,
        _score(existing, division_name, bounds),
        _score(ours, _("Voorstel met %(k)s groepen") % {"k": k}, bounds),
    )
