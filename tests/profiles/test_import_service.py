# SPDX-License-Identifier: EUPL-1.2
"""profiles.imports: a valid file imports; a bad row rejects the whole file and changes nothing; the
same file twice creates no duplicates; the bulk path gives what upsert_application gives."""

from datetime import date

import pytest

from goedebuur.history.models import ChangeRecord
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import file_messages, imports, services
from goedebuur.profiles.history import ApplicationTracker
from goedebuur.profiles.models import Application, Contract, Product, Supplier

from ..factories import RHENEN, VEENENDAAL

HEADER = (
    "referentiecomponenten,product,versie,leverancier,hosting,beschikbaarheid,rto_uren,"
    "contract_start,contract_einde,opzegtermijn_maanden,jaarlijkse_kosten_eur,verlengingsopties"
)
GOOD = [
    "Zaakregistratiecomponent;Documentregistratiecomponent,Djuma,2024.2,Decos B.V.,saas,,,2021-01-01,31-12-2026,6,12.500,2 x 1 jaar",
    "Generiek zaakafhandelcomponent,Key2Zaken,5.1,Centric,on-premises,3,8,,,,,",
]


def csv_file(*lines):
    return ("\n".join([HEADER, *lines]) + "\n").encode("utf-8")


def good_file():
    return csv_file(GOOD[0], GOOD[1])


def counts():
    return (
        Application.objects.count(),
        Contract.objects.count(),
        Product.objects.count(),
        Supplier.objects.count(),
        ChangeRecord.objects.count(),
    )


@pytest.fixture
def veenendaal(db):
    return Municipality.objects.get(code=VEENENDAAL)


def test_it_imports_a_valid_file(veenendaal, editor_a):
    result, summary = imports.import_file(veenendaal, good_file(), editor_a)
    assert result.ok and (summary.created, summary.updated) == (2, 0)
    djuma = Application.objects.get(municipality=veenendaal, product__name="Djuma")
    assert djuma.product.supplier.name == "Decos B.V."
    assert sorted(djuma.components.values_list("name", flat=True)) == [
        "Documentregistratiecomponent",
        "Zaakregistratiecomponent",
    ]
    assert (djuma.contract.start_date, djuma.contract.end_date) == (date(2021, 1, 1), date(2026, 12, 31))
    assert (djuma.contract.yearly_cost_eur, djuma.contract.notice_months) == (12500, 6)
    key2 = Application.objects.get(municipality=veenendaal, product__name="Key2Zaken")
    assert (key2.beschikbaarheid, key2.rto_hours) == (3, 8)
    assert not Contract.objects.filter(application=key2).exists()
    history = ChangeRecord.objects.filter(model=ApplicationTracker.label, object_id=str(djuma.pk))
    assert [(r.action, r.user_id, r.note) for r in history] == [("create", editor_a.pk, imports.NOTE)]


@pytest.mark.parametrize(
    "bad_line, fragment",
    [
        ("Zaaksysteem,Suite,,Centric,saas,,,,,,,", "onbekende referentiecomponent"),
        ("Zaakregistratiecomponent,Suite,,Centric,saas,,,2021-02-31,,,,", "bestaat niet als datum"),
        ("Zaakregistratiecomponent,Suite,,Centric,saas,,,,,,-100,", "niet negatief"),
    ],
)
def test_one_bad_row_rejects_the_whole_file_and_changes_nothing(veenendaal, editor_a, bad_line, fragment):
    before = counts()
    result, summary = imports.import_file(veenendaal, csv_file(GOOD[0], bad_line, GOOD[1]), editor_a)
    assert summary is None
    assert [e.row for e in result.errors] == [3]
    assert fragment in file_messages.row_message(result.errors[0])
    assert counts() == before


def test_wrong_encoding_and_missing_column_are_rejected(veenendaal, editor_a):
    before = counts()
    result, summary = imports.import_file(
        veenendaal,
        csv_file("Zaakregistratiecomponent,Café,,Centric,saas,,,,,,,").decode().encode("cp1252"),
        editor_a,
    )
    assert summary is None and "UTF-8" in file_messages.file_message(result.file_errors[0])
    result, summary = imports.import_file(veenendaal, b"product,leverancier\nDjuma,Decos\n", editor_a)
    assert (
        summary is None
        and "verplichte kolom ontbreekt: referentiecomponenten, hosting"
        in file_messages.file_message(result.file_errors[0])
    )
    assert counts() == before


def test_the_same_file_twice_creates_no_duplicates(veenendaal, editor_a):
    imports.import_file(veenendaal, good_file(), editor_a)
    after_first = counts()
    variant = good_file().replace(b"Decos B.V.", b"DECOS bv").replace(b"Djuma", b"djuma")
    result, summary = imports.import_file(veenendaal, variant, editor_a)
    assert (summary.created, summary.updated) == (0, 2)
    assert counts()[:4] == after_first[:4]
    assert ChangeRecord.objects.count() == after_first[4] + 2  # one update record per application


