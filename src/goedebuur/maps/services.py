# SPDX-License-Identifier: EUPL-1.2
"""Public API of the maps app: SVG maps of the municipalities, built from their stored SVG paths.

Speed: the static part of a map (each municipality's path and bounding box) is kept in memory per
process, keyed on the municipality codes and the length of each stored path, so a reference-data
load that changes a boundary refreshes it. Names, provinces and counts are read on every request
(two light queries); the SVG itself is a string join of about 80 kB.

Apps that draw a map of their own (clusters, fallback) build it with `geometry()`, `Area` and
`render_map` from here; the markup is written once, in `maps/svg.py`."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from html import escape
from threading import Lock
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from goedebuur.common import cached, number
from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation, Membership
from goedebuur.core.geo import Box, Point, boxes_overlap, padded_box, path_bbox, project, union_box, viewbox
from goedebuur.core.maps.colour import CONTEXT, HIGHLIGHT, SEQUENTIAL, class_breaks, colour_for, legend
from goedebuur.core.maps.labels import LabelCandidate, font_size, place_labels
from goedebuur.municipalities.models import HEAVY_MEMBER_FIELDS, Municipality

from .svg import Area, MapLabel, render_map  # noqa: F401 - re-exported for the apps that draw their own maps


@dataclass(frozen=True)
class MapRow:
    """One municipality on a map, for the text alternative (table) under it."""

    code: str
    name: str
    province: str
    url: str
    count: int
    colour: str
    highlighted: bool


@dataclass(frozen=True)
class _Place:
    code: str
    name: str
    province_code: str
    province: str
    path_length: int


@dataclass(frozen=True)
class _Geometry:
    paths: dict[str, str]
    boxes: dict[str, Box]
    points: dict[str, Point]  # label points: each municipality's inside point, projected
    lengths: dict[str, int]
    national: Box


_geometry: _Geometry | None = None
_geometry_lock = Lock()


def _places() -> list[_Place]:
    """Every municipality by name: names and provinces fresh, and the path length as data version."""
    rows = Municipality.objects.order_by("name").values_list(
        "code", "name", "province__code", "province__name", Length("svg_path")
    )
    return [_Place(*row) for row in rows]


def _geometry_for(places: list[_Place]) -> _Geometry:
    """The paths and boxes of all municipalities, from the per-process cache when still current."""
    global _geometry
    current = _geometry
    if current is not None and len(current.lengths) == len(places):
        if all(current.lengths.get(p.code) == p.path_length for p in places):
            return current
    with _geometry_lock:
        rows = Municipality.objects.values_list("code", "svg_path", "point_lon", "point_lat")
        paths = {code: d for code, d, _lon, _lat in rows}
        points = {code: project(lon, lat) for code, _d, lon, lat in rows}
        boxes = {code: path_bbox(d) for code, d in paths.items() if d}
        national = padded_box(union_box(boxes.values()), padding=0.01) if boxes else (0, 0, 100, 100)
        lengths = {code: len(d) for code, d in paths.items()}
        _geometry = _Geometry(paths, boxes, points, lengths, national)
        return _geometry


def geometry() -> tuple[dict[str, str], dict[str, Box]]:
    """(code -> SVG path, code -> bounding box) of all municipalities, for maps of other apps."""
    current = _geometry_for(_places())
    return current.paths, current.boxes


SMALL_MAP_FONT = 1 / 34  # small maps are drawn narrower, so their names take a larger share


def map_labels(
    names: dict[str, str], view: Box, *, small: bool = False, current: _Geometry | None = None
) -> tuple[list[MapLabel], float]:
    """The names to print on a map showing `view`: `names` (code -> text) of the areas that may be
    named, each at its municipality's inside point when it fits there without covering another
    name (`goedebuur.core.maps.labels`). Returns the labels and their font size (SVG units)."""
    current = current or _geometry_for(_places())
    codes = [c for c in names if c in current.boxes and c in current.points]
    candidates = [LabelCandidate(names[c], *current.points[c], current.boxes[c]) for c in codes]
    size = font_size(view, SMALL_MAP_FONT) if small else font_size(view)
    chosen = place_labels(candidates, size, view)
    return [MapLabel(candidates[i].text, candidates[i].x, candidates[i].y, font) for i, font in chosen], size


def named_map(
    areas: list[Area],
    view: Box,
    *,
    label: str,
    css_class: str = "nl-map",
    names: dict[str, str] | None = None,
    current: _Geometry | None = None,
) -> str:
    """`render_map` with the names of the areas in focus (not the muted context) printed where
    they fit; `names` (code -> text) overrides the areas' names."""
    if names is None:
        names = {a.code: a.name for a in areas if not a.context}
    labels, size = map_labels(names, view, small="small" in css_class.split(), current=current)
    return render_map(areas, viewbox(view), label=label, css_class=css_class, labels=labels, font_size=size)


