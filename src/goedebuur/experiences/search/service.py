# SPDX-License-Identifier: EUPL-1.2
"""`search()`: what pages, API and panels call. Visibility is applied first, so hits, snippets,
totals and facet counts only ever cover what the user may see.

One query (the full-text match joined to the entries, with its score) fetches the facet columns of
every visible match as plain tuples; the facets, the filter and the order are then computed in
Python in one pass. Six GROUP BY queries over the same match were several times slower on 10,000
documents (bench/RESULTS.md)."""

import heapq
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from django.core.paginator import Paginator
from django.db.models import CharField
from django.db.models.functions import Cast

from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.core.experiences import textsearch
from goedebuur.municipalities.models import Region
from goedebuur.trajectories import services as trajectories

from .. import permissions
from ..models import Report, SearchEntry
from .backends import backend, fetch

KIND_LABELS = dict(Report.Kind.choices)
FACETS = ("kind", "domain", "phase", "form", "province", "year")
NOTHING = object()  # a filter value that does not exist: nothing matches it


@dataclass
class Filters:
    """Facet selections by their public codes: domain slug, phase code, form code, province code
    (e.g. PV26), year, kind (ervaring, vraag, antwoord)."""

    domain: str = ""
    phase: str = ""
    form: str = ""
    province: str = ""
    year: int | None = None
    kind: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    entry: SearchEntry
    snippet: str  # safe HTML: escaped text with <mark>

    @property
    def kind_label(self):
        return KIND_LABELS[self.entry.kind]


@dataclass
class Results:
    query: str
    hits: list[Hit]
    total: int
    page: object  # django Page over the ordered ids
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    backend: str = ""


@dataclass
class _Labels:
    """code <-> id and names of the facet values kept as foreign keys."""

    by_code: dict[str, dict[str, int]]
    by_id: dict[str, dict[int, tuple[str, str]]]

    @classmethod
    def load(cls):
        tables = {
            "domain": IctDomain.objects.values_list("pk", "slug", "name"),
            "form": CooperationForm.objects.values_list("pk", "code", "name"),
            "province": Region.objects.filter(region_type__code="provincie").values_list(
                "pk", "code", "name"
            ),
        }
        by_id = {name: {pk: (code, label) for pk, code, label in rows} for name, rows in tables.items()}
        by_code = {name: {code: pk for pk, (code, _) in rows.items()} for name, rows in by_id.items()}
        return cls(by_code, by_id)

    def wanted(self, filters: Filters) -> dict:
        wanted = {"kind": filters.kind or None, "phase": filters.phase or None, "year": filters.year}
        for name in ("domain", "form", "province"):
            code = getattr(filters, name)
            wanted[name] = self.by_code[name].get(code, NOTHING) if code else None
        return wanted

    def label(self, name, value) -> tuple[str, str]:
        if name in self.by_id:
            return self.by_id[name].get(value, (str(value), str(value)))
        labels = {"phase": dict(trajectories.phases()), "kind": KIND_LABELS}.get(name, {})
        return str(value), str(labels.get(value, value))


def visible_entries(user):
    return SearchEntry.objects.filter(permissions.visibility_q(user))


def _facet_values(name, counter: Counter, labels: _Labels, selected) -> list[FacetValue]:
    values = []
    for value, count in counter.items():
        if value in ("", None):
            continue
        code, label = labels.label(name, value)
        values.append(FacetValue(code, label, count, selected is not None and value == selected))
    if name == "year":
        return sorted(values, key=lambda v: v.value, reverse=True)
    if name == "phase":
        order = [code for code, _name in trajectories.phases()]
        return sorted(values, key=lambda v: order.index(v.value) if v.value in order else 99)
    return sorted(values, key=lambda v: (-v.count, v.label))


# A row: pk, then these facet columns, then the domain ids (6), the date as text (7), the score (8).
ROW_FIELDS = ("pk", "kind", "phase", "form_id", "province_id", "year", "domain_ids", "when")
COLUMNS = {"kind": 1, "phase": 2, "form": 3, "province": 4, "year": 5}


def _parse_ids(text: str, cache: dict) -> frozenset:
    if text not in cache:
        cache[text] = frozenset(int(i) for i in text.split(",") if i)
    return cache[text]


def _selected(row) -> tuple:
    """(pk, date, score): the score rounded, so that equal scores order by date, newest first."""
    return row[0], row[7], round(row[8], 9) if len(row) > 8 else 0.0


