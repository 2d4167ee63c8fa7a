# SPDX-License-Identifier: EUPL-1.2
"""Public API of the savings ledger: every rule of pages, API and exports.

A cooperation has at most one ledger. Its members record a baseline per municipality (copied from
the linked business case, or entered) and, per year and municipality, the realised savings and
one-off and yearly costs with their source document. The realised figures are compared with the
forecast band of the business case (`comparison`, codes from `goedebuur.core.ledger.verdict`); the
platform-wide view (`overview`) adds up the ledgers that share their figures and computes the
optimism-bias uplift suggested for new business cases (`goedebuur.core.ledger.uplift`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.businesscases import services as businesscases
from goedebuur.common import version
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain, Membership
from goedebuur.core.businesscase.montecarlo import TOTAL
from goedebuur.core.ledger import uplift as core_uplift
from goedebuur.core.ledger import verdict as core
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from . import permissions
from .models import Entry, Ledger
from .permissions import can_edit, can_view, visible_ledgers  # published for other apps

__all__ = ["TOTAL", "can_edit", "can_view", "visible_ledgers"]

MAX_AMOUNT = 10_000_000_000  # ten billion euros: more than any municipality's whole budget
YEARS_BEFORE_START = 1  # the year before the start may hold preparation costs
MAX_YEARS = 30
MAX_SOURCE = 300
MAX_NOTE = 2000
MIN_CASES = core_uplift.MIN_CASES
SHARED = (Ledger.Visibility.MUNICIPAL, Ledger.Visibility.PUBLIC)
AMOUNT_FIELDS = ("savings", "one_off_costs", "yearly_costs")
CACHE_SECONDS = 3600


# --- who may -----------------------------------------------------------------------------------


def _require_edit(user, cooperation: Cooperation) -> None:
    if user is not None and not permissions.can_edit(user, cooperation):
        raise PermissionDenied(
            _("Alleen redacteuren van de deelnemende gemeenten kunnen de resultaten bijwerken.")
        )


def check_editable(user, cooperation: Cooperation) -> None:
    _require_edit(user, cooperation)


def ledger_of(cooperation: Cooperation) -> Ledger | None:
    return Ledger.objects.filter(cooperation=cooperation).select_related("business_case").first()


def members(cooperation: Cooperation) -> list[Municipality]:
    """The current, accepted member municipalities (an invitation is no membership)."""
    return [
        m.municipality
        for m in Membership.objects.filter(cooperation=cooperation, left_on__isnull=True)
        .select_related("municipality")
        .order_by("municipality__name")
    ]


def linkable_cases(user, cooperation: Cooperation):
    """The business cases `user` may see in which at least one member municipality takes part."""
    codes = [m.pk for m in members(cooperation)]
    return (
        businesscases.visible_cases(user).filter(partners__in=codes).distinct().order_by("name", "scenario")
    )


def case_by_id(user, case_id: int | None):
    """The business case `case_id` if `user` may see it; a refusal on `business_case` otherwise."""
    if case_id is None:
        return None
    case = businesscases.visible_cases(user).filter(pk=case_id).first()
    if case is None:
        raise ValidationError(
            {"business_case": [_("Deze businesscase bestaat niet of u mag hem niet zien.")]}
        )
    return case


# --- writing -----------------------------------------------------------------------------------


def _forecast_copy(case) -> dict:
    band = businesscases.forecast_by_year(case)
    horizon = len(band.net[TOTAL][0])
    return {
        "case": case.pk,
        "case_name": str(case),
        "draws": case.draws,
        "seed": case.seed,
        "taken_on": dt.date.today().isoformat(),
        "years": [band.start_year + i for i in range(horizon)],
        "series": {
            code: {
                "net": [list(v) for v in band.net[code]],
                "cumulative": [list(v) for v in band.cumulative[code]],
                "savings_p50": list(band.savings_p50[code]),
                "costs_p50": list(band.costs_p50[code]),
            }
            for code in band.net
        },
    }


def _int(value, name: str, errors: dict) -> int:
    """A whole, non-negative number of euros (a text of digits from a form, a number from the API)."""
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    if number is None:
        errors.setdefault(name, []).append(_("Vul een heel bedrag in euro's in, zonder punten of komma's."))
        return 0
    if not 0 <= number <= MAX_AMOUNT:
        errors.setdefault(name, []).append(
            _("Een bedrag ligt tussen € 0 en € 10.000.000.000; een besparing of kost is nooit negatief.")
        )
    return number


def _check_source(errors: dict, title: str, url: str) -> None:
    if len(title) > MAX_SOURCE:
        errors.setdefault("source_title", []).append(
            _("Gebruik hooguit %(limit)d tekens.") % {"limit": MAX_SOURCE}
        )
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors.setdefault("source_url", []).append(_("Geef een volledige link die begint met https://."))
        if len(url) > 500:
            errors.setdefault("source_url", []).append(
                _("Gebruik hooguit %(limit)d tekens.") % {"limit": 500}
            )


@transaction.atomic
def save_ledger(
    cooperation: Cooperation,
    user,
    *,
    visibility: str,
    start_year: int,
    business_case=None,
    baselines: dict | None = None,
    is_demo: bool = False,
    revision: int | None = None,
) -> Ledger:
    """Create or change the ledger's settings. Linking another business case takes a fresh copy of
    its forecast; a baseline left empty is taken from that business case when it has one for the
    municipality (with its source)."""
    _require_edit(user, cooperation)
    ledger = ledger_of(cooperation) or Ledger(cooperation=cooperation, start_year=start_year)
    created = ledger.pk is None
    if not created:
        history.expect_revision(ledger, revision)
    errors: dict[str, list[str]] = {}
    if visibility not in Ledger.Visibility.values:
        errors["visibility"] = [_("Kies privé, gemeenten of openbaar.")]
    try:
        start_year = int(start_year)
    except (TypeError, ValueError):
        start_year = 0
    if not 2000 <= start_year <= 2100:
        errors["start_year"] = [_("Het startjaar ligt tussen 2000 en 2100.")]
    member_list = members(cooperation)
    codes = {m.code for m in member_list}
    if business_case is not None:
        if user is not None and not businesscases.can_view(user, business_case):
            errors["business_case"] = [_("Deze businesscase bestaat niet of u mag hem niet zien.")]
        elif not codes & set(business_case.partner_codes):
            errors["business_case"] = [_("Geen van de deelnemende gemeenten doet mee in deze businesscase.")]
    wanted = {}
    for code, row in (baselines or {}).items():
        if code not in codes:
            errors.setdefault("baselines", []).append(
                _("%(code)s neemt niet deel aan deze samenwerking.") % {"code": code}
            )
            continue
        if row.get("eur") in (None, ""):
            continue
        amount = _int(row.get("eur"), "baselines", errors)
        source = str(row.get("source") or "").strip()
        if len(source) > MAX_SOURCE:
            errors.setdefault("baselines", []).append(
                _("Een bron is hooguit %(limit)d tekens.") % {"limit": MAX_SOURCE}
            )
        wanted[code] = {"eur": amount, "source": source}
    if errors:
        raise ValidationError(errors)
    if business_case is not None and (created or ledger.business_case_id != business_case.pk):
        ledger.forecast = _forecast_copy(business_case)
    elif business_case is None:
        ledger.forecast = {}
    ledger.business_case = business_case
    ledger.visibility, ledger.start_year = visibility, start_year
    merged = dict(ledger.baselines)
    merged.update(wanted)
    if business_case is not None:
        for code, row in business_case.baselines.items():
            if code in codes and code not in merged:
                source = row.get("source") or ""
                merged[code] = {
                    "eur": int(row.get("eur") or 0),
                    "source": (_("uit de businesscase: %(source)s") % {"source": source})[:MAX_SOURCE]
                    if source
                    else _("uit de businesscase"),
                }
    ledger.baselines = {code: merged[code] for code in sorted(merged) if code in codes}
    if created:
        ledger.is_demo = is_demo
    ledger.updated_by = user if user is not None and user.is_authenticated else None
    ledger.save()
    history.record(ledger, history.Action.CREATE if created else history.Action.UPDATE, user)
    return ledger


@transaction.atomic
def refresh_forecast(ledger: Ledger, user) -> Ledger:
    """Take a new copy of the linked business case's forecast (after the members changed the case)."""
    _require_edit(user, ledger.cooperation)
    if ledger.business_case is None:
        raise ValidationError({"business_case": [_("Er is geen businesscase gekoppeld.")]})
    ledger.forecast = _forecast_copy(ledger.business_case)
    ledger.save()
    history.record(ledger, history.Action.UPDATE, user, _("prognose opnieuw overgenomen"))
    return ledger


