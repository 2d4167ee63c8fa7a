# SPDX-License-Identifier: EUPL-1.2
"""The landscape file's format: its columns, the checked row, errors, results and the component index."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date

from goedebuur.core.exports import FORMULA_START  # noqa: F401  (the reading side strips the guard)
from goedebuur.core.landscape.rules import normalize_name


@dataclass(frozen=True)
class Column:
    """A column of the file; its explanation for users is phrased by the app
    (goedebuur.profiles.file_messages.column_description)."""

    name: str
    required: bool
    example: str


COLUMNS: tuple[Column, ...] = (
    Column("referentiecomponenten", True, "Zaakregistratiecomponent; Documentregistratiecomponent"),
    Column("product", True, "Djuma"),
    Column("versie", False, "2024.2"),
    Column("leverancier", True, "Decos"),
    Column("hosting", True, "saas"),
    Column("beschikbaarheid", False, "2"),
    Column("integriteit", False, "2"),
    Column("vertrouwelijkheid", False, "2"),
    Column("rto_uren", False, "24"),
    Column("rpo_uren", False, "4"),
    Column("contract_start", False, "2021-01-01"),
    Column("contract_einde", False, "2026-12-31"),
    Column("opzegtermijn_maanden", False, "6"),
    Column("jaarlijkse_kosten_eur", False, "12500"),
    Column("verlengingsopties", False, "2 x 1 jaar"),
)
COLUMN_NAMES = tuple(c.name for c in COLUMNS)
REQUIRED = tuple(c.name for c in COLUMNS if c.required)
CONTRACT_COLUMNS = (
    "contract_start",
    "contract_einde",
    "opzegtermijn_maanden",
    "jaarlijkse_kosten_eur",
    "verlengingsopties",
)

HOSTING = {
    "on-premises": "on-premises",
    "on premises": "on-premises",
    "on-premise": "on-premises",
    "on premise": "on-premises",
    "onpremises": "on-premises",
    "saas": "saas",
    "gedeeld-datacenter": "gedeeld-datacenter",
    "gedeeld datacenter": "gedeeld-datacenter",
}
MAX_LENGTH = {"product": 200, "leverancier": 200, "versie": 60}


class FileError(Exception):
    """The file as a whole cannot be imported: a `code` with its `params`; the app phrases them
    for the user (goedebuur.profiles.file_messages)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class RowError:
    """A problem with one row: a `code` with its `params` (phrased by the app, see
    goedebuur.profiles.file_messages)."""

    row: int
    column: str  # "" when the row as a whole is wrong
    code: str
    params: dict = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class LandscapeRow:
    """One checked application row; components are GEMMA Object IDs."""

    row: int
    components: tuple[str, ...]
    product: str
    supplier: str
    hosting: str
    version: str = ""
    beschikbaarheid: int | None = None
    integriteit: int | None = None
    vertrouwelijkheid: int | None = None
    rto_hours: int | None = None
    rpo_hours: int | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    notice_months: int | None = None
    yearly_cost_eur: int | None = None
    extension_options: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the application within a municipality: normalised supplier and product."""
        return normalize_name(self.supplier), normalize_name(self.product)

    @property
    def has_contract(self) -> bool:
        return any(
            v not in (None, "")
            for v in (
                self.contract_start,
                self.contract_end,
                self.notice_months,
                self.yearly_cost_eur,
                self.extension_options,
            )
        )

    def to_json(self) -> dict:
        data = asdict(self)
        data["components"] = list(self.components)
        for name in ("contract_start", "contract_end"):
            data[name] = data[name].isoformat() if data[name] else None
        return data

    @classmethod
    def from_json(cls, data: Mapping) -> LandscapeRow:
        values = dict(data)
        values["components"] = tuple(values["components"])
        for name in ("contract_start", "contract_end"):
            values[name] = date.fromisoformat(values[name]) if values.get(name) else None
        return cls(**values)


@dataclass
class Table:
    """The cells of a file: header names (normalised) and (row number, {column: raw value})."""

    headers: list[str]
    rows: list[tuple[int, dict[str, object]]]


@dataclass
class ImportResult:
    rows: list[LandscapeRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[FileError] = field(default_factory=list)
    row_count: int = 0
    # row number -> (product, supplier) as written in the file, to show rows that have errors
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors and bool(self.rows)

    def errors_by_row(self) -> dict[int, list[RowError]]:
        by_row: dict[int, list[RowError]] = {}
        for error in self.errors:
            by_row.setdefault(error.row, []).append(error)
        return by_row


class ComponentIndex:
    """Looks up reference components by GEMMA Object ID or name (case and spacing do not matter)."""

    def __init__(self, components: Iterable[tuple[str, str]]):
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for gemma_id, name in components:
            self.names[gemma_id] = name
            self.by_key[_key(gemma_id)] = gemma_id
            self.by_key.setdefault(_key(name), gemma_id)
        self._lower_names = {_key(name): name for name in self.names.values()}

    def lookup(self, text: str) -> str | None:
        return self.by_key.get(_key(text))

    def suggest(self, text: str) -> str | None:
        matches = difflib.get_close_matches(_key(text), list(self._lower_names), n=1, cutoff=0.75)
        return self._lower_names[matches[0]] if matches else None


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()
