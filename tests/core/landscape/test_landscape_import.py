# SPDX-License-Identifier: EUPL-1.2
"""Reading and checking landscape files: columns, encodings, separators, dates, per-row error codes."""

import io
from datetime import date

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.landscape import file_import as L

ZAAK = "a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
DOC = "0e99ec6c-283a-4ec9-8efa-e11468e6b878"
INDEX = L.ComponentIndex([(ZAAK, "Zaakregistratiecomponent"), (DOC, "Documentregistratiecomponent")])

HEADER = "referentiecomponenten,product,versie,leverancier,hosting,contract_start,contract_einde,jaarlijkse_kosten_eur"


def csv_bytes(*lines, header=HEADER, encoding="utf-8"):
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


def test_it_reads_a_valid_csv_file():
    result = L.parse(
        csv_bytes(
            "Zaakregistratiecomponent;Documentregistratiecomponent,Djuma,2024.2,Decos B.V.,saas,2021-01-01,31-12-2026,12.500",
            f"{ZAAK},Zaaksysteem,,Centric,on-premises,,,",
        ),
        INDEX,
    )
    assert result.ok, (result.file_errors, result.errors)
    first, second = result.rows
    assert first.row == 2 and first.components == (ZAAK, DOC)
    assert (first.product, first.supplier, first.version, first.hosting) == (
        "Djuma",
        "Decos B.V.",
        "2024.2",
        "saas",
    )
    assert (first.contract_start, first.contract_end, first.yearly_cost_eur) == (
        date(2021, 1, 1),
        date(2026, 12, 31),
        12500,
    )
    assert first.has_contract and not second.has_contract
    assert second.beschikbaarheid is None and second.rto_hours is None  # the service pre-fills these


def test_it_accepts_a_bom_semicolons_and_header_variants():
    content = (
        "\ufeffReferentiecomponenten;Product;Leverancier;Hosting\nzaakregistratiecomponent;Djuma;Decos;SaaS\n"
    )
    result = L.parse(content.encode("utf-8"), INDEX)
    assert result.ok, (result.file_errors, result.errors)
    assert result.rows[0].components == (ZAAK,) and result.rows[0].hosting == "saas"


def test_it_rejects_windows_1252_with_the_row():
    content = csv_bytes(
        "Zaakregistratiecomponent,Djuma,,Decos,saas,,,", "Zaakregistratiecomponent,Suite,,Café BV,saas,,,"
    )
    result = L.parse(content.decode("utf-8").encode("cp1252"), INDEX)
    assert not result.ok and not result.rows
    (error,) = result.file_errors
    assert (error.code, error.params) == ("not_utf8", {"row": 3, "character": "é"})


def test_a_missing_required_column_is_a_file_error():
    result = L.parse(b"referentiecomponenten,product,hosting\nZaakregistratiecomponent,Djuma,saas\n", INDEX)
    (error,) = result.file_errors
    assert error.code == "bad_header"
    assert error.params == {
        "missing": ["leverancier"],
        "unknown": [],
        "doubles": [],
        "unnamed": False,
        "allowed": list(L.COLUMN_NAMES),
    }


def test_unknown_and_double_columns_are_file_errors():
    result = L.parse(csv_bytes("x", header=HEADER + ",opmerking,product"), INDEX)
    (error,) = result.file_errors
    assert error.code == "bad_header"
    assert (error.params["unknown"], error.params["doubles"]) == (["opmerking"], ["product"])


def test_an_empty_file_is_a_file_error():
    assert [e.code for e in L.parse(csv_bytes(), INDEX).file_errors] == ["no_rows"]
    assert [e.code for e in L.parse(b"", INDEX).file_errors] == ["empty"]