@dataclass
class EntryInput:
    municipality: str  # CBS code
    year: int
    savings: int = 0
    one_off_costs: int = 0
    yearly_costs: int = 0
    source_kind: str = Entry.SourceKind.JAARREKENING
    source_title: str = ""
    source_url: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)


def _validate_entry(ledger: Ledger, values: EntryInput) -> tuple[Municipality | None, dict, dict]:
    errors: dict[str, list[str]] = {}
    municipality = next((m for m in members(ledger.cooperation) if m.code == values.municipality), None)
    if municipality is None:
        errors["municipality"] = [_("Kies een gemeente die deelneemt aan deze samenwerking.")]
    try:
        year = int(values.year)
    except (TypeError, ValueError):
        year = 0
    first, last = (
        ledger.start_year - YEARS_BEFORE_START,
        min(ledger.start_year + MAX_YEARS, dt.date.today().year),
    )
    if not first <= year <= last:
        errors["year"] = [
            _("Het jaar ligt tussen %(first)d en %(last)d: gerealiseerde cijfers gaan niet over de toekomst.")
            % {"first": first, "last": last}
        ]
    amounts = {name: _int(getattr(values, name), name, errors) for name in AMOUNT_FIELDS}
    if values.source_kind not in Entry.SourceKind.values:
        errors["source_kind"] = [_("Kies jaarrekening, evaluatie, begroting of ander document.")]
    title, url = values.source_title.strip(), values.source_url.strip()
    if not title and not url:
        errors["source_title"] = [
            _(
                "Noem het brondocument (bijvoorbeeld ‘Jaarrekening 2028, p. 41’) of geef een link: zonder bron is een cijfer niet te controleren."
            )
        ]
    _check_source(errors, title, url)
    if len(values.note) > MAX_NOTE:
        errors["note"] = [_("Gebruik hooguit %(limit)d tekens.") % {"limit": MAX_NOTE}]
    clean = {
        **amounts,
        "year": year,
        "source_kind": values.source_kind,
        "source_title": title,
        "source_url": url,
        "note": values.note.strip(),
    }
    return municipality, clean, errors


