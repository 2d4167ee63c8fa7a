# SPDX-License-Identifier: EUPL-1.2
"""A business case from a TOML document (no Django), for `goedebuur businesscase case.toml`.
The format is documented in docs/user/businesscase.md with the example docs/businesscase-voorbeeld.toml.

Names and inhabitants of municipalities may be left out: `lookup(code)` supplies them (the command
reads the reference data). Every problem is reported at once, as a `CaseError` of `Problem` codes:
also a file that is not UTF-8 (with its line) and keys the format does not know (with their names: a
typo such as `ict_kosen` would otherwise silently fall back to the benchmark)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date

from goedebuur.core.businesscase.defaults import CHECKLIST_KEYS, default_saving, hidden_cost_checklist
from goedebuur.core.businesscase.finance import DEFAULT_DISCOUNT_RATE
from goedebuur.core.businesscase.harmonisation import overlap_fraction
from goedebuur.core.businesscase.model import (
    BENCHMARK_NOTE,
    Case,
    CaseError,
    DoubleContract,
    HiddenCost,
    Partner,
    Problem,
    Range,
    Saving,
    benchmark_baseline,
    validate,
)

Lookup = Callable[[str], tuple[str, int | None] | None]

# The keys of each table of the format (docs/user/businesscase.md).
CASE_KEYS = frozenset(
    {
        "naam", "scenario", "horizon", "eerste_jaar", "overstap_jaar", "discontovoet", "kansverdeling",
        "onzekerheid_basislijn_pct", "verdeelsleutel", "trekkingen", "seed",
        "gemeente", "besparing", "verborgen_kosten", "dubbel_contract",
    }
)  # fmt: skip
PARTNER_KEYS = frozenset(
    {"code", "naam", "inwoners", "ict_kosten", "bron", "ict_uitgaven", "werkplekken", "aandeel"}
)
SAVING_KEYS = frozenset(
    {
        "domein",
        "label",
        "aandeel_pct",
        "laag",
        "waarschijnlijk",
        "hoog",
        "vanaf_jaar",
        "ingroei_jaren",
        "bron",
    }
)
HIDDEN_COST_KEYS = frozenset({"laag", "waarschijnlijk", "hoog", "jaar", "bron", "bevestigd"})
DOUBLE_CONTRACT_KEYS = frozenset({"gemeente", "label", "kosten_per_jaar", "einddatum"})


class _Problems:
    def __init__(self):
        self.items: list[Problem] = []

    def add(self, field: str, code: str, /, **values) -> None:
        self.items.append(Problem(field, code, values))

    def known_keys(self, table, allowed: frozenset, where: str) -> None:
        """Names every key of `table` that the format does not have at `where`."""
        unknown = sorted(set(table) - allowed) if isinstance(table, Mapping) else []
        if unknown:
            self.add(
                where, "toml_unknown_keys", where=where, keys=tuple(unknown), choices=tuple(sorted(allowed))
            )

    def number(self, table: Mapping, key: str, where: str, default=None, *, whole=False):
        value = table.get(key, default)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (whole and not isinstance(value, int))
        ):
            self.add(
                f"{where}.{key}", "not_a_whole_number" if whole else "not_a_number", where=where, key=key
            )
            return default
        return value


def load_case_file(content: bytes, lookup: Lookup) -> tuple[Case, int, int]:
    """(case, draws, seed) from the bytes of a TOML file, which must be UTF-8 (TOML's own rule; a
    byte-order mark is allowed); raises CaseError."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise CaseError([Problem("toml", "toml_not_utf8", {"line": line})]) from None
    return load_case(text, lookup)


