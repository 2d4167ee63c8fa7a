# SPDX-License-Identifier: EUPL-1.2
from ..conftest import CsrfClient
from ..factories import VEENENDAAL, make_user


def test_it_logs_in_and_shows_the_municipality_and_role(db):
    make_user(VEENENDAAL, username="piet", password="een-lang-wachtwoord")
    client = CsrfClient()
    response = client.post("/inloggen", {"username": "piet", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302
    body = client.get("/").content.decode()
    assert "piet" in body and "Veenendaal" in body and "redacteur" in body


def test_it_lands_on_the_personal_overview_also_when_coming_from_the_home_page(db):
    make_user(VEENENDAAL, username="piet", password="een-lang-wachtwoord")
    for url in ("/inloggen", "/inloggen?next=/"):
        response = CsrfClient().post(url, {"username": "piet", "password": "een-lang-wachtwoord"})
        assert response.status_code == 302 and response["Location"] == "/mijn-overzicht"


def test_it_returns_to_the_page_that_asked_for_a_login(db):
    make_user(VEENENDAAL, username="piet", password="een-lang-wachtwoord")
    response = CsrfClient().post(
        "/inloggen?next=/trajecten/nieuw", {"username": "piet", "password": "een-lang-wachtwoord"}
    )
    assert response["Location"] == "/trajecten/nieuw"


def test_it_explains_a_failed_login_in_dutch(db):
    make_user(VEENENDAAL, username="piet", password="een-lang-wachtwoord")
    response = CsrfClient().post("/inloggen", {"username": "piet", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_it_logs_out_with_a_post(editor_a_client):
    response = editor_a_client.post("/uitloggen")
    assert response.status_code == 302
    assert "Inloggen" in editor_a_client.get("/").content.decode()


def test_it_keeps_the_admin_for_platform_administrators(admin_client, editor_a_client):
    assert admin_client.get("/beheer/").status_code == 200
    assert editor_a_client.get("/beheer/").status_code == 302