@transaction.atomic
def save_entry(ledger: Ledger, user, values: EntryInput) -> Entry:
    """Record (or correct) what one municipality realised in one year."""
    _require_edit(user, ledger.cooperation)
    municipality, clean, errors = _validate_entry(ledger, values)
    if errors:
        raise ValidationError(errors)
    entry = Entry.objects.filter(ledger=ledger, municipality=municipality, year=clean["year"]).first()
    entry = entry or Entry(ledger=ledger, municipality=municipality)
    for name, value in clean.items():
        setattr(entry, name, value)
    entry.save()
    ledger.updated_by = user if user is not None and user.is_authenticated else None
    ledger.save()
    history.record(
        ledger,
        history.Action.UPDATE,
        user,
        _("%(name)s %(year)d bijgewerkt") % {"name": municipality.name, "year": entry.year},
    )
    return entry


@transaction.atomic
def delete_entry(ledger: Ledger, user, code: str, year: int) -> None:
    _require_edit(user, ledger.cooperation)
    entry = (
        Entry.objects.filter(ledger=ledger, municipality__code=code, year=year)
        .select_related("municipality")
        .first()
    )
    if entry is None:
        raise ValidationError({"year": [_("Voor deze gemeente en dit jaar zijn geen cijfers vastgelegd.")]})
    name = entry.municipality.name
    entry.delete()
    ledger.save()
    history.record(
        ledger, history.Action.UPDATE, user, _("%(name)s %(year)d verwijderd") % {"name": name, "year": year}
    )


