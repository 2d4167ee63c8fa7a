# SPDX-License-Identifier: EUPL-1.2
"""Reading and checking an application-landscape file (CSV or XLSX), and writing one (pure: no Django).

One row per application. The columns (Dutch headers, see `COLUMNS` and docs/user/landschap-import.md)
are the same for the template, the import and the export, so an exported file can be edited and
imported again.

Decisions:
- CSV must be UTF-8 (with or without BOM). A file in Windows-1252/Latin-1 (Excel's plain "CSV") is
  *rejected* with the row of the first offending character, not guessed: a wrong guess silently
  turns "Pinkroccade" into "PinkroccadÃ©" and creates a second supplier.
- The separator is `,` or `;`, whichever makes the header row recognisable.
- Row numbers are spreadsheet row numbers: the header is row 1, the first application row 2.
- Problems with the file as a whole (unreadable, missing or unknown columns, no rows) are
  `FileError`s; problems with a row are `RowError`s; a file with any error imports nothing.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .landscape import normalize_name

MAX_ROWS = 20_000


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    description: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "referentiecomponenten",
        True,
        "GEMMA-referentiecomponent(en) die de applicatie invult: naam of GEMMA Object ID, "
        "meerdere gescheiden door een puntkomma (;)",
        "Zaakregistratiecomponent; Documentregistratiecomponent",
    ),
    Column("product", True, "Naam van het softwareproduct", "Djuma"),
    Column("versie", False, "Versie van het product (vrije tekst)", "2024.2"),
    Column("leverancier", True, "Naam van de leverancier", "Decos"),
    Column("hosting", True, "on-premises, saas of gedeeld-datacenter", "saas"),
    Column(
        "beschikbaarheid",
        False,
        "1, 2 of 3; leeg = hoogste GEMMA-advies van de componenten",
        "2",
    ),
    Column("integriteit", False, "1, 2 of 3; leeg = hoogste GEMMA-advies van de componenten", "2"),
    Column("vertrouwelijkheid", False, "1, 2 of 3; leeg = hoogste GEMMA-advies van de componenten", "2"),
    Column("rto_uren", False, "Maximale hersteltijd in uren; leeg = standaard bij de beschikbaarheid", "24"),
    Column(
        "rpo_uren", False, "Maximaal gegevensverlies in uren; leeg = standaard bij de beschikbaarheid", "4"
    ),
    Column("contract_start", False, "Startdatum van het contract: JJJJ-MM-DD of DD-MM-JJJJ", "2021-01-01"),
    Column("contract_einde", False, "Einddatum van het contract: JJJJ-MM-DD of DD-MM-JJJJ", "2026-12-31"),
    Column("opzegtermijn_maanden", False, "Opzegtermijn in hele maanden", "6"),
    Column("jaarlijkse_kosten_eur", False, "Kosten per jaar in hele euro's (12500 of 12.500)", "12500"),
    Column("verlengingsopties", False, "Vrije tekst", "2 x 1 jaar"),
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
    """The file as a whole cannot be imported; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # "" when the row as a whole is wrong
    message: str

    def __str__(self):
        return f"Rij {self.row}: {self.message}"


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
    file_errors: list[str] = field(default_factory=list)
    row_count: int = 0
    # row number -> (product, supplier) as written in the file, to show rows that have errors
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors and bool(self.rows)

    def messages(self) -> list[str]:
        return self.file_errors + [str(e) for e in self.errors]

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


# --- reading ---------------------------------------------------------------------------------------

XLSX_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # the old binary Excel format (.xls)


def detect_kind(content: bytes) -> str:
    """'xlsx' or 'csv', by content (not by file name)."""
    if content.startswith(XLSX_SIGNATURE):
        return "xlsx"
    if content.startswith(OLE_SIGNATURE):
        raise FileError(
            "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) of als "
            "CSV UTF-8 en upload het opnieuw."
        )
    if b"\x00" in content[:4096]:
        raise FileError("Dit is geen CSV- of XLSX-bestand. Gebruik het sjabloon (CSV of XLSX).")
    return "csv"


def normalize_header(text: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(text or "").strip().lower())


