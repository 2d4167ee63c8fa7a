# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/inkoopkansen: visibility per persona, parameters, problems."""

import re

import pytest

from ..factories import UTRECHT, VEENENDAAL
from ..procurement.conftest import BURGERZAKEN, DOCUMENT, ZAAK, landscapes  # noqa: F401
from .helpers import assert_problem, invalid_names

pytestmark = pytest.mark.django_db
URL = "/api/v1/inkoopkansen"


def subjects(body):
    return [", ".join(s["naam"] for s in g["onderwerpen"]) for g in body["inkoopkansen"]]


def test_anonymous_gets_401(api_client, landscapes):  # noqa: F811
    body = assert_problem(api_client.get(URL), 401)
    assert body["title"] == "Unauthorized"


def test_a_user_without_municipality_gets_403(db):
    from rest_framework.test import APIClient

    from goedebuur.accounts.models import User

    from ..factories import make_user

    client = APIClient()
    client.force_authenticate(make_user(None, User.Role.READER, username="los"))
    assert_problem(client.get(URL), 403)


@pytest.mark.parametrize("persona", ["reader_api", "editor_a_api"])
def test_persona_a_sees_its_groups_with_hidden_details(request, persona, landscapes):  # noqa: F811
    response = request.getfixturevalue(persona).get(URL)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["gemeente"] == VEENENDAAL
    assert subjects(body) == [ZAAK, BURGERZAKEN]
    zaak = body["inkoopkansen"][0]
    assert zaak["aantalGemeenten"] == 4
    assert zaak["gezamenlijkeWaardeEurPerJaar"] == 48_000
    assert zaak["contractenNietGedeeld"] == 3
    assert zaak["vensterBegin"] is None
    utrecht = next(c for c in zaak["contracten"] if c["gemeente"] == UTRECHT)
    assert utrecht == {
        "gemeente": UTRECHT,
        "gemeenteNaam": "Utrecht",
        "leverancier": "Xxllnc",
        "product": "Zaaksysteem",
        "gedeeld": False,
        "einddatum": None,
        "kostenPerJaarEur": None,
        "demo": False,
    }
    # Utrecht's hidden cost nowhere as a number (not as digits inside another number, e.g. a coordinate)
    assert not re.search(r"(?<![\d.])200000(?:\.0)?(?![\d.])", response.content.decode())


def test_editor_b(editor_b_api, landscapes):  # noqa: F811
    body = editor_b_api.get(URL).json()
    assert body["gemeente"] == UTRECHT
    zaak = {c["gemeente"]: c for c in body["inkoopkansen"][0]["contracten"]}
    assert zaak[UTRECHT]["kostenPerJaarEur"] == 200_000
    assert zaak[VEENENDAAL]["gedeeld"] is False


def test_admin_sees_all(admin_api, landscapes):  # noqa: F811
    body = admin_api.get(URL).json()
    assert body["gemeente"] is None
    assert subjects(body) == [ZAAK, BURGERZAKEN, DOCUMENT]
    assert all(c["gedeeld"] for g in body["inkoopkansen"] for c in g["contracten"])
    assert body["inkoopkansen"][0]["gezamenlijkeWaardeEurPerJaar"] == 278_000
    body = admin_api.get(URL, {"gemeente": "GM0228", "modus": "leverancier", "vensterMaanden": 36}).json()
    assert body["gemeente"] == "GM0228"
    assert all("GM0228" in [m["code"] for m in g["gemeenten"]] for g in body["inkoopkansen"])


def test_parameters(admin_api, landscapes):  # noqa: F811
    body = admin_api.get(URL, {"vensterMaanden": 1}).json()
    assert subjects(body) == [BURGERZAKEN]
    body = admin_api.get(URL, {"provincie": "PV25"}).json()
    assert subjects(body) == [DOCUMENT] and body["gebied"] == "Gelderland"


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"vensterMaanden": 0}, "vensterMaanden"),
        ({"vensterMaanden": "abc"}, "vensterMaanden"),
        ({"modus": "product"}, "modus"),
        ({"horizon": "morgen"}, "horizon"),
        ({"horizon": "2000-01-01"}, "horizon"),
        ({"regio": "corop:XX"}, "regio"),
        ({"provincie": "PV99"}, "provincie"),
        ({"gemeente": "GM9999"}, "gemeente"),
    ],
)
def test_bad_parameters_are_problems(admin_api, params, name):
    assert invalid_names(admin_api.get(URL, params)) == {name}


def test_a_municipal_user_asking_for_another_municipality(reader_api, landscapes):  # noqa: F811
    assert invalid_names(reader_api.get(URL, {"gemeente": UTRECHT})) == {"gemeente"}
