# SPDX-License-Identifier: EUPL-1.2
"""Control characters in a request's address or form (issue 18, item 6): PostgreSQL cannot compare a
text with NUL, so a NUL that reached a query made pages fail with a 500. Every page and endpoint
answers 400 instead (ops/requests.py), on SQLite and PostgreSQL alike; the API keeps its own 400."""

import re

import pytest
from django.urls import URLResolver, get_resolver

from tests.factories import VEENENDAAL, make_user

pytestmark = pytest.mark.django_db

# The pages named in the issue and the others that read a query parameter into a database query.
REPORTED = [
    "/gemeenten?q=%00",
    "/gemeenten?provincie=%00",
    "/gemeenten?regio=%00",
    "/gemeenten/%00",
    "/gemeenten/%00/profiel",
    "/gemeenten/%00/landschap",
    "/samenwerkingen?q=%00",
    "/samenwerkingen?gemeente=%00",
    "/samenwerkingen?domein=%00",
    "/matrix?provincie=%00",
    "/matrix.csv?regio=%00",
    "/matrix.xlsx?provincie=%00",
    "/partners/vergelijk?a=%00&b=GM0345",
    "/landschappen/vergelijk?a=GM0345&b=%00",
    "/ervaringen?q=%00",
    "/zoeken?q=%00",
]

# Every query parameter a page reads (grep request.GET); all sent at once to every route below.
QUERY_NAMES = [
    "q", "provincie", "regio", "a", "b", "sleutel", "page", "gemeente", "uitval", "soort", "test",
    "status", "ids", "id", "domein", "vorm", "alleen", "next", "fase", "thema", "maxKm", "zoek",
]  # fmt: skip


def _routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def _every_route_with_a_nul():
    for route in _routes():
        if route.startswith(("api/", "i18n", "beheer/")) or "^" in route:
            continue
        path = re.sub(r"<int:\w+>", "1", "/" + route)
        path = re.sub(r"<(?:str|slug|path):\w+>", "x", path)
        yield path + "?" + "&".join(f"{name}=%00" for name in QUERY_NAMES)


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(VEENENDAAL, admin=True, username="nul-admin"))
    return client


@pytest.mark.parametrize("url", REPORTED)
def test_it_answers_a_nul_in_the_address_of_a_page_with_a_dutch_400(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Ongeldig verzoek" in response.content.decode()
    assert "stuurteken" in response.content.decode()


def test_it_answers_a_nul_on_every_page_with_a_400(admin_client):
    """Every page, also those added later: none reaches the database with a NUL."""
    answers = {url: admin_client.get(url).status_code for url in _every_route_with_a_nul()}
    assert len(answers) > 80
    assert {url: code for url, code in answers.items() if code != 400} == {}


def test_it_answers_other_control_characters_in_a_query_parameter_with_a_400(client):
    for value in ("%07", "%1b", "%7f", "%c2%85"):
        assert client.get(f"/gemeenten?q={value}").status_code == 400, value
    for value in ("a%09b", "a%0ab", "a%0d%0ab"):  # tab and line breaks, as in typed text
        assert client.get(f"/gemeenten?q={value}").status_code == 200, value


@pytest.mark.parametrize("url", ["/api/v1/gemeenten?zoek=%00", "/api/v1/gemeenten/%00"])
def test_it_leaves_the_api_its_own_problem_answer(client, url):
    response = client.get(url)
    assert response.status_code in (400, 404)  # the API's own answer: a 400 on PostgreSQL
    assert response["Content-Type"] == "application/problem+json"


def test_it_refuses_a_nul_in_a_posted_form_field(admin_client):
    response = admin_client.post("/ervaringen/nieuw", {"title": "Titel\x00", "body": "tekst"})
    assert response.status_code == 400
    assert "Ongeldig verzoek" in response.content.decode()


def test_it_leaves_ordinary_requests_alone(client):
    assert client.get("/gemeenten?q=veenendaal").status_code == 200
    assert client.get("/samenwerkingen?q=%C3%A9%C3%A9n+twee").status_code == 200
    assert client.get("/api/v1/gemeenten?zoek=veen").status_code == 200


def test_it_treats_a_session_cookie_with_a_nul_as_no_session(client):
    cookie = 'sessionid="' + "\\000" * 32 + '"'  # a quoted cookie: \000 is unquoted to NUL
    response = client.get("/gemeenten", HTTP_COOKIE=cookie)
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()
