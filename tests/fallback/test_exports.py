# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
import io

import pytest
from docx import Document
from icalendar import Calendar

from goedebuur.fallback import exports

from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement():
    agreement = make_agreement(review_date=dt.date(2027, 6, 1))
    make_service(agreement, name="Zaaksysteem Demo")
    make_service(agreement, guest=agreement.party_b, name="Burgerzaken Rhenen")
    return agreement


def test_the_docx_opens_and_lists_the_services_and_order(agreement, reader_a_client):
    response = reader_a_client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.docx")
    assert response["Content-Type"] == exports.DOCX_TYPE
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Continuïteitsplan achtervang Veenendaal - Rhenen" in text
    assert "Geplande herstelvolgorde" in text
    assert {"Zaaksysteem Demo", "Burgerzaken Rhenen"} <= cells


def test_the_pdf_opens_and_writes_the_services(agreement, reader_a_client, monkeypatch):
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
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    assert b"/Type /Page" in body
    assert {"Zaaksysteem Demo", "Burgerzaken Rhenen"} <= set(written)


def test_the_calendar_parses_and_holds_the_planned_tests_and_review(agreement, anonymous_client):
    url = f"/achtervang/{agreement.pk}/agenda.ics?sleutel={agreement.calendar_token}"
    response = anonymous_client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = [c for c in calendar.walk("VEVENT")]
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert len(events) == 3
    assert any(s.startswith("hersteltest achtervang Veenendaal - Rhenen") for s in summaries)
    assert any("Evaluatie" in s for s in summaries)
    assert {e.decoded("DTSTART") for e in events} >= {dt.date(2026, 1, 1), dt.date(2027, 6, 1)}
    assert "Zaaksysteem" not in response.content.decode()  # no service details in the feed


def test_the_calendar_needs_the_key_or_a_login_of_a_party(
    agreement, anonymous_client, editor_b_client, reader_a_client
):
    url = f"/achtervang/{agreement.pk}/agenda.ics"
    assert anonymous_client.get(url).status_code == 404
    assert anonymous_client.get(url + "?sleutel=fout").status_code == 404
    assert editor_b_client.get(url).status_code == 404
    assert reader_a_client.get(url).status_code == 200


def test_a_new_key_ends_old_subscriptions(agreement, editor_a_client, reader_a_client, anonymous_client):
    old = agreement.calendar_token
    assert reader_a_client.post(f"/achtervang/{agreement.pk}/agenda/nieuwe-sleutel").status_code == 403
    assert editor_a_client.post(f"/achtervang/{agreement.pk}/agenda/nieuwe-sleutel").status_code == 302
    agreement.refresh_from_db()
    assert agreement.calendar_token != old
    assert anonymous_client.get(f"/achtervang/{agreement.pk}/agenda.ics?sleutel={old}").status_code == 404


def test_an_outsider_cannot_download_the_plan(agreement, editor_b_client, anonymous_client):
    assert editor_b_client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.pdf").status_code == 404
    assert anonymous_client.get(f"/achtervang/{agreement.pk}/continuiteitsplan.docx").status_code == 302