@pytest.mark.parametrize(
    "line, column, code, params",
    [
        (
            "Zaaksysteemcomponent,Djuma,,Decos,saas,,,",
            "referentiecomponenten",
            "unknown_component",
            {"name": "Zaaksysteemcomponent", "hint": None},
        ),
        (
            "Zaakregistratiecomponent,Djuma,,Decos,saas,2021-02-30,,",
            "contract_start",
            "no_such_date",
            {"column": "contract_start", "value": "2021-02-30"},
        ),
        (
            "Zaakregistratiecomponent,Djuma,,Decos,saas,31/12/2026,,",
            "contract_start",
            "not_a_date",
            {"column": "contract_start", "value": "31/12/2026"},
        ),
        (
            "Zaakregistratiecomponent,Djuma,,Decos,saas,2026-01-01,2025-01-01,",
            "contract_einde",
            "end_before_start",
            {"end": date(2025, 1, 1), "start": date(2026, 1, 1)},
        ),
        (
            "Zaakregistratiecomponent,Djuma,,Decos,saas,,,-5",
            "jaarlijkse_kosten_eur",
            "negative",
            {"column": "jaarlijkse_kosten_eur", "value": "-5"},
        ),
        (
            "Zaakregistratiecomponent,Djuma,,Decos,saas,,,veel",
            "jaarlijkse_kosten_eur",
            "not_euros",
            {"column": "jaarlijkse_kosten_eur", "value": "veel"},
        ),
        ("Zaakregistratiecomponent,Djuma,,Decos,cloud,,,", "hosting", "bad_hosting", {"value": "cloud"}),
        (",Djuma,,Decos,saas,,,", "referentiecomponenten", "required", {"column": "referentiecomponenten"}),
        ("Zaakregistratiecomponent,,,Decos,saas,,,", "product", "required", {"column": "product"}),
        ("Zaakregistratiecomponent,Djuma,,Decos,saas,,,,extra", "", "extra_cells", {}),
    ],
)
def test_it_reports_a_bad_row_with_its_number(line, column, code, params):
    good = "Zaakregistratiecomponent,Suite,,Centric,saas,,,"
    result = L.parse(csv_bytes(good, line, good.replace("Suite", "Suite 2")), INDEX)
    assert not result.ok
    assert result.errors == [L.RowError(3, column, code, params)]


def test_it_suggests_a_close_component_name():
    result = L.parse(csv_bytes("Zaakregistratie-component,Djuma,,Decos,saas,,,"), INDEX)
    assert result.errors[0].code == "unknown_component"
    assert result.errors[0].params == {
        "name": "Zaakregistratie-component",
        "hint": "Zaakregistratiecomponent",
    }


@pytest.mark.parametrize(
    "header, value", [("beschikbaarheid", "4"), ("integriteit", "0"), ("vertrouwelijkheid", "x")]
)
def test_biv_must_be_1_to_3(header, value):
    result = L.parse(
        f"referentiecomponenten,product,leverancier,hosting,{header}\nZaakregistratiecomponent,D,Decos,saas,{value}\n".encode(),
        INDEX,
    )
    assert [e.column for e in result.errors] == [header]
    if value == "x":
        assert result.errors[0].params == {"column": header, "value": "x"}
    else:
        assert result.errors[0].code == "out_of_range"
        assert result.errors[0].params == {"column": header, "low": 1, "high": 3, "value": int(value)}


def test_duplicate_rows_within_the_file_are_reported():
    result = L.parse(
        csv_bytes(
            "Zaakregistratiecomponent,Djuma,,Decos BV,saas,,,",
            "Zaakregistratiecomponent,djuma,,DECOS,saas,,,",
        ),
        INDEX,
    )
    assert result.errors == [L.RowError(3, "", "duplicate", {"first_row": 2})]


def test_it_skips_empty_rows():
    result = L.parse(csv_bytes("Zaakregistratiecomponent,Djuma,,Decos,saas,,,", ",,,,,,,", ""), INDEX)
    assert result.ok and result.row_count == 1


def xlsx_bytes(rows, sheet="landschap"):
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_it_reads_xlsx_with_typed_cells():
    content = xlsx_bytes(
        [
            [
                "referentiecomponenten",
                "product",
                "leverancier",
                "hosting",
                "contract_einde",
                "jaarlijkse_kosten_eur",
                "beschikbaarheid",
            ],
            ["Zaakregistratiecomponent", "Djuma", "Decos", "saas", date(2026, 12, 31), 12500.4, 3],
        ]
    )
    assert L.detect_kind(content) == "xlsx"
    result = L.parse(content, INDEX)
    assert result.ok, (result.file_errors, result.errors)
    assert result.rows[0].contract_end == date(2026, 12, 31)
    assert result.rows[0].yearly_cost_eur == 12500 and result.rows[0].beschikbaarheid == 3


def test_a_broken_xlsx_or_old_xls_is_a_file_error():
    (broken,) = L.parse(b"PK\x03\x04rubbish", INDEX).file_errors
    assert (broken.code, broken.params) == ("xlsx_unreadable", {"detail": "BadZipFile"})
    assert [e.code for e in L.parse(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, INDEX).file_errors] == ["old_excel"]
    assert [e.code for e in L.parse(b"\x89PNG\x00\x00", INDEX).file_errors] == ["not_csv_or_xlsx"]


@pytest.mark.parametrize(
    "text, euros",
    [
        ("12500", 12500),
        ("12.500", 12500),
        ("€ 12.500,00", 12500),
        ("1.234.567", 1234567),
        ("99,50", 100),
        (0, 0),
    ],
)
def test_parse_euros(text, euros):
    assert L.parse_euros(text) == euros


def test_template_round_trips_through_csv_and_xlsx():
    names = L.columns(True)
    for content in (
        L.write_csv(L.template_records(), names),
        L.write_xlsx(L.template_records(), names, notes=[["kolom", "voorbeeld"], ["product", "Djuma"]]),
    ):
        result = L.parse(content, INDEX)
        assert result.ok, (result.file_errors, result.errors)
        assert result.rows[0].components == (ZAAK, DOC)