def test_a_second_file_updates_and_keeps_contracts_the_row_does_not_mention(veenendaal, editor_a):
    imports.import_file(veenendaal, good_file(), editor_a)
    changed = csv_file(
        "Zaakregistratiecomponent,Djuma,2025.1,Decos,gedeeld-datacenter,,,,,,,",
        "Generiek zaakafhandelcomponent,Key2Zaken,5.1,Centric,on-premises,3,8,2023-01-01,2027-01-01,3,999,",
    )
    _result, summary = imports.import_file(veenendaal, changed, editor_a)
    assert (summary.created, summary.updated) == (0, 2)
    djuma = Application.objects.get(municipality=veenendaal, product__name="Djuma")
    assert (djuma.version, djuma.hosting) == ("2025.1", "gedeeld-datacenter")
    assert list(djuma.components.values_list("name", flat=True)) == ["Zaakregistratiecomponent"]
    assert djuma.contract.yearly_cost_eur == 12500  # no contract cells: contract kept
    key2 = Application.objects.get(municipality=veenendaal, product__name="Key2Zaken")
    assert key2.contract.yearly_cost_eur == 999
    record = ChangeRecord.objects.filter(object_id=str(djuma.pk)).order_by("-id").first()
    assert record.action == "update" and {c["field"] for c in record.changes} >= {"version", "hosting"}


def test_dry_run_saves_nothing(veenendaal, editor_a):
    before = counts()
    result, summary = imports.import_file(veenendaal, good_file(), editor_a, dry_run=True)
    assert result.ok and (summary.created, summary.updated) == (2, 0)
    assert counts() == before


def test_bulk_import_gives_what_upsert_application_gives(veenendaal, editor_a):
    """The same rows through the bulk path (Veenendaal) and one by one (Rhenen): same records."""
    rhenen = Municipality.objects.get(code=RHENEN)
    result = imports.read(good_file())
    imports.commit(veenendaal, result.rows, editor_a)
    components = {
        c.gemma_id: c for c in services.resolve_components([c for r in result.rows for c in r.components])
    }
    for row in result.rows:
        services.upsert_application(rhenen, imports.row_values(row, components), editor_a)
    # and again, as updates
    imports.commit(veenendaal, result.rows, editor_a)
    for row in result.rows:
        services.upsert_application(rhenen, imports.row_values(row, components), editor_a)

    def snapshots(municipality):
        out = {}
        for application in Application.objects.filter(municipality=municipality):
            snap = ApplicationTracker().snapshot(application)
            snap.pop("municipality")
            records = ChangeRecord.objects.filter(
                model=ApplicationTracker.label, object_id=str(application.pk)
            ).order_by("id")
            history = [
                (
                    r.action,
                    {**r.snapshot, "municipality": None},
                    [c for c in r.changes if c["field"] != "municipality"],
                    r.user_id,
                )
                for r in records
            ]
            out[application.product_id] = (snap, history)
        return out

    assert snapshots(veenendaal) == snapshots(rhenen)


def test_services_refusals_are_reported_per_row_and_nothing_is_saved(veenendaal, editor_a):
    """A row the core accepts but the services refuse (cost above their bound) rolls back all."""
    before = counts()
    result = imports.read(csv_file(GOOD[0], "Zaakregistratiecomponent,Suite,,Centric,saas,,,,,,3000000000,"))
    assert result.ok
    with pytest.raises(imports.LandscapeImportError) as error:
        imports.commit(veenendaal, result.rows, editor_a)
    assert [(e.row, e.column) for e in error.value.errors] == [(3, "jaarlijkse_kosten_eur")]
    assert counts() == before


def test_signed_rows_are_bound_to_municipality_and_user(veenendaal, editor_a, editor_b):
    from django.core import signing

    rows = imports.read(good_file()).rows
    token = imports.sign_rows(veenendaal, editor_a, rows, "x.csv")
    assert imports.unsign_rows(token, veenendaal, editor_a) == (rows, "x.csv")
    with pytest.raises(signing.BadSignature):
        imports.unsign_rows(token, veenendaal, editor_b)
    with pytest.raises(signing.BadSignature):
        imports.unsign_rows(token, Municipality.objects.get(code=RHENEN), editor_a)
    with pytest.raises(signing.BadSignature):
        imports.unsign_rows(token[:-2] + "xx", veenendaal, editor_a)


def test_an_import_outdates_edit_forms_opened_before_it(veenendaal, editor_a):
    imports.import_file(veenendaal, good_file(), editor_a)
    before = {a.pk: a.revision for a in Application.objects.filter(municipality=veenendaal)}
    imports.import_file(veenendaal, good_file(), editor_a)
    after = {a.pk: a.revision for a in Application.objects.filter(municipality=veenendaal)}
    assert after == {pk: revision + 1 for pk, revision in before.items()}