def versions(ledger: Ledger):
    return history.versions(ledger)


def restore_version(ledger: Ledger, record_id: int, user) -> Ledger:
    _require_edit(user, ledger.cooperation)
    return history.restore(ledger, record_id, user)


# --- reading -----------------------------------------------------------------------------------


def entries(ledger: Ledger):
    return (
        Entry.objects.filter(ledger=ledger)
        .select_related("municipality")
        .order_by("year", "municipality__name")
    )


def _forecast_for(forecast: dict, code: str) -> dict[int, core.ForecastYear]:
    series = (forecast or {}).get("series", {}).get(code)
    if not series:
        return {}
    return core.forecast_years(
        forecast["years"], series["net"], series["cumulative"], series["savings_p50"], series["costs_p50"]
    )


def forecast_of(ledger: Ledger, code: str = TOTAL) -> dict[int, core.ForecastYear]:
    """The ledger's copy of the forecast for one municipality (or all together), by calendar year."""
    return _forecast_for(ledger.forecast, code)


def _realised(rows) -> core.Realised:
    return core.Realised(rows.year, rows.savings, rows.one_off_costs, rows.yearly_costs)


def complete_years(
    rows: list[core.Realised], by_code: dict[str, list[core.Realised]], codes
) -> list[core.Realised]:
    """The all-members total of the years every member reported."""
    years = [set(r.year for r in by_code.get(code, [])) for code in codes]
    complete = set.intersection(*years) if years else set()
    return [r for r in core.sum_realised(rows) if r.year in complete]


@dataclass(frozen=True)
class LedgerComparison:
    total: core.Comparison
    municipalities: dict[str, core.Comparison]  # per CBS code
    names: dict[str, str]
    incomplete_years: tuple[int, ...]  # years some members reported and others not


def comparison(ledger: Ledger) -> LedgerComparison:
    member_list = members(ledger.cooperation)
    codes = [m.code for m in member_list]
    rows = list(entries(ledger))
    by_code: dict[str, list[core.Realised]] = defaultdict(list)
    for row in rows:
        by_code[row.municipality.code].append(_realised(row))
    everything = [r for code in codes for r in by_code.get(code, [])]
    complete = complete_years(everything, by_code, codes)
    reported = {r.year for r in everything}
    return LedgerComparison(
        total=core.compare(complete, _forecast_for(ledger.forecast, TOTAL)),
        municipalities={
            code: core.compare(by_code.get(code, []), _forecast_for(ledger.forecast, code)) for code in codes
        },
        names={m.code: m.name for m in member_list},
        incomplete_years=tuple(sorted(reported - {r.year for r in complete})),
    )


# --- the platform-wide view -----------------------------------------------------------------------


@dataclass
class Group:
    key: str
    name: str
    cooperations: int = 0
    compared: int = 0
    below: int = 0
    within: int = 0
    above: int = 0
    realised_net: int = 0
    forecast_net_p50: int = 0

    @property
    def ratio(self) -> float | None:
        return self.realised_net / self.forecast_net_p50 if self.forecast_net_p50 > 0 else None


