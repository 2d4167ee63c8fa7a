# SPDX-License-Identifier: EUPL-1.2
"""`search()`: what pages, API and panels call. Visibility is applied first, so hits, snippets,
totals and facet counts only ever cover what the user may see."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count

from goedebuur.core import textsearch
from goedebuur.core.trajectory import PHASES

from .. import permissions
from ..models import Report, SearchEntry
from .backends import backend

PHASE_LABELS = dict(PHASES)
KIND_LABELS = dict(Report.Kind.choices)


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

    def apply(self, queryset, skip: str = ""):
        lookups = {
            "domain": ("domains__slug", self.domain),
            "phase": ("phase", self.phase),
            "form": ("form__code", self.form),
            "province": ("province__code", self.province),
            "year": ("year", self.year),
            "kind": ("kind", self.kind),
        }
        for name, (lookup, value) in lookups.items():
            if name != skip and value not in ("", None):
                queryset = queryset.filter(**{lookup: value})
        return queryset


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


# facet name -> (values() fields: code, label) in the order shown
FACETS = {
    "kind": ("kind", None),
    "domain": ("domains__slug", "domains__name"),
    "phase": ("phase", None),
    "form": ("form__code", "form__name"),
    "province": ("province__code", "province__name"),
    "year": ("year", None),
}


def _facet(queryset, name: str, selected) -> list[FacetValue]:
    code, label = FACETS[name]
    fields = [code] + ([label] if label else [])
    rows = (
        queryset.exclude(**{f"{code}__isnull": True}).values(*fields).annotate(n=Count("pk", distinct=True))
    )
    values = []
    for row in rows:
        value = row[code]
        if value in ("", None):
            continue
        text = (
            row[label]
            if label
            else {"phase": PHASE_LABELS, "kind": KIND_LABELS}.get(name, {}).get(value, value)
        )
        values.append(FacetValue(str(value), str(text), row["n"], str(value) == str(selected or "")))
    if name == "year":
        return sorted(values, key=lambda v: v.value, reverse=True)
    if name == "phase":
        order = list(PHASE_LABELS)
        return sorted(values, key=lambda v: order.index(v.value) if v.value in order else 99)
    return sorted(values, key=lambda v: (-v.count, v.label))


def visible_entries(user):
    return SearchEntry.objects.filter(permissions.visibility_q(user))


def search(
    user, query: str = "", filters: Filters | None = None, page: int = 1, per_page: int = 20
) -> Results:
    filters = filters or Filters()
    engine = backend()
    terms = textsearch.query_terms(query or "")
    base = visible_entries(user)
    if terms:
        base = engine.matching(base, query, terms)
    facets = {name: _facet(filters.apply(base, skip=name), name, getattr(filters, name)) for name in FACETS}
    selected = filters.apply(base)
    if terms:
        ids = engine.ranked_ids(filters.apply(visible_entries(user)), query, terms)
    else:
        ids = list(selected.order_by("-created_at", "-pk").values_list("pk", flat=True).distinct())
    paginator = Paginator(ids, per_page)
    page_obj = paginator.get_page(page)
    entries = SearchEntry.objects.select_related("municipality", "form", "cooperation").in_bulk(
        list(page_obj)
    )
    ordered = [entries[pk] for pk in page_obj if pk in entries]
    snippets = engine.snippets(ordered, query, terms) if terms else {}
    hits = [Hit(e, snippets.get(e.pk) or textsearch.snippet(e.body, [])) for e in ordered]
    return Results(query, hits, paginator.count, page_obj, facets, engine.name)
