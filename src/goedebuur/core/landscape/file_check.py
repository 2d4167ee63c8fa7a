# SPDX-License-Identifier: EUPL-1.2
"""Checking the rows of a landscape file: parsing cells (numbers, euros, dates) into LandscapeRows."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from goedebuur.core.landscape.file_format import (
    FORMULA_START,
    HOSTING,
    MAX_LENGTH,
    REQUIRED,
    ComponentIndex,
    ImportResult,
    LandscapeRow,
    RowError,
    Table,
)
from goedebuur.core.landscape.file_read import _blank
from goedebuur.core.landscape.rules import normalize_name
from goedebuur.core.text import control_characters

EUROS = "jaarlijkse_kosten_eur"


class _Invalid(Exception):
    """A cell that cannot be parsed: a RowError code with its params."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, params)
        self.code = code
        self.params = params


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_START and text[1:2] else text


def _int(value: object, column: str, low: int | None = 0, high: int | None = None) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise _Invalid("not_whole_number", column=column, value=value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"-?\d+", text):
            raise _Invalid("not_whole_number", column=column, value=text)
        number = int(text)
    if isinstance(number, float):
        if not number.is_integer():
            raise _Invalid("not_whole_number", column=column, value=number)
        number = int(number)
    if low is not None and number < low:
        if low == 0:
            raise _Invalid("negative", column=column, value=number)
        raise _Invalid("out_of_range", column=column, low=low, high=high, value=number)
    if high is not None and number > high:
        raise _Invalid("out_of_range", column=column, low=low, high=high, value=number)
    return number


def parse_euros(value: object) -> int | None:
    """Whole euros from 12500, 12.500, 12.500,00, € 12.500 or 12500,50 (rounded half up)."""
    if _blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = str(value).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"-?\d+(,\d+)?", text):
            text = text.replace(",", ".")
        else:
            raise _Invalid("not_euros", column=EUROS, value=value)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _Invalid("not_euros", column=EUROS, value=value) from None
    if amount < 0:
        raise _Invalid("negative", column=EUROS, value=value)
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_date(value: object, column: str) -> date | None:
    """A date from YYYY-MM-DD or DD-MM-YYYY text, or a date cell of a spreadsheet."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
        if not match:
            raise _Invalid("not_a_date", column=column, value=text)
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise _Invalid("no_such_date", column=column, value=text) from None


def check_row(number: int, cells: Mapping[str, object], components: ComponentIndex):
    """(LandscapeRow or None, [RowError]) for one row."""
    errors: list[RowError] = []
    values: dict[str, object] = {}

    def fail(at, code, **params):
        errors.append(RowError(number, at, code, params))

    if cells.get("__extra__"):
        fail("", "extra_cells")
    for column, value in cells.items():
        # before `_text`, which would quietly turn some of them (U+001C-U+001F, U+0085) into spaces
        found = control_characters(value) if isinstance(value, str) and column != "__extra__" else []
        if found:
            fail(column, "control_characters", column=column, characters=found)
    for column in REQUIRED:
        if _blank(cells.get(column)):
            fail(column, "required", column=column)

    wanted = [p.strip() for p in _text(cells.get("referentiecomponenten")).split(";") if p.strip()]
    found: list[str] = []
    for name in wanted:
        gemma_id = components.lookup(name)
        if gemma_id is None:
            hint = components.suggest(name)
            fail("referentiecomponenten", "unknown_component", name=name, hint=hint)
        elif gemma_id not in found:
            found.append(gemma_id)
    values["components"] = tuple(found)

    for column, attribute in (("product", "product"), ("leverancier", "supplier"), ("versie", "version")):
        text = _text(cells.get(column))
        if len(text) > MAX_LENGTH[column]:
            fail(column, "too_long", column=column, maximum=MAX_LENGTH[column])
        values[attribute] = text
    for column, attribute in (("product", "product"), ("leverancier", "supplier")):
        if values[attribute] and not normalize_name(values[attribute]):
            fail(column, "no_letters", column=column)

    hosting = _text(cells.get("hosting"))
    if hosting:
        values["hosting"] = HOSTING.get(hosting.casefold(), "")
        if not values["hosting"]:
            fail("hosting", "bad_hosting", value=hosting)
    else:
        values["hosting"] = ""

    def run(column, attribute, parse):
        try:
            values[attribute] = parse(cells.get(column))
        except _Invalid as error:
            fail(column, error.code, **error.params)
            values[attribute] = None

    for aspect in ("beschikbaarheid", "integriteit", "vertrouwelijkheid"):
        run(aspect, aspect, lambda v, a=aspect: _int(v, a, 1, 3))
    run("rto_uren", "rto_hours", lambda v: _int(v, "rto_uren"))
    run("rpo_uren", "rpo_hours", lambda v: _int(v, "rpo_uren"))
    run("contract_start", "contract_start", lambda v: parse_date(v, "contract_start"))
    run("contract_einde", "contract_end", lambda v: parse_date(v, "contract_einde"))
    run("opzegtermijn_maanden", "notice_months", lambda v: _int(v, "opzegtermijn_maanden", 0, 600))
    run("jaarlijkse_kosten_eur", "yearly_cost_eur", parse_euros)
    values["extension_options"] = _text(cells.get("verlengingsopties"))

    start, end = values["contract_start"], values["contract_end"]
    if start and end and end < start:
        fail("contract_einde", "end_before_start", end=end, start=start)
    if errors:
        return None, errors
    return LandscapeRow(row=number, **values), errors


def check_table(table: Table, components: ComponentIndex) -> ImportResult:
    result = ImportResult(row_count=len(table.rows))
    seen: dict[tuple[str, str], int] = {}
    for number, cells in table.rows:
        result.labels[number] = (_text(cells.get("product")), _text(cells.get("leverancier")))
        row, errors = check_row(number, cells, components)
        result.errors.extend(errors)
        if row is None:
            continue
        if row.key in seen:
            result.errors.append(RowError(number, "", "duplicate", {"first_row": seen[row.key]}))
            continue
        seen[row.key] = number
        result.rows.append(row)
    return result
