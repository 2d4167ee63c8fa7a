# SPDX-License-Identifier: EUPL-1.2
"""The landscape file's problems phrased for the user (gettext): the pure rules in
goedebuur.core.landscape return codes with values (`FileError`, `RowError`); pages, API and CLI
show them through `file_message`, `row_message` (without the row) and `messages` (all, with "Rij n:").
The columns' explanations (import page, the template's sheet 'toelichting') live here too."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop, ngettext

from goedebuur.common import archive_message, describe_characters
from goedebuur.core import uploads
from goedebuur.core.landscape import file_import as L

# code -> msgid; the error's params are substituted into the %(name)s fields.
_FILE = {
    "old_excel": gettext_noop(
        "Dit is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) of als "
        "CSV UTF-8 en upload het opnieuw."
    ),
    "not_csv_or_xlsx": gettext_noop("Dit is geen CSV- of XLSX-bestand. Gebruik het sjabloon (CSV of XLSX)."),
    "no_rows": gettext_noop("Het bestand bevat geen applicaties: alleen een kopregel of lege rijen."),
    "too_many_rows": gettext_noop(
        "Het bestand bevat meer dan %(maximum)s rijen met gegevens; dat is het maximum per import. "
        "Splits het bestand en importeer de delen na elkaar."
    ),
    "not_xlsx": gettext_noop(
        "Dit ZIP-bestand is geen Excel-werkmap (XLSX): het hoofddeel is geen werkmap. Sla het in Excel "
        "op als Excel-werkmap (.xlsx) of gebruik het sjabloon."
    ),
    "not_utf8": gettext_noop(
        "Het bestand is niet opgeslagen als UTF-8 (rij %(row)s bevat het teken %(character)s in een "
        "andere codering, waarschijnlijk Windows-1252/Latin-1). Sla het in Excel op als 'CSV UTF-8 "
        "(door komma's gescheiden)' of als Excel-werkmap (.xlsx) en upload het opnieuw."
    ),
    "csv_unreadable": gettext_noop("Het CSV-bestand kan niet worden gelezen (rij %(row)s): %(detail)s."),
    "xlsx_unreadable": gettext_noop("Het XLSX-bestand kan niet worden gelezen (%(detail)s)."),
    "empty": gettext_noop("Het bestand is leeg."),
    "too_large": gettext_noop("Het bestand is te groot (meer dan %(mb)s MB)."),
    "bad_header": gettext_noop(
        "De kopregel (rij 1) klopt niet: %(problems)s. Toegestane kolommen: %(allowed)s."
    ),
}

_ROW = {
    "extra_cells": gettext_noop("de rij heeft meer cellen dan er kolommen zijn"),
    "required": gettext_noop("%(column)s is verplicht"),
    "unknown_component": gettext_noop("onbekende referentiecomponent '%(name)s'"),
    "unknown_component_hint": gettext_noop(
        "onbekende referentiecomponent '%(name)s' (bedoelt u '%(hint)s'?)"
    ),
    "too_long": gettext_noop("%(column)s is te lang (meer dan %(maximum)s tekens)"),
    "no_letters": gettext_noop("%(column)s bevat geen letters of cijfers"),
    "bad_hosting": gettext_noop(
        "hosting moet on-premises, saas of gedeeld-datacenter zijn, niet '%(value)s'"
    ),
    "not_whole_number": gettext_noop("%(column)s moet een heel getal zijn, niet %(value)s"),
    "negative": gettext_noop("%(column)s mag niet negatief zijn (%(value)s)"),
    "out_of_range": gettext_noop("%(column)s moet %(low)s tot en met %(high)s zijn, niet %(value)s"),
    "not_euros": gettext_noop("%(column)s moet een bedrag in euro's zijn, niet '%(value)s'"),
    "not_a_date": gettext_noop("%(column)s: '%(value)s' is geen datum; gebruik JJJJ-MM-DD of DD-MM-JJJJ"),
    "no_such_date": gettext_noop("%(column)s: '%(value)s' bestaat niet als datum"),
    "end_before_start": gettext_noop("contract_einde (%(end)s) ligt vóór contract_start (%(start)s)"),
    "duplicate": gettext_noop(
        "dezelfde leverancier en hetzelfde product als rij %(first_row)s "
        "(een gemeente heeft elk product één keer)"
    ),
    "no_applications": gettext_noop("Het bestand bevat geen applicaties."),
}


def file_message(error: L.FileError) -> str:
    """One problem with the file as a whole, in the active language."""
    params = dict(error.params)
    if error.code in uploads.CODES:
        return archive_message(error.code, params)
    if error.code == "not_utf8":
        params["character"] = repr(params["character"])
    elif error.code == "bad_header":
        params = {"problems": "; ".join(_header_problems(params)), "allowed": ", ".join(params["allowed"])}
    return gettext(_FILE[error.code]) % params


def _header_problems(params: dict) -> list[str]:
    problems = []
    if params["missing"]:
        problems.append(
            gettext("verplichte kolom ontbreekt: %(columns)s") % {"columns": ", ".join(params["missing"])}
        )
    if params["unknown"]:
        problems.append(gettext("onbekende kolom: %(columns)s") % {"columns": ", ".join(params["unknown"])})
    if params["doubles"]:
        problems.append(
            gettext("kolom staat er meer dan eens in: %(columns)s")
            % {"columns": ", ".join(params["doubles"])}
        )
    if params["unnamed"]:
        problems.append(gettext("een kolom zonder kopje"))
    return problems


def row_message(error: L.RowError) -> str:
    """The problem with a row, without its row number, in the active language. Problems that the
    services found (code "service") arrive already phrased."""
    params = dict(error.params)
    code = error.code
    if code == "service":
        return str(params["message"])
    if code == "control_characters":
        return ngettext(
            "%(column)s bevat een onzichtbaar stuurteken dat niet is toegestaan: %(characters)s",
            "%(column)s bevat onzichtbare stuurtekens die niet zijn toegestaan: %(characters)s",
            len(params["characters"]),
        ) % {"column": params["column"], "characters": describe_characters(params["characters"])}
    if code == "unknown_component" and params.get("hint"):
        code = "unknown_component_hint"
    elif code == "not_whole_number":
        params["value"] = _shown_number(params["value"])
    return gettext(_ROW[code]) % params


def _shown_number(value: object) -> str:
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, float):
        return f"{value:g}"
    return f"'{value}'"


def row_line(error: L.RowError) -> str:
    """The problem with its row: "Rij 3: ..."."""
    return gettext("Rij %(row)s: %(message)s") % {"row": error.row, "message": row_message(error)}


def messages(result: L.ImportResult) -> list[str]:
    """Every problem of an import: the file's first, then the rows' ("Rij n: ...")."""
    return [file_message(e) for e in result.file_errors] + [row_line(e) for e in result.errors]


# --- the columns explained (import page, the XLSX template's sheet 'toelichting') --------------------

_BIV = gettext_noop("1, 2 of 3; leeg = hoogste GEMMA-advies van de componenten")
DESCRIPTIONS = {
    "referentiecomponenten": gettext_noop(
        "GEMMA-referentiecomponent(en) die de applicatie invult: naam of GEMMA Object ID, "
        "meerdere gescheiden door een puntkomma (;)"
    ),
    "product": gettext_noop("Naam van het softwareproduct"),
    "versie": gettext_noop("Versie van het product (vrije tekst)"),
    "leverancier": gettext_noop("Naam van de leverancier"),
    "hosting": gettext_noop("on-premises, saas of gedeeld-datacenter"),
    "beschikbaarheid": _BIV,
    "integriteit": _BIV,
    "vertrouwelijkheid": _BIV,
    "rto_uren": gettext_noop("Maximale hersteltijd in uren; leeg = standaard bij de beschikbaarheid"),
    "rpo_uren": gettext_noop("Maximaal gegevensverlies in uren; leeg = standaard bij de beschikbaarheid"),
    "contract_start": gettext_noop("Startdatum van het contract: JJJJ-MM-DD of DD-MM-JJJJ"),
    "contract_einde": gettext_noop("Einddatum van het contract: JJJJ-MM-DD of DD-MM-JJJJ"),
    "opzegtermijn_maanden": gettext_noop("Opzegtermijn in hele maanden"),
    "jaarlijkse_kosten_eur": gettext_noop("Kosten per jaar in hele euro's (12500 of 12.500)"),
    "verlengingsopties": gettext_noop("Vrije tekst"),
}


def column_description(column: L.Column) -> str:
    return gettext(DESCRIPTIONS[column.name])


def column_help() -> list[dict]:
    """The columns for the import page: name, required, description (active language), example."""
    return [
        {"name": c.name, "required": c.required, "description": column_description(c), "example": c.example}
        for c in L.COLUMNS
    ]


def column_notes() -> list[list[object]]:
    """The rows of the XLSX template's sheet 'toelichting': a header, then one row per column."""
    yes, no = gettext("ja"), gettext("nee")
    return [[gettext("kolom"), gettext("verplicht"), gettext("toelichting"), gettext("voorbeeld")]] + [
        [c.name, yes if c.required else no, column_description(c), c.example] for c in L.COLUMNS
    ]