def test_formula_like_text_is_never_a_formula():
    row = L.LandscapeRow(row=2, components=(ZAAK,), product="=HYPERLINK(1)", supplier="@evil", hosting="saas")
    cells = [L.row_cells(row, {})]
    assert b"'=HYPERLINK(1)" in L.write_csv(cells, L.columns(False))
    workbook = openpyxl.load_workbook(io.BytesIO(L.write_xlsx(cells, L.columns(False))))
    assert workbook["landschap"]["B2"].data_type == "s"
    for content in (L.write_csv(cells, L.columns(False)), L.write_xlsx(cells, L.columns(False))):
        assert L.parse(content, INDEX).rows[0].product == "=HYPERLINK(1)"


def test_export_without_contracts_leaves_the_contract_columns_out():
    assert not set(L.CONTRACT_COLUMNS) & set(L.columns(False))
    assert "jaarlijkse_kosten_eur" in L.columns(True)


# --- properties ------------------------------------------------------------------------------------

safe_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() and L.normalize_name(s) and not s.strip().startswith("'"))

rows_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "product": safe_text,
            "supplier": safe_text,
            "hosting": st.sampled_from(["on-premises", "saas", "gedeeld-datacenter"]),
            "components": st.lists(st.sampled_from([ZAAK, DOC]), min_size=1, max_size=2, unique=True),
            "b": st.none() | st.integers(1, 3),
            "start": st.none() | st.dates(date(2000, 1, 1), date(2030, 1, 1)),
            "days": st.integers(0, 4000),
            "cost": st.none() | st.integers(0, 10**8),
        }
    ),
    min_size=1,
    max_size=15,
    unique_by=lambda r: (L.normalize_name(r["supplier"]), L.normalize_name(r["product"])),
)


def _records(rows):
    from datetime import timedelta

    out = []
    for i, r in enumerate(rows, start=2):
        row = L.LandscapeRow(
            row=i,
            components=tuple(r["components"]),
            product=" ".join(r["product"].split()),
            supplier=" ".join(r["supplier"].split()),
            hosting=r["hosting"],
            beschikbaarheid=r["b"],
            contract_start=r["start"],
            contract_end=r["start"] + timedelta(days=r["days"]) if r["start"] else None,
            yearly_cost_eur=r["cost"],
        )
        out.append(row)
    return out


@settings(max_examples=30, deadline=None)
@given(rows=rows_strategy, fmt=st.sampled_from(["csv", "xlsx"]))
def test_written_files_read_back_to_the_same_rows(rows, fmt):
    records = _records(rows)
    names = {ZAAK: "Zaakregistratiecomponent", DOC: "Documentregistratiecomponent"}
    cells = [L.row_cells(r, names) for r in records]
    content = L.write_csv(cells, L.columns(True)) if fmt == "csv" else L.write_xlsx(cells, L.columns(True))
    result = L.parse(content, INDEX)
    assert result.ok, (result.file_errors, result.errors)
    assert result.rows == records


@settings(max_examples=30, deadline=None)
@given(rows=rows_strategy, bad=st.data())
def test_one_bad_row_is_reported_once_with_its_number_and_nothing_else_is_lost(rows, bad):
    records = _records(rows)
    names = {ZAAK: "Zaakregistratiecomponent", DOC: "Documentregistratiecomponent"}
    cells = [L.row_cells(r, names) for r in records]
    index = bad.draw(st.integers(0, len(cells) - 1))
    column, value = bad.draw(
        st.sampled_from(
            [
                ("referentiecomponenten", "Bestaat-niet-component"),
                ("contract_start", "2021-13-01"),
                ("jaarlijkse_kosten_eur", "-1"),
                ("beschikbaarheid", "7"),
            ]
        )
    )
    cells[index][column] = value
    result = L.parse(L.write_csv(cells, L.columns(True)), INDEX)
    assert not result.ok
    assert [(e.row, e.column) for e in result.errors] == [(index + 2, column)]
    assert len(result.rows) == len(records) - 1


@settings(max_examples=100, deadline=None)
@given(d=st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_both_date_notations_give_the_same_date(d):
    assert L.parse_date(d.isoformat(), "x") == d
    assert L.parse_date(d.strftime("%d-%m-%Y"), "x") == d


def test_row_json_round_trip():
    (row,) = _records(
        [
            {
                "product": "P",
                "supplier": "S",
                "hosting": "saas",
                "components": [ZAAK],
                "b": 2,
                "start": date(2020, 1, 1),
                "days": 10,
                "cost": 5,
            }
        ]
    )
    assert L.LandscapeRow.from_json(row.to_json()) == row