def read_table(content: bytes) -> Table:
    kind = detect_kind(content)
    table = read_xlsx(content) if kind == "xlsx" else read_csv(content)
    _check_headers(table.headers)
    table.rows = [(n, cells) for n, cells in table.rows if any(_blank(v) is False for v in cells.values())]
    if not table.rows:
        raise FileError("Het bestand bevat geen applicaties: alleen een kopregel of lege rijen.")
    if len(table.rows) > MAX_ROWS:
        raise FileError(f"Het bestand bevat {len(table.rows)} rijen; het maximum is {MAX_ROWS}.")
    return table


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def decode_csv(content: bytes) -> str:
    """UTF-8 with or without BOM; anything else is refused with the row of the first bad byte."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        bad = content[error.start : error.start + 1]
        shown = bad.decode("cp1252", errors="replace")
        raise FileError(
            f"Het bestand is niet opgeslagen als UTF-8 (rij {row} bevat het teken {shown!r} in een andere "
            "codering, waarschijnlijk Windows-1252/Latin-1). Sla het in Excel op als 'CSV UTF-8 (door "
            "komma's gescheiden)' of als Excel-werkmap (.xlsx) en upload het opnieuw."
        ) from None


def read_csv(content: bytes) -> Table:
    text = decode_csv(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(
        (",", ";"),
        key=lambda d: sum(
            normalize_header(h) in COLUMN_NAMES for h in next(csv.reader([first_line], delimiter=d), [])
        ),
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise FileError(
            f"Het CSV-bestand kan niet worden gelezen (rij {reader.line_num}): {error}."
        ) from None
    if not records:
        raise FileError("Het bestand is leeg.")
    headers = [normalize_header(h) for h in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if len(record) > len(headers) and any(v.strip() for v in record[len(headers) :]):
            rows.append((number, {"__extra__": "x", **dict(zip(headers, record, strict=False))}))
            continue
        rows.append((number, dict(zip(headers, record, strict=False))))
    return Table(headers, rows)


def read_xlsx(content: bytes) -> Table:
    import openpyxl  # only needed for XLSX

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileError(f"Het XLSX-bestand kan niet worden gelezen ({type(error).__name__}).") from None
    try:
        names = {name.lower(): name for name in workbook.sheetnames}
        sheet = workbook[names["landschap"]] if "landschap" in names else workbook.worksheets[0]
        rows_iter = sheet.iter_rows(values_only=True)
        header = next(rows_iter, None)
        if header is None:
            raise FileError("Het bestand is leeg.")
        headers = [normalize_header(h) for h in header]
        while headers and not headers[-1]:
            headers.pop()
        rows = []
        for number, values in enumerate(rows_iter, start=2):
            cells = dict(zip(headers, values, strict=False))
            if any(not _blank(v) for v in values[len(headers) :]):
                cells["__extra__"] = "x"
            rows.append((number, cells))
        return Table(headers, rows)
    finally:
        workbook.close()


def _check_headers(headers: list[str]) -> None:
    named = [h for h in headers if h]
    missing = [c for c in REQUIRED if c not in named]
    unknown = [h for h in named if h not in COLUMN_NAMES]
    doubles = sorted({h for h in named if named.count(h) > 1})
    problems = []
    if missing:
        problems.append("verplichte kolom ontbreekt: " + ", ".join(missing))
    if unknown:
        problems.append("onbekende kolom: " + ", ".join(unknown))
    if doubles:
        problems.append("kolom staat er meer dan eens in: " + ", ".join(doubles))
    if len(named) < len(headers):
        problems.append("een kolom zonder kopje")
    if problems:
        raise FileError(
            "De kopregel (rij 1) klopt niet: "
            + "; ".join(problems)
            + ". Toegestane kolommen: "
            + ", ".join(COLUMN_NAMES)
            + "."
        )


# --- checking --------------------------------------------------------------------------------------


class _Invalid(Exception):
    pass


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
        raise _Invalid(f"{column} moet een heel getal zijn, niet {value!r}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not re.fullmatch(r"-?\d+", text):
            raise _Invalid(f"{column} moet een heel getal zijn, niet '{text}'")
        number = int(text)
    if isinstance(number, float):
        if not number.is_integer():
            raise _Invalid(f"{column} moet een heel getal zijn, niet {number:g}")
        number = int(number)
    if low is not None and number < low:
        if low == 0:
            raise _Invalid(f"{column} mag niet negatief zijn ({number})")
        raise _Invalid(f"{column} moet {low} tot en met {high} zijn, niet {number}")
    if high is not None and number > high:
        raise _Invalid(f"{column} moet {low} tot en met {high} zijn, niet {number}")
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
            raise _Invalid(f"jaarlijkse_kosten_eur moet een bedrag in euro's zijn, niet '{value}'")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _Invalid(f"jaarlijkse_kosten_eur moet een bedrag in euro's zijn, niet '{value}'") from None
    if amount < 0:
        raise _Invalid(f"jaarlijkse_kosten_eur mag niet negatief zijn ({value})")
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
            raise _Invalid(f"{column}: '{text}' is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ")
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise _Invalid(f"{column}: '{text}' bestaat niet als datum") from None


def check_row(number: int, cells: Mapping[str, object], components: ComponentIndex):
    """(LandscapeRow or None, [RowError]) for one row."""
    errors: list[RowError] = []
    values: dict[str, object] = {}

    def fail(column, message):
        errors.append(RowError(number, column, message))

    if cells.get("__extra__"):
        fail("", "de rij heeft meer cellen dan er kolommen zijn")
    for column in REQUIRED:
        if _blank(cells.get(column)):
            fail(column, f"{column} is verplicht")

    wanted = [p.strip() for p in _text(cells.get("referentiecomponenten")).split(";") if p.strip()]
    found: list[str] = []
    for name in wanted:
        gemma_id = components.lookup(name)
        if gemma_id is None:
            hint = components.suggest(name)
            fail(
                "referentiecomponenten",
                f"onbekende referentiecomponent '{name}'" + (f" (bedoelt u '{hint}'?)" if hint else ""),
            )
        elif gemma_id not in found:
            found.append(gemma_id)
    values["components"] = tuple(found)

    for column, attribute in (("product", "product"), ("leverancier", "supplier"), ("versie", "version")):
        text = _text(cells.get(column))
        if len(text) > MAX_LENGTH[column]:
            fail(column, f"{column} is te lang (meer dan {MAX_LENGTH[column]} tekens)")
        values[attribute] = text
    for column, attribute in (("product", "product"), ("leverancier", "supplier")):
        if values[attribute] and not normalize_name(values[attribute]):
            fail(column, f"{column} bevat geen letters of cijfers")

    hosting = _text(cells.get("hosting"))
    if hosting:
        values["hosting"] = HOSTING.get(hosting.casefold(), "")
        if not values["hosting"]:
            fail("hosting", f"hosting moet on-premises, saas of gedeeld-datacenter zijn, niet '{hosting}'")
    else:
        values["hosting"] = ""

    def run(column, attribute, parse):
        try:
            values[attribute] = parse(cells.get(column))
        except _Invalid as error:
            fail(column, str(error))
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
        fail(
            "contract_einde",
            f"contract_einde ({end.isoformat()}) ligt vóór contract_start ({start.isoformat()})",
        )
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
            result.errors.append(
                RowError(
                    number,
                    "",
                    f"dezelfde leverancier en hetzelfde product als rij {seen[row.key]} "
                    "(een gemeente heeft elk product één keer)",
                )
            )
            continue
        seen[row.key] = number
        result.rows.append(row)
    return result


def parse(content: bytes, components: ComponentIndex) -> ImportResult:
    """Read and check a whole file. `ok` only when the file has rows and not a single error."""
    try:
        table = read_table(content)
    except FileError as error:
        return ImportResult(file_errors=[str(error)])
    return check_table(table, components)


# --- writing ---------------------------------------------------------------------------------------


def columns(include_contracts: bool) -> tuple[str, ...]:
    return COLUMN_NAMES if include_contracts else tuple(c for c in COLUMN_NAMES if c not in CONTRACT_COLUMNS)


def row_cells(row: LandscapeRow, component_names: Mapping[str, str]) -> dict[str, object]:
    """The cells of a row under the file's column names (components by name)."""
    return {
        "referentiecomponenten": "; ".join(component_names.get(c, c) for c in row.components),
        "product": row.product,
        "versie": row.version,
        "leverancier": row.supplier,
        "hosting": row.hosting,
        "beschikbaarheid": row.beschikbaarheid,
        "integriteit": row.integriteit,
        "vertrouwelijkheid": row.vertrouwelijkheid,
        "rto_uren": row.rto_hours,
        "rpo_uren": row.rpo_hours,
        "contract_start": row.contract_start,
        "contract_einde": row.contract_end,
        "opzegtermijn_maanden": row.notice_months,
        "jaarlijkse_kosten_eur": row.yearly_cost_eur,
        "verlengingsopties": row.extension_options,
    }