@dataclass(frozen=True)
class Summary:
    """What the overview needs of a ledger's all-members comparison (small: it is cached for a thousand
    ledgers, and unpickling every year's verdict cost more than computing it)."""

    code: str
    year: int | None
    compared: int  # years with figures and a forecast
    realised_savings: int
    realised_costs: int
    forecast_savings_p50: int
    forecast_costs_p50: int

    @classmethod
    def of(cls, comparison: core.Comparison) -> Summary:
        return cls(
            comparison.code,
            comparison.year,
            len(comparison.compared),
            comparison.realised_savings,
            comparison.realised_costs,
            comparison.forecast_savings_p50,
            comparison.forecast_costs_p50,
        )


@dataclass(frozen=True)
class Row:
    ledger_id: int
    name: str
    slug: str
    form: str
    domains: tuple[str, ...]
    visibility: str
    is_demo: bool
    comparison: Summary

    @property
    def realised_net(self) -> int:
        return self.comparison.realised_savings - self.comparison.realised_costs

    @property
    def forecast_net_p50(self) -> int:
        return self.comparison.forecast_savings_p50 - self.comparison.forecast_costs_p50


@dataclass(frozen=True)
class Overview:
    rows: tuple[Row, ...]
    total: Group
    by_domain: tuple[Group, ...]
    by_form: tuple[Group, ...]
    uplift: core_uplift.Uplift


def _audience(user) -> str:
    """Who sees which shared ledgers: everyone signed in for a municipality (and administrators) sees
    `gemeenten` and `openbaar`, everyone else `openbaar` only (private ledgers are never shared)."""
    if user is not None and user.is_authenticated and user.is_active:
        if user.is_platform_admin or user.municipality_id is not None:
            return "gemeenten"
    return "openbaar"


def _data_version() -> str:
    """Changes whenever anything the overview reads changes: a ledger or its entries, a cooperation
    (name, form, domains, members) or a membership (goedebuur.common.cache: moved on every write)."""
    text = repr(version("ledger", "cooperations"))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def shared_rows(user) -> list[Row]:
    """`_rows` of the shared ledgers `user` may see, cached per audience until the data changes (the
    overview of a thousand ledgers costs about a second to compute: bench/RESULTS.md)."""
    key = f"ledger-overview:{_audience(user)}:{_data_version()}"
    rows = cache.get(key)
    if rows is None:
        rows = _rows(shared_ledgers(user))
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def shared_ledgers(user):
    """The ledgers that share their figures (gemeenten, openbaar) and that `user` may see, of
    cooperations that were not deleted."""
    return permissions.visible_ledgers(user).filter(
        visibility__in=SHARED, cooperation__deleted_at__isnull=True
    )