def load_case(text: str, lookup: Lookup) -> tuple[Case, int, int]:
    """(case, draws, seed) from TOML text; raises CaseError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CaseError([Problem("toml", "toml_invalid", {"error": str(error)})]) from None
    return case_from_mapping(data, lookup)


def case_from_mapping(data: Mapping, lookup: Lookup) -> tuple[Case, int, int]:
    p = _Problems()
    p.known_keys(data, CASE_KEYS, "case")
    horizon = p.number(data, "horizon", "case", 10, whole=True)
    start_year = p.number(data, "eerste_jaar", "case", 2027, whole=True)
    go_live = p.number(data, "overstap_jaar", "case", 2, whole=True)
    partners, weights = _partners(data.get("gemeente", []), lookup, p)
    savings = tuple(_saving(row, i, horizon, p) for i, row in enumerate(data.get("besparing", [])))
    scope = [(s.domain, s.domain_share_pct) for s in savings if s is not None]
    hidden = _hidden_costs(data.get("verborgen_kosten", {}), partners, horizon, scope, p)
    doubles = tuple(
        _double(row, i, start_year, go_live, horizon, p)
        for i, row in enumerate(data.get("dubbel_contract", []))
    )
    case = Case(
        name=str(data.get("naam", "")),
        scenario=str(data.get("scenario", "")),
        partners=partners,
        savings=tuple(s for s in savings if s is not None),
        hidden_costs=hidden,
        horizon=horizon,
        start_year=start_year,
        discount_rate=p.number(data, "discontovoet", "case", DEFAULT_DISCOUNT_RATE),
        allocation_key=str(data.get("verdeelsleutel", "inwoners")),
        custom_weights=weights,
        double_contracts=tuple(d for d in doubles if d is not None),
        distribution=str(data.get("kansverdeling", "pert")),
        baseline_uncertainty_pct=p.number(data, "onzekerheid_basislijn_pct", "case", 10.0),
    )
    draws = p.number(data, "trekkingen", "case", 10_000, whole=True)
    seed = p.number(data, "seed", "case", 1, whole=True)
    problems = p.items + validate(case)
    if problems:
        raise CaseError(problems)
    return case, draws, seed


def _partners(rows, lookup: Lookup, p: _Problems):
    partners, weights = [], {}
    if not isinstance(rows, list):
        p.add("gemeente", "toml_partners_not_tables")
        return (), {}
    for i, row in enumerate(rows):
        where = f"gemeente.{i}"
        p.known_keys(row, PARTNER_KEYS, where)
        code = str(row.get("code", "")).upper()
        known = lookup(code) if code else None
        if known is None and not row.get("naam"):
            p.add(f"{where}.code", "toml_municipality_unknown", where=where, code=code)
            continue
        name = str(row.get("naam") or known[0])
        inhabitants = p.number(row, "inwoners", where, known[1] if known else None, whole=True)
        baseline = p.number(row, "ict_kosten", where, None, whole=True)
        source = str(row.get("bron", ""))
        if baseline is None:
            baseline = benchmark_baseline(max(inhabitants or 0, 0))
            source = source or f"{BENCHMARK_NOTE} × {inhabitants or 0} inwoners"
        partners.append(
            Partner(
                code=code or name,
                name=name,
                inhabitants=inhabitants,
                baseline_eur=baseline,
                baseline_source=source,
                ict_spend_eur=p.number(row, "ict_uitgaven", where, None, whole=True),
                workplaces=p.number(row, "werkplekken", where, None, whole=True),
            )
        )
        share = p.number(row, "aandeel", where, None)
        if share is not None:
            weights[code or name] = share
    return tuple(partners), weights


def _saving(row, index: int, horizon, p: _Problems) -> Saving | None:
    where = f"besparing.{index}"
    p.known_keys(row, SAVING_KEYS, where)
    domain = str(row.get("domein", "")).strip()
    if not domain:
        p.add(f"{where}.domein", "toml_domain_missing", where=where)
        return None
    base = default_saving(domain, str(row.get("label", domain)), max(horizon or 1, 1))
    likely = p.number(row, "waarschijnlijk", where, base.percent.likely)
    return replace(
        base,
        domain_share_pct=p.number(row, "aandeel_pct", where, base.domain_share_pct),
        percent=Range(
            p.number(row, "laag", where, base.percent.low),
            likely,
            p.number(row, "hoog", where, base.percent.high),
        ),
        start_year=p.number(row, "vanaf_jaar", where, base.start_year, whole=True),
        ramp_years=p.number(row, "ingroei_jaren", where, base.ramp_years, whole=True),
        source=str(row.get("bron", base.source)),
    )


def _hidden_costs(table, partners, horizon, scope, p: _Problems) -> tuple[HiddenCost, ...]:
    if not isinstance(table, Mapping):
        p.add("verborgen_kosten", "toml_costs_not_tables")
        table = {}
    unknown = sorted(set(table) - set(CHECKLIST_KEYS))
    if unknown:
        p.add("verborgen_kosten", "toml_cost_unknown", keys=tuple(unknown), choices=tuple(CHECKLIST_KEYS))
    items = []
    for cost in hidden_cost_checklist(partners, max(horizon or 1, 1), scope):
        row = table.get(cost.key)
        if row is None:
            items.append(cost)
            continue
        where = f"verborgen_kosten.{cost.key}"
        p.known_keys(row, HIDDEN_COST_KEYS, where)
        amount = Range(
            p.number(row, "laag", where, cost.amount.low),
            p.number(row, "waarschijnlijk", where, cost.amount.likely),
            p.number(row, "hoog", where, cost.amount.high),
        )
        items.append(
            replace(
                cost,
                amount=amount,
                year=p.number(row, "jaar", where, cost.year, whole=True),
                source=str(row.get("bron", cost.source)),
                confirmed=bool(row.get("bevestigd", False)),
            )
        )
    return tuple(items)


def _double(row, index, start_year, go_live, horizon, p: _Problems) -> DoubleContract | None:
    where = f"dubbel_contract.{index}"
    p.known_keys(row, DOUBLE_CONTRACT_KEYS, where)
    cost = p.number(row, "kosten_per_jaar", where, None, whole=True)
    end = row.get("einddatum")
    if isinstance(end, str):
        try:
            end = date.fromisoformat(end)
        except ValueError:
            end = None
    if cost is None or not isinstance(end, date) or not horizon or not start_year or not go_live:
        p.add(where, "toml_double_contract_incomplete", where=where)
        return None
    begin = date(start_year + go_live - 1, 1, 1)
    amounts = tuple(int(round(cost * overlap_fraction(start_year + y, begin, end))) for y in range(horizon))
    return DoubleContract(
        str(row.get("gemeente", "")).upper(), str(row.get("label", "")), cost, end.isoformat(), amounts
    )