def write_csv(records: Iterable[Mapping[str, object]], names: tuple[str, ...]) -> bytes:
    """UTF-8 with BOM and `;` as separator, the way Dutch Excel opens a CSV file correctly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        writer.writerow(["" if record.get(n) is None else _cell_text(record.get(n)) for n in names])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


FORMULA_START = ("=", "+", "-", "@")


def _cell_text(value: object) -> str:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe (CSV
    injection); reading strips it again (`_text`)."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


def write_xlsx(records: Iterable[Mapping[str, object]], names: tuple[str, ...], explanation=False) -> bytes:
    """A workbook with the sheet 'landschap' (and, for the template, a sheet 'toelichting')."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("landschap")
    bold = Font(bold=True)
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for record in records:
        cells = []
        for name in names:
            value = record.get(name)
            cell = WriteOnlyCell(sheet, value=None if value == "" else value)
            if isinstance(value, str) and value:
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    if explanation:
        notes = workbook.create_sheet("toelichting")
        notes.append(["kolom", "verplicht", "toelichting", "voorbeeld"])
        for column in COLUMNS:
            notes.append(
                [column.name, "ja" if column.required else "nee", column.description, column.example]
            )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_records() -> list[dict[str, str]]:
    return [{c.name: c.example for c in COLUMNS}]
