# SPDX-License-Identifier: EUPL-1.2
"""/inkoopkansen and /inkoopkansen.csv: visibility per persona, form, timeline, empty states."""

import csv
import io
import re

import pytest

from ..factories import UTRECHT, VEENENDAAL
from .conftest import DOCUMENT, ZAAK, months_from_today

pytestmark = pytest.mark.django_db


def csv_of(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize("path", ["/inkoopkansen", "/inkoopkansen.csv"])
def test_it_sends_anonymous_visitors_to_login(anonymous_client, landscapes, path):
    response = anonymous_client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen")


@pytest.mark.parametrize("persona", ["reader_a_client", "editor_a_client"])
def test_it_shows_a_municipal_user_their_groups(request, persona, landscapes):
    client = request.getfixturevalue(persona)
    response = client.get("/inkoopkansen")
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 inkoopkansen" in html and "voor Veenendaal" in html
    assert ZAAK in html and DOCUMENT not in html  # Ede and Wageningen: not Veenendaal's group
    assert "48.000" in html  # own cost
    assert "200.000" not in html  # Utrecht's cost is not shared
    assert "niet gedeeld" in html
    assert 'role="img"' in html and "<title" in html and "Tijdlijn als tabel" in html
    # SVG coordinates are never localised (a Dutch decimal comma would break the drawing)
    assert not re.search(r'(x|x1|y|width)="-?\d+,\d', html)
    assert re.search(r'<rect x="\d+(\.\d)?" y="\d+"', html)


def test_editor_b_sees_utrecht_costs_not_veenendaal(editor_b_client, landscapes):
    html = editor_b_client.get("/inkoopkansen").content.decode()
    assert "voor Utrecht" in html
    assert "200.000" in html and "48.000" not in html


def test_admin_sees_everything(admin_client, landscapes):
    html = admin_client.get("/inkoopkansen").content.decode()
    assert "3 inkoopkansen" in html
    assert DOCUMENT in html and "200.000" in html and "48.000" in html
    assert "niet gedeeld</em>" not in html


def test_a_municipal_user_cannot_look_at_another_municipality(reader_a_client, landscapes):
    html = reader_a_client.get(f"/inkoopkansen?gemeente={UTRECHT}").content.decode()
    # the field offers only the own municipality: another code is an invalid choice
    assert "error-summary" in html
    assert "200.000" not in html


def test_an_administrator_chooses_any_municipality_in_the_picker(admin_client, reader_a_client, landscapes):
    html = admin_client.get(f"/inkoopkansen?gemeente={VEENENDAAL}").content.decode()
    select = re.search(r'<select name="gemeente"[^>]*>', html).group(0)
    assert 'data-picker="municipalities"' in select
    assert f'<option value="{VEENENDAAL}" selected>Veenendaal</option>' in html
    # a municipal user has only the own municipality: a plain select, nothing to search
    html = reader_a_client.get("/inkoopkansen").content.decode()
    select = re.search(r'<select name="gemeente"[^>]*>', html).group(0)
    assert "data-picker" not in select


def test_the_form_filters(admin_client, landscapes):
    html = admin_client.get(f"/inkoopkansen?gemeente={VEENENDAAL}&venster=1").content.decode()
    assert "1 inkoopkans" in html and "Burgerzakencomponent" in html
    html = admin_client.get("/inkoopkansen?modus=leverancier").content.decode()
    assert "leverancier Centric" in html
    html = admin_client.get("/inkoopkansen?regio=arbeidsmarktregio:BESTAATNIET").content.decode()
    assert "error-summary" in html
    html = admin_client.get("/inkoopkansen?venster=0").content.decode()
    assert "error-summary" in html


def test_empty_states(admin_client, reader_a_client, db):
    html = admin_client.get("/inkoopkansen").content.decode()
    assert "Geen inkoopkansen gevonden" in html and "geen contracten" in html


def test_empty_state_with_contracts(reader_a_client, landscapes):
    html = reader_a_client.get("/inkoopkansen?venster=1&horizon=2099-01-01").content.decode()
    assert "error-summary" in html  # more than twenty years ahead
    horizon = months_from_today(25).isoformat()
    html = reader_a_client.get(
        f"/inkoopkansen?venster=1&modus=leverancier&horizon={horizon}"
    ).content.decode()
    assert "Geen inkoopkansen gevonden" in html and "Probeer een groter venster" in html


def test_csv_per_persona(reader_a_client, editor_b_client, admin_client, landscapes):
    rows = csv_of(reader_a_client.get("/inkoopkansen.csv"))
    assert {r["gemeente_code"] for r in rows} == {VEENENDAAL, UTRECHT, "GM0340", "GM0339"}
    utrecht = [r for r in rows if r["gemeente_code"] == UTRECHT]
    assert all(r["kosten_eur_per_jaar"] == "niet gedeeld" == r["einddatum"] for r in utrecht)
    assert "200000" not in reader_a_client.get("/inkoopkansen.csv").content.decode()

    rows = csv_of(editor_b_client.get("/inkoopkansen.csv"))
    assert any(r["kosten_eur_per_jaar"] == "200000" for r in rows)
    assert all(r["kosten_eur_per_jaar"] == "niet gedeeld" for r in rows if r["gemeente_code"] == VEENENDAAL)

    response = admin_client.get("/inkoopkansen.csv?modus=component")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_of(response)
    assert "niet gedeeld" not in response.content.decode()
    assert {r["rang"] for r in rows} == {"1", "2", "3"}


def test_csv_bad_parameters(admin_client, landscapes):
    response = admin_client.get("/inkoopkansen.csv?venster=abc")
    assert response.status_code == 400


def test_a_user_without_municipality_is_refused(client, db):
    from goedebuur.accounts.models import User

    from ..factories import make_user

    client.force_login(make_user(None, User.Role.READER, username="los"))
    assert client.get("/inkoopkansen").status_code == 403
    assert client.get("/inkoopkansen.csv").status_code == 403
