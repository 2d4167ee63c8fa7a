# SPDX-License-Identifier: EUPL-1.2
"""profiles.file_messages: the landscape file's codes phrased in Dutch (as before) and in English."""

from datetime import date

from django.utils import translation

from goedebuur.core.landscape import file_import as L
from goedebuur.profiles import file_messages

INDEX = L.ComponentIndex([("a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "Zaakregistratiecomponent")])
BAD_HEADER = L.FileError(
    "bad_header",
    missing=["leverancier"],
    unknown=["opmerking"],
    doubles=[],
    unnamed=False,
    allowed=["product"],
)


def test_it_phrases_row_errors_in_dutch():
    with translation.override("nl"):
        assert file_messages.row_line(
            L.RowError(
                3, "contract_start", "no_such_date", {"column": "contract_start", "value": "2021-02-30"}
            )
        ) == ("Rij 3: contract_start: '2021-02-30' bestaat niet als datum")
        assert (
            file_messages.row_message(
                L.RowError(
                    2,
                    "referentiecomponenten",
                    "unknown_component",
                    {"name": "Zaak", "hint": "Zaakregistratiecomponent"},
                )
            )
            == "onbekende referentiecomponent 'Zaak' (bedoelt u 'Zaakregistratiecomponent'?)"
        )
        assert (
            file_messages.row_message(
                L.RowError(
                    4,
                    "contract_einde",
                    "end_before_start",
                    {"end": date(2025, 1, 1), "start": date(2026, 1, 1)},
                )
            )
            == "contract_einde (2025-01-01) ligt vóór contract_start (2026-01-01)"
        )


def test_it_phrases_the_values_of_whole_numbers_as_before():
    def shown(value):
        return file_messages.row_message(
            L.RowError(2, "rto_uren", "not_whole_number", {"column": "rto_uren", "value": value})
        )

    with translation.override("nl"):
        assert shown("x") == "rto_uren moet een heel getal zijn, niet 'x'"
        assert shown(2.5) == "rto_uren moet een heel getal zijn, niet 2.5"
        assert shown(True) == "rto_uren moet een heel getal zijn, niet True"


def test_it_phrases_file_errors_in_dutch():
    with translation.override("nl"):
        assert file_messages.file_message(BAD_HEADER) == (
            "De kopregel (rij 1) klopt niet: verplichte kolom ontbreekt: leverancier; onbekende kolom: "
            "opmerking. Toegestane kolommen: product."
        )
        (error,) = L.parse("referentiecomponenten\nCafé\n".encode("cp1252"), INDEX).file_errors
        assert file_messages.file_message(error).startswith(
            "Het bestand is niet opgeslagen als UTF-8 (rij 2 bevat het teken 'é' in een andere codering"
        )


def test_it_phrases_the_same_errors_in_english():
    with translation.override("en"):
        assert file_messages.row_line(
            L.RowError(
                3, "contract_start", "no_such_date", {"column": "contract_start", "value": "2021-02-30"}
            )
        ) == ("Row 3: contract_start: '2021-02-30' does not exist as a date")
        assert file_messages.row_message(L.RowError(3, "", "duplicate", {"first_row": 2})) == (
            "the same supplier and product as row 2 (a municipality has each product once)"
        )
        assert file_messages.file_message(BAD_HEADER) == (
            "The header row (row 1) is not right: required column missing: leverancier; unknown column: "
            "opmerking. Allowed columns: product."
        )
        assert file_messages.file_message(L.FileError("empty")) == "The file is empty."


def test_it_lists_file_errors_before_row_errors():
    result = L.ImportResult(
        errors=[L.RowError(2, "hosting", "bad_hosting", {"value": "cloud"})],
        file_errors=[L.FileError("empty")],
    )
    with translation.override("nl"):
        assert file_messages.messages(result) == [
            "Het bestand is leeg.",
            "Rij 2: hosting moet on-premises, saas of gedeeld-datacenter zijn, niet 'cloud'",
        ]


def test_it_explains_the_columns_in_the_active_language():
    with translation.override("nl"):
        notes = file_messages.column_notes()
        assert notes[0] == ["kolom", "verplicht", "toelichting", "voorbeeld"]
        assert notes[2] == ["product", "ja", "Naam van het softwareproduct", "Djuma"]
    with translation.override("en"):
        help_by_name = {c["name"]: c for c in file_messages.column_help()}
        assert help_by_name["opzegtermijn_maanden"]["description"] == "Notice period in whole months"
        assert [c["name"] for c in file_messages.column_help()] == list(L.COLUMN_NAMES)