def _count_unfiltered(rows, cache) -> dict[str, Counter]:
    """Facet counts when no filter is chosen: one count per column (in C, not per row in Python),
    the domain ids counted per distinct combination."""
    counters = {name: Counter(map(itemgetter(column), rows)) for name, column in COLUMNS.items()}
    domains = counters["domain"] = Counter()
    for text, count in Counter(map(itemgetter(6), rows)).items():
        for domain in _parse_ids(text, cache):
            domains[domain] += count
    return counters


def _count_and_select(rows, wanted):
    """Facet counts and the (pk, date) of the rows that pass every filter. A facet counts the rows
    that pass every *other* filter, so that its own values stay choosable. Rows are counted by
    their combination of facet values first (few distinct ones), which keeps the Python work small."""
    checks = [(COLUMNS[name], name, wanted[name]) for name in COLUMNS if wanted[name] is not None]
    want_domain, cache = wanted["domain"], {}
    if not checks and want_domain is None:
        scored = bool(rows) and len(rows[0]) > 8  # the same as _selected, without a call per row
        selected = (
            [(r[0], r[7], round(r[8], 9)) for r in rows] if scored else [(r[0], r[7], 0.0) for r in rows]
        )
        return _count_unfiltered(rows, cache), selected
    passing = Counter()  # (kind, phase, form, province, year, domain ids) of the rows that pass; rows
    selected = []  # that pass every filter: (pk, date, score)
    missed_once = {name: Counter() for name in FACETS}  # rows that fail only this facet's filter
    for row in rows:
        failing = [name for column, name, value in checks if row[column] != value]
        if want_domain is not None and want_domain not in _parse_ids(row[6], cache):
            failing.append("domain")
        if not failing:
            passing[row[1:7]] += 1
            selected.append(_selected(row))
        elif len(failing) == 1:
            name = failing[0]
            missed_once[name][row[6] if name == "domain" else row[COLUMNS[name]]] += 1
    counters = {name: Counter() for name in FACETS}
    for key, count in passing.items():
        for name, column in COLUMNS.items():
            counters[name][key[column - 1]] += count
        for domain in _parse_ids(key[5], cache):
            counters["domain"][domain] += count
    for name, missed in missed_once.items():
        for value, count in missed.items():
            for item in _parse_ids(value, cache) if name == "domain" else (value,):
                counters[name][item] += count
    return counters, selected


class _BestFirst:
    """The ids of the selected rows, best first (equal scores: newest first), as the paginator slices
    them. Only the rows up to the end of the requested page are ordered (a partial sort), not the
    thousands a broad query matches."""

    def __init__(self, selected, per_page):
        self.selected, self.per_page = selected, max(1, per_page)

    def __len__(self):
        return len(self.selected)

    def count(self):
        return len(self.selected)

    def __getitem__(self, window):
        if not isinstance(window, slice):
            raise TypeError("slice the ids")
        stop = len(self.selected) if window.stop is None else min(window.stop, len(self.selected))
        best = heapq.nlargest(stop, self.selected, key=itemgetter(2, 1, 0))
        return [row[0] for row in best[window.start or 0 : stop]]


def search(
    user, query: str = "", filters: Filters | None = None, page: int = 1, per_page: int = 20
) -> Results:
    filters = filters or Filters()
    engine = backend()
    terms = textsearch.query_terms(query or "")
    matched = visible_entries(user)
    labels = _Labels.load()
    wanted = labels.wanted(filters)
    # The date as text sorts like the date and spares converting thousands of values to datetimes.
    rows_queryset = matched.annotate(when=Cast("created_at", CharField())).values_list(*ROW_FIELDS)
    if terms:
        rows = engine.scored_rows(rows_queryset, query, terms)
    else:
        rows = fetch(*rows_queryset.order_by().query.sql_with_params())
    counters, selected = _count_and_select(rows, wanted)
    paginator = Paginator(_BestFirst(selected, per_page), per_page)
    page_obj = paginator.get_page(page)
    entries = SearchEntry.objects.select_related("municipality", "form", "cooperation").in_bulk(
        list(page_obj)
    )
    ordered = [entries[pk] for pk in page_obj if pk in entries]
    snippets = engine.snippets(ordered, query, terms) if terms else {}
    hits = [Hit(e, snippets.get(e.pk) or textsearch.snippet(e.body, [])) for e in ordered]
    facets = {name: _facet_values(name, counters[name], labels, wanted[name]) for name in FACETS}
    return Results(query, hits, paginator.count, page_obj, facets, engine.name)