def _rows(ledgers) -> list[Row]:
    """The all-members comparison of many ledgers in four queries. Only the total of each forecast copy
    is read (a JSON key, not the whole copy with every member's series), and the other queries select
    by subquery, so that a thousand ledgers need no thousand query parameters."""
    chosen = ledgers.order_by()
    listed = list(
        chosen.order_by("cooperation__name", "pk").values(
            "pk",
            "visibility",
            "is_demo",
            "cooperation_id",
            "cooperation__name",
            "cooperation__slug",
            "cooperation__form__code",
            "forecast__years",
            f"forecast__series__{TOTAL}",
        )
    )
    member_codes: dict[int, list[str]] = defaultdict(list)
    for cooperation_id, code in Membership.objects.filter(
        cooperation_id__in=chosen.values("cooperation_id"), left_on__isnull=True
    ).values_list("cooperation_id", "municipality__code"):
        member_codes[cooperation_id].append(code)
    domains: dict[int, list[str]] = defaultdict(list)
    for cooperation_id, slug in Cooperation.domains.through.objects.filter(
        cooperation_id__in=chosen.values("cooperation_id")
    ).values_list("cooperation_id", "ictdomain__slug"):
        domains[cooperation_id].append(slug)
    realised: dict[int, dict[str, list[core.Realised]]] = defaultdict(lambda: defaultdict(list))
    for ledger_id, code, year, savings, one_off, yearly in Entry.objects.filter(
        ledger_id__in=chosen.values("pk")
    ).values_list("ledger_id", "municipality__code", "year", "savings", "one_off_costs", "yearly_costs"):
        realised[ledger_id][code].append(core.Realised(year, savings, one_off, yearly))
    rows = []
    for item in listed:
        codes = member_codes[item["cooperation_id"]]
        by_code = realised[item["pk"]]
        everything = [r for code in codes for r in by_code.get(code, [])]
        series = item[f"forecast__series__{TOTAL}"]
        forecast = (
            core.forecast_years(
                item["forecast__years"],
                series["net"],
                series["cumulative"],
                series["savings_p50"],
                series["costs_p50"],
            )
            if series
            else {}
        )
        rows.append(
            Row(
                ledger_id=item["pk"],
                name=item["cooperation__name"],
                slug=item["cooperation__slug"],
                form=item["cooperation__form__code"],
                domains=tuple(sorted(domains[item["cooperation_id"]])),
                visibility=item["visibility"],
                is_demo=item["is_demo"],
                comparison=Summary.of(core.compare(complete_years(everything, by_code, codes), forecast)),
            )
        )
    return rows


def _add(group: Group, row: Row) -> None:
    group.cooperations += 1
    if not row.comparison.compared:
        return
    group.compared += 1
    code = row.comparison.code
    group.below += code == core.BELOW
    group.within += code == core.WITHIN
    group.above += code == core.ABOVE
    group.realised_net += row.realised_net
    group.forecast_net_p50 += row.forecast_net_p50


def uplift_of(rows, minimum: int = MIN_CASES) -> core_uplift.Uplift:
    return core_uplift.uplift(
        (
            core_uplift.CaseRatio(
                r.comparison.realised_savings,
                r.comparison.forecast_savings_p50,
                r.comparison.realised_costs,
                r.comparison.forecast_costs_p50,
            )
            for r in rows
            if r.comparison.compared
        ),
        minimum,
    )


def overview(user, *, domain: str = "", form: str = "") -> Overview:
    """Realised against forecast over every shared ledger `user` may see, by domain and by form,
    and the uplift the recorded misses suggest. `domain`/`form` narrow the rows (and the uplift)."""
    rows = shared_rows(user)
    if domain:
        rows = [r for r in rows if domain in r.domains]
    if form:
        rows = [r for r in rows if r.form == form]
    total = Group("", _("Alle gedeelde samenwerkingen"))
    domain_names = dict(IctDomain.objects.values_list("slug", "name"))
    form_names = dict(CooperationForm.objects.values_list("code", "name"))
    by_domain: dict[str, Group] = {}
    by_form: dict[str, Group] = {}
    for row in rows:
        _add(total, row)
        for slug in row.domains:
            _add(by_domain.setdefault(slug, Group(slug, domain_names.get(slug, slug))), row)
        _add(by_form.setdefault(row.form, Group(row.form, form_names.get(row.form, row.form))), row)
    return Overview(
        rows=tuple(rows),
        total=total,
        by_domain=tuple(sorted(by_domain.values(), key=lambda g: g.name)),
        by_form=tuple(sorted(by_form.values(), key=lambda g: g.name)),
        uplift=uplift_of(rows),
    )


def suggested_uplift(user) -> core_uplift.Uplift:
    """The uplift for a new business case, from the shared ledgers `user` may see."""
    return uplift_of(shared_rows(user))


def cases_linked_to(case_id: int, user) -> list[Ledger]:
    """The ledgers `user` may see that measure against business case `case_id`."""
    return list(
        permissions.visible_ledgers(user).filter(business_case_id=case_id).select_related("cooperation")
    )
