# SPDX-License-Identifier: EUPL-1.2
"""Common-mode risk of an agreement: the service, the feasibility page per persona, the API, the
command line and the continuity plan. A = Veenendaal (a party), B = Utrecht (outsider)."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from docx import Document

from goedebuur.fallback import services, testplan
from goedebuur.fallback.models import TestKind
from goedebuur.profiles import services as profiles

from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


def application(
    municipality, product, supplier="Beemster Digitaal", hosting="saas", version="2026.1", components=()
):
    values = {
        "supplier": supplier,
        "product": product,
        "version": version,
        "hosting": hosting,
        "components": list(components) or ["Burgerzakencomponent"],
        "beschikbaarheid": 3,
        "integriteit": 2,
        "vertrouwelijkheid": 2,
    }
    return profiles.upsert_application(municipality, values, None)[0]


@pytest.fixture
def agreement():
    """Veenendaal and Rhenen (both safety region Utrecht, 9 km apart) in one data centre, both with
    Burgerbalie as SaaS from the same supplier, in scope for Veenendaal."""
    agreement = make_agreement(
        site_a_data_centre="NorthC Utrecht",
        site_b_data_centre="northc  utrecht",
        site_a_network_provider="KPN",
        site_b_network_provider="Eurofiber",
    )
    veenendaal, rhenen = agreement.party_a, agreement.party_b
    burgerbalie = application(veenendaal, "Burgerbalie")
    application(rhenen, "Burgerbalie")
    make_service(agreement, name="Burgerbalie", application=burgerbalie)
    return agreement


def by_topic(report):
    return {f.topic: f for f in report.findings}


def test_it_finds_the_shared_data_centre_region_and_supplier_with_their_numbers(agreement):
    report = services.agreement_common_mode(agreement)
    found = by_topic(report)
    assert report.level == "rood"
    assert (found["datacenter"].level, found["datacenter"].reason) == ("rood", "datacentre_same")
    assert "NorthC Utrecht" in found["datacenter"].explanation and found["datacenter"].fix
    assert (found["netwerk"].level, found["netwerk"].reason) == ("groen", "network_different")
    assert found["veiligheidsregio"].reason == "safety_region_same"
    assert "Utrecht" in found["veiligheidsregio"].explanation
    assert found["leverancier"].reason == "suppliers_shared_in_scope"
    assert "Burgerbalie (Beemster Digitaal)" in found["leverancier"].explanation
    assert found["afstand"].level == "oranje"
    assert found["overstroming"].reason == "flood_unknown"


def test_a_different_product_for_the_same_gemma_component_is_version_drift(agreement):
    zaak = application(
        agreement.party_a, "ZaakStroom", "Polderdata B.V.", "on-premises", "4.2", ["Zaakregistratiecomponent"]
    )
    application(
        agreement.party_b, "Dossierwijs", "Lindeboom ICT", "on-premises", "11", ["Zaakregistratiecomponent"]
    )
    make_service(agreement, name="Zaken", application=zaak)
    drift = next(f for f in services.agreement_common_mode(agreement).findings if f.subject == "Zaken")
    assert (drift.topic, drift.level, drift.reason) == ("versies", "rood", "versions_other_product")
    assert "Dossierwijs" in drift.explanation and "Rhenen" in drift.fix


def test_the_evidence_follows_the_strongest_restore_test_of_the_last_twelve_months(agreement, freeze):
    freeze(dt.date(2026, 6, 1))
    assert by_topic(services.agreement_common_mode(agreement))["testbewijs"].reason == "evidence_none"
    testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": dt.date(2026, 5, 1),
            "scenario": "x",
            "passed": True,
            "grade": "volledig",
        },
        [],
        None,
    )
    evidence = by_topic(services.agreement_common_mode(agreement))["testbewijs"]
    assert (evidence.level, evidence.reason) == ("groen", "evidence_full")
    assert "1 mei 2027" in evidence.explanation
    freeze(dt.date(2027, 5, 2))
    assert by_topic(services.agreement_common_mode(agreement))["testbewijs"].reason == "evidence_none"


def test_a_paper_walkthrough_does_not_make_the_tests_current(agreement, freeze):
    freeze(dt.date(2026, 6, 1))
    for kind, grade in ((TestKind.CONTINUITY_PLAN, "papier"), (TestKind.RESTORE, "papier")):
        testplan.record_test(
            agreement,
            {"kind": kind, "date": dt.date(2026, 5, 1), "scenario": "x", "passed": True, "grade": grade},
            [],
            None,
        )
    assert not testplan.tests_current(agreement)
    assert testplan.current_by_agreement([agreement]) == {agreement.pk: False}
    testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": dt.date(2026, 5, 20),
            "scenario": "y",
            "passed": True,
            "grade": "gedeeltelijk",
        },
        [],
        None,
    )
    assert testplan.tests_current(agreement)
    assert testplan.current_by_agreement([agreement]) == {agreement.pk: True}


def test_the_feasibility_page_shows_the_shared_risk_to_both_parties(agreement, reader_a_client, admin_client):
    for client in (reader_a_client, admin_client):
        page = client.get(f"/achtervang/{agreement.pk}/haalbaarheid").content.decode()
        assert "Gedeeld risico: kunnen beide tegelijk uitvallen?" in page
        assert "rood: gedeeld risico" in page
        assert "NorthC Utrecht" in page and "Wat helpt" in page


def test_an_outsider_and_anonymous_visitors_do_not_see_the_shared_risk(
    agreement, editor_b_client, anonymous_client
):
    assert editor_b_client.get(f"/achtervang/{agreement.pk}/haalbaarheid").status_code == 404
    response = anonymous_client.get(f"/achtervang/{agreement.pk}/haalbaarheid")
    assert response.status_code == 302 and "NorthC" not in response.content.decode()


def test_the_api_gives_the_findings_with_codes_and_fixes(agreement, reader_a):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(reader_a)
    data = client.get(f"/api/v1/achtervangafspraken/{agreement.pk}/haalbaarheid").json()
    risk = data["gedeeldRisico"]
    assert risk["stoplicht"] == "rood"
    reasons = {f["reden"]: f for f in risk["bevindingen"]}
    assert reasons["datacentre_same"]["stoplicht"] == "rood" and reasons["datacentre_same"]["oplossing"]
    assert reasons["network_different"]["oplossing"] == ""


def test_the_api_takes_the_new_site_fields(agreement, editor_a):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(editor_a)
    url = f"/api/v1/achtervangafspraken/{agreement.pk}"
    current = client.get(url).json()
    site = dict(current["locatieB"], datacenter="Equinix AM3", overstromingsgebied="Dijkring 45",
                bronOverstromingsgebied="LIWO, 2026")  # fmt: skip
    response = client.patch(url, {"locatieB": site, "revisie": current["revisie"]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["locatieB"]["datacenter"] == "Equinix AM3"
    agreement.refresh_from_db()
    assert (agreement.site_b_flood_area, agreement.site_b_flood_source) == ("Dijkring 45", "LIWO, 2026")


def test_the_command_line_prints_the_shared_risk(agreement):
    out = io.StringIO()
    call_command("achtervang", "check", str(agreement.pk), stdout=out)
    text = out.getvalue()
    assert "Gedeeld risico (kunnen beide tegelijk uitvallen?): rood" in text
    assert "[  rood] datacenter" in text and "Wat helpt:" in text
    out = io.StringIO()
    call_command("achtervang", "check", str(agreement.pk), "--json", stdout=out)
    assert json.loads(out.getvalue())["gedeeldRisico"]["stoplicht"] == "rood"


def test_the_continuity_plan_includes_the_shared_risk(agreement, reader_a_client):
    response = reader_a_client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.docx")
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs]
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Gedeeld risico: kunnen beide tegelijk uitvallen?" in headings
    assert "gedeeld risico" in cells and any("NorthC Utrecht" in c for c in cells)


def test_the_agreement_form_saves_the_site_fields(agreement, editor_a_client):
    page = editor_a_client.get(f"/achtervang/{agreement.pk}/bewerken").content.decode()
    assert 'name="site_a_data_centre"' in page and 'name="site_b_flood_source"' in page


def test_the_test_form_names_the_municipality_of_each_service(agreement, editor_a_client):
    make_service(agreement, guest=agreement.party_b, name="Burgerbalie")
    page = editor_a_client.get(f"/achtervang/{agreement.pk}/tests/nieuw").content.decode()
    assert "Hersteltijd van Burgerbalie van Veenendaal (uur)" in page
    assert "Hersteltijd van Burgerbalie van Rhenen (uur)" in page
    assert "volledig herstel bij de partner, met gebruikers" in page


def test_a_test_without_its_grade_is_refused_by_page_and_api_and_nothing_saved(
    agreement, editor_a_client, editor_a
):
    from rest_framework.test import APIClient

    response = editor_a_client.post(
        f"/achtervang/{agreement.pk}/tests/nieuw",
        {"kind": "hersteltest", "date": "2026-01-10", "scenario": "x", "passed": "ja", "findings": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    grade_field = page[page.index("Zwaarte van de test") :]
    assert '<ul class="errorlist">' in grade_field[: grade_field.index("Bevindingen")]
    client = APIClient()
    client.force_authenticate(editor_a)
    body = {"soort": "hersteltest", "datum": "2026-01-05", "scenario": "x", "geslaagd": True, "zwaarte": None}
    refused = client.post(f"/api/v1/achtervangafspraken/{agreement.pk}/tests", body, format="json")
    assert refused.status_code == 400
    assert "zwaarte" in {p["name"] for p in refused.json()["invalidParams"]}
    assert not agreement.test_records.exists()


def test_the_pdf_continuity_plan_writes_the_shared_risk(agreement, reader_a_client, monkeypatch):
    import fpdf
    from fpdf.table import Row

    written = []
    original_cell, original_multi = Row.cell, fpdf.FPDF.multi_cell

    def cell(self, text=None, *args, **kwargs):
        written.append(text)
        return original_cell(self, text, *args, **kwargs)

    def multi_cell(self, w, h=None, text="", *args, **kwargs):
        written.append(text)
        return original_multi(self, w, h, text, *args, **kwargs)

    monkeypatch.setattr(Row, "cell", cell)
    monkeypatch.setattr(fpdf.FPDF, "multi_cell", multi_cell)
    response = reader_a_client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.pdf")
    assert response.content.startswith(b"%PDF-")
    text = "\n".join(str(t) for t in written if t)
    assert "Gedeeld risico: kunnen beide tegelijk uitvallen?" in text
    assert "NorthC Utrecht" in text and "Laat de achtervang in een ander datacenter draaien" in text


def test_the_test_log_shows_the_grade_and_until_when_a_test_counts(agreement, reader_a_client, freeze):
    freeze(dt.date(2026, 6, 1))
    testplan.record_test(
        agreement,
        {
            "kind": TestKind.RESTORE,
            "date": dt.date(2026, 5, 1),
            "scenario": "x",
            "passed": True,
            "grade": "gedeeltelijk",
        },
        [],
        None,
    )
    page = reader_a_client.get(f"/achtervang/{agreement.pk}/tests").content.decode()
    assert "gedeeltelijk herstel" in page and "telt tot 1 mei 2027" in page