def clear_cache() -> None:
    """Forget the cached paths (they are reloaded on the next map)."""
    global _geometry
    _geometry = None


def _municipality_url():
    """A function code -> detail URL, with one `reverse` per map instead of one per municipality."""
    sample_code = "GM0000"
    head, _sep, tail = reverse("municipalities:detail", args=[sample_code]).rpartition(sample_code)
    return lambda code: f"{head}{code}{tail}"


ICT = "ict"  # count the ICT cooperations: entries with at least one ICT domain
ALL = "alle"  # count every cooperation and regeling of the register
MEASURES = (ICT, ALL)


def cooperation_counts(domain: str = "", status: str = "", measure: str = ICT) -> dict[str, int]:
    """Municipality code -> number of live cooperations it is a current member of (left_on empty):
    by default only the ICT cooperations (at least one ICT domain; `measure` ALL: every cooperation
    and regeling), optionally only those in an ICT domain (slug) and/or with a status. Codes with 0
    are left out."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    live = Cooperation.objects.filter(cooperations.PUBLIC, deleted_at__isnull=True)
    if not status:  # ended cooperations only when asked for explicitly
        live = live.filter(status__in=Cooperation.ONGOING_STATUSES)
    if measure == ICT:
        live = live.filter(pk__in=cooperations.ict_cooperation_ids())
    selected = cooperations.filter_cooperations(live, domain=domain, status=status)
    rows = (
        Membership.objects.filter(left_on__isnull=True, cooperation__in=selected.values("pk"))
        .values_list("municipality__code")
        .annotate(n=Count("cooperation_id"))
        .order_by()
    )
    return dict(rows)


def _current_members(cooperation: Cooperation) -> list[Membership]:
    return list(
        Membership.objects.filter(cooperation=cooperation, left_on__isnull=True)
        .select_related("municipality")
        .defer(*HEAVY_MEMBER_FIELDS)
        .order_by("municipality__name")
    )


def _title_maker(measure: str = ICT):
    """Accessible names like "Rhenen: 2 ICT-samenwerkingen", translated once per distinct count."""
    templates: dict[int, str] = {}

    def title(name: str, count: int) -> str:
        if count not in templates:
            if measure == ICT:
                templates[count] = ngettext(
                    "%(name)s: %(count)s ICT-samenwerking", "%(name)s: %(count)s ICT-samenwerkingen", count
                )
            else:
                templates[count] = ngettext(
                    "%(name)s: %(count)s samenwerking of regeling",
                    "%(name)s: %(count)s samenwerkingen en regelingen",
                    count,
                )
        return templates[count] % {"name": name, "count": count}

    return title


def measure_texts(measure: str = ICT) -> dict[str, str]:
    """What the colours of a map with this measure mean: `legend` (the legend's name), `hint` (the
    caption) and `column` (the heading of the table's count column)."""
    if measure == ICT:
        return {
            "legend": _("Legenda: aantal ICT-samenwerkingen per gemeente"),
            "hint": _(
                "Kleur: aantal ICT-samenwerkingen waaraan een gemeente nu deelneemt (samenwerkingen en "
                "regelingen met ten minste één ICT-domein). Klik op een gemeente voor details."
            ),
            "column": _("ICT-samenwerkingen"),
        }
    return {
        "legend": _("Legenda: aantal samenwerkingen en regelingen per gemeente"),
        "hint": _(
            "Kleur: aantal samenwerkingen en gemeenschappelijke regelingen waaraan een gemeente nu "
            "deelneemt, in elk domein. Klik op een gemeente voor details."
        ),
        "column": _("Samenwerkingen en regelingen"),
    }


def cooperation_count_map(
    highlight: Cooperation | Iterable[str] | None = None,
    label: str | None = None,
    *,
    domain: str = "",
    status: str = "",
    province: str = "",
    measure: str = ICT,
) -> dict:
    """The map of municipalities coloured by their number of ICT cooperations (`measure` ALL: of
    all cooperations and regelingen).

    - `highlight`: a Cooperation (its current members are highlighted and named in the titles) or
      municipality codes to highlight;
    - `domain` (IctDomain slug) and `status` (Cooperation.Status): count only those cooperations;
    - `province` (province code such as "PV26"): zoom to that province; municipalities around it are
      drawn muted, without link, and are not in `rows` nor in the colour classes.

    Returns a dict: `svg` (safe markup), `legend` [(label, colour)], `rows` [MapRow] for a table
    and `table_rows` (a callable giving those rows as safe `<tr>` markup),
    `highlight` (None or {"cooperation", "members", "codes", "colour"}), `context` (None or
    {"label", "colour"} for the muted surroundings of a province), `label`, `max`,
    `table_url` (the /kaart page with the same filters, at its table), `measure` and `texts`
    (`measure_texts`), `register_date` (peildatum of the GR-register data, or None)."""
    cooperation = highlight if isinstance(highlight, Cooperation) else None
    members = _current_members(cooperation) if cooperation else []
    if cooperation:
        codes = {m.municipality.code for m in members}
    else:
        codes = set(highlight or ())

    places = _places()
    geometry = _geometry_for(places)
    counts = cooperation_counts(domain=domain, status=status, measure=measure)
    focus = [p for p in places if not province or p.province_code == province]
    if not focus:
        raise ValueError(f"no municipalities in province {province!r}")
    top = max((counts.get(p.code, 0) for p in focus), default=0)
    breaks = class_breaks(top)

    if province:
        box = padded_box(union_box(geometry.boxes[p.code] for p in focus if p.code in geometry.boxes), 0.03)
    else:
        box = geometry.national
    url_for = _municipality_url()
    title_for = _title_maker(measure)
    member_suffix = (
        _("; deelnemer aan %(cooperation)s") % {"cooperation": cooperation.name}
        if cooperation
        else _("; gemarkeerd")
    )

    areas, rows = [], []
    for place in places:
        if place.code not in geometry.boxes:
            continue
        in_focus = not province or place.province_code == province
        if not in_focus and not boxes_overlap(box, geometry.boxes[place.code]):
            continue  # outside the zoomed view: not worth sending
        count = counts.get(place.code, 0)
        highlighted = place.code in codes
        if not in_focus:
            areas.append(Area(place.code, place.name, geometry.paths[place.code], fill=CONTEXT, context=True))
            continue
        fill = colour_for(count, breaks)
        url = url_for(place.code)
        title = title_for(place.name, count) + (member_suffix if highlighted else "")
        areas.append(
            Area(
                place.code,
                place.name,
                geometry.paths[place.code],
                fill=HIGHLIGHT if highlighted else fill,
                href=url,
                title=title,
                highlighted=highlighted,
            )
        )
        rows.append(MapRow(place.code, place.name, place.province, url, count, fill, highlighted))

    label = label or _map_label(focus[0].province if province else "", domain, status, measure)
    svg = named_map(areas, box, label=label, current=geometry)
    query = urlencode(
        [
            (k, v)
            for k, v in (
                ("domein", domain),
                ("status", status),
                ("provincie", province),
                ("samenwerking", cooperation.slug if cooperation else ""),
                ("telling", measure if measure != ICT else ""),
            )
            if v
        ]
    )
    return {
        "svg": mark_safe(svg),
        "legend": legend(breaks, top),
        "rows": rows,
        "table_rows": partial(_table_rows, rows, bool(codes)),  # called only by a template showing it
        "max": top,
        "label": label,
        "highlight": (
            {"cooperation": cooperation, "members": members, "codes": codes, "colour": HIGHLIGHT}
            if codes
            else None
        ),
        "context": (
            {"label": _("buiten provincie %(province)s") % {"province": focus[0].province}, "colour": CONTEXT}
            if province
            else None
        ),
        "table_url": reverse("maps:map") + (f"?{query}" if query else "") + "#kaart-tabel",
        "measure": measure,
        "texts": measure_texts(measure),
        "register_date": cooperations.register_date(),
    }


def _table_rows(rows: list[MapRow], with_highlight: bool) -> SafeString:
    """The `<tr>`s of the text alternative. Built here rather than in a template loop: 342 rows cost
    about 0.4 ms this way and about 12 ms through the template engine."""
    yes = escape(_("ja"))
    out = []
    for row in rows:
        marked = f"<td>{yes if row.highlighted else ''}</td>" if with_highlight else ""
        attrs = ' class="highlighted"' if row.highlighted else ""
        out.append(
            f"<tr{attrs}>"
            f'<td><a href="{escape(row.url)}">{escape(row.name)}</a></td><td>{escape(row.province)}</td>'
            f'<td class="num">{row.count}</td>{marked}</tr>'
        )
    return mark_safe("\n".join(out))


def _map_label(province_name: str, domain: str, status: str, measure: str = ICT) -> str:
    if measure != ICT and province_name:
        label = _("Kaart van provincie %(province)s: samenwerkingen en regelingen per gemeente") % {
            "province": province_name
        }
    elif measure != ICT:
        label = _("Kaart van Nederland: samenwerkingen en regelingen per gemeente")
    elif province_name:
        label = _("Kaart van provincie %(province)s: ICT-samenwerkingen per gemeente") % {
            "province": province_name
        }
    else:
        label = _("Kaart van Nederland: ICT-samenwerkingen per gemeente")
    details = []
    if domain:
        found = cooperations.domains().filter(slug=domain).first()
        details.append(_("domein %(domain)s") % {"domain": found.name if found else domain})
    if status:
        details.append(_("status %(status)s") % {"status": Cooperation.Status(status).label})
    return f"{label} ({', '.join(details)})" if details else label


def cooperation_members_map(cooperation: Cooperation) -> SafeString:
    """A small map zoomed to the current members of a cooperation, highlighted and linked; the
    municipalities around them are drawn muted. Empty when the cooperation has no current members."""
    members = {m.municipality.code: m for m in _current_members(cooperation)}
    places = _places()
    geometry = _geometry_for(places)
    member_boxes = [geometry.boxes[c] for c in members if c in geometry.boxes]
    if not member_boxes:
        return mark_safe("")
    box = padded_box(union_box(member_boxes), padding=0.08, min_size=30)
    url_for = _municipality_url()
    areas = []
    for place in places:
        if place.code not in geometry.boxes or not boxes_overlap(box, geometry.boxes[place.code]):
            continue
        member = members.get(place.code)
        if member:
            title = _("%(name)s (%(role)s)") % {"name": place.name, "role": member.get_role_display()}
            areas.append(
                Area(
                    place.code,
                    place.name,
                    geometry.paths[place.code],
                    fill=HIGHLIGHT,
                    href=url_for(place.code),
                    title=title,
                    highlighted=True,
                )
            )
        else:
            areas.append(Area(place.code, place.name, geometry.paths[place.code], fill=CONTEXT, context=True))
    label = _("Kaart met de deelnemende gemeenten van %(name)s") % {"name": cooperation.name}
    return mark_safe(named_map(areas, box, label=label, css_class="nl-map small", current=geometry))


def neighbourhood_map(municipality: Municipality) -> SafeString:
    """A small map of a municipality and its neighbours, zoomed in on them."""
    places = _places()
    geometry = _geometry_for(places)
    group = {municipality.code, *municipality.neighbours.values_list("code", flat=True)}
    box = padded_box(union_box(geometry.boxes[c] for c in group if c in geometry.boxes), padding=0.04)
    url_for = _municipality_url()
    areas = [
        Area(
            place.code,
            place.name,
            geometry.paths[place.code],
            fill=SEQUENTIAL[3] if place.code == municipality.code else SEQUENTIAL[1],
            href="" if place.code == municipality.code else url_for(place.code),
            title=place.name,
            highlighted=place.code == municipality.code,
        )
        for place in places
        if place.code in group and place.code in geometry.boxes
    ]
    label = _("Kaart van %(name)s en haar buurgemeenten") % {"name": municipality.name}
    return mark_safe(named_map(areas, box, label=label, css_class="nl-map small", current=geometry))


SCORE_BREAKS = (0.2, 0.4, 0.6, 0.8)  # five classes of a score in 0..1


def score_map(
    scores: dict[str, float], *, origin: str, label: str, titles: dict[str, str] | None = None, href_for=None
) -> dict:
    """The national map coloured by a score in 0..1 per municipality code (five classes of 0.2, light
    to dark); municipalities without a score (filtered out) are drawn muted, `origin` is highlighted.
    `titles` (code -> accessible name) and `href_for` (code -> link) are optional.
    Returns {"svg", "legend" [(label, colour)], "label"}."""
    places = _places()
    geometry = _geometry_for(places)
    titles = titles or {}
    href_for = href_for or _municipality_url()
    areas = []
    for place in places:
        if place.code not in geometry.boxes:
            continue
        score = scores.get(place.code)
        if place.code == origin:
            fill, highlighted, context = HIGHLIGHT, True, False
        elif score is None:
            fill, highlighted, context = CONTEXT, False, True
        else:
            fill = SEQUENTIAL[sum(score >= b for b in SCORE_BREAKS)]
            highlighted = context = False
        areas.append(
            Area(
                place.code,
                place.name,
                geometry.paths[place.code],
                fill=fill,
                href="" if context else href_for(place.code),
                title=titles.get(place.code, place.name),
                highlighted=highlighted,
                context=context,
            )
        )
    bounds = (0.0, *SCORE_BREAKS, 1.0)
    legend_items = [
        (f"{number(bounds[k], 1)}–{number(bounds[k + 1], 1)}", SEQUENTIAL[k]) for k in range(len(SEQUENTIAL))
    ]
    return {
        "svg": mark_safe(named_map(areas, geometry.national, label=label, current=geometry)),
        "legend": legend_items,
        "label": label,
    }


# --- from the shared cache (goedebuur.common.cache) -----------------------------------------------


def count_map_version() -> tuple:
    """The data version of what `cooperation_count_map` shows: the municipalities and provinces, the
    register's cooperations, their memberships and domains."""
    return cooperations.register_version()


def cached_count_map(**filters) -> dict:
    """`cooperation_count_map(**filters)`, computed once per filters and data version (a highlighted
    cooperation by its id; its edits move the version)."""
    filters = {"highlight": None, "domain": "", "status": "", "province": "", "measure": ICT, **filters}
    key = tuple(sorted((name, getattr(value, "pk", value)) for name, value in filters.items()))
    return cached(("national-map", key), count_map_version, lambda: cooperation_count_map(**filters))
