# SPDX-License-Identifier: EUPL-1.2
"""Whole answers for anonymous visitors from the shared cache beyond the maps (issue 19): the API's
register listings and details, the matrix, the partner finder (page and API) and a municipality's
page. One answer per URL (parameters in any order) and data version; an edit through a page, the
API, a service or the import command shows on the next request; a client with a token or a session
never gets the stored answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from goedebuur.accounts.tokens import create_token
from goedebuur.cooperations import services as cooperations
from tests.conftest import CsrfClient
from tests.factories import RHENEN, VEENENDAAL, cooperation_input, load_register, make_cooperation

pytestmark = pytest.mark.django_db

CACHED = [
    "/api/v1/samenwerkingen",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/GM0340",
    "/api/v1/matrix",
    "/api/v1/partners/GM0340",
    "/partners?gemeente=GM0340",
    "/gemeenten/GM0340",
]


def _queries(client, url) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content


@pytest.mark.parametrize("url", CACHED)
def test_the_second_anonymous_request_is_read_whole_from_the_cache(url):
    first_count, first = _queries(APIClient(), url)
    again_count, again = _queries(APIClient(), url)
    assert again_count <= 2 < first_count  # the stored answer: one cache read (and the data version at most)
    if url.startswith("/api/"):
        assert again == first


def test_the_order_of_the_query_parameters_names_the_same_answer():
    _queries(APIClient(), "/api/v1/partners/GM0340?top=5&maxAfstandKm=40")
    count, _content = _queries(APIClient(), "/api/v1/partners/GM0340?maxAfstandKm=40&top=5")
    assert count <= 2


def test_the_stored_answer_keeps_its_headers():
    first = APIClient().get("/api/v1/gemeenten/GM0340")
    again = APIClient().get("/api/v1/gemeenten/GM0340")
    for header in ("Content-Type", "ETag", "Last-Modified", "Cache-Control"):
        assert again.get(header) == first.get(header), header


def test_a_client_with_a_token_or_a_session_gets_its_own_answer(editor_a, editor_a_client):
    _queries(APIClient(), "/api/v1/partners/GM0340")
    _, key = create_token(editor_a, "script", "read")
    with_token = APIClient()
    with_token.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    count, content = _queries(with_token, "/api/v1/partners/GM0340")
    assert count > 2
    assert _queries(editor_a_client, "/api/v1/partners/GM0340")[0] > 2


def test_a_cooperation_created_through_the_api_shows_in_the_next_anonymous_listing(editor_a):
    before = APIClient().get("/api/v1/gemeenten/GM0340").json()
    assert "Via de API" not in APIClient().get("/api/v1/samenwerkingen").content.decode()
    make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Via de API")
    assert "Via de API" in APIClient().get("/api/v1/samenwerkingen").content.decode()
    assert APIClient().get("/api/v1/gemeenten/GM0340").json() != before


def test_an_edit_through_the_service_shows_on_the_municipality_page_and_the_finder(editor_a):
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Oude naam")
    assert "Oude naam" in CsrfClient().get("/gemeenten/GM0340").content.decode()
    finder = CsrfClient().get("/partners?gemeente=GM0340").content.decode()
    cooperations.save_cooperation(
        cooperation_input(members=(VEENENDAAL, RHENEN), name="Nieuwe naam"), editor_a, instance=cooperation
    )
    page = CsrfClient().get("/gemeenten/GM0340").content.decode()
    assert "Nieuwe naam" in page and "Oude naam" not in page
    assert (
        "Oude naam" in finder
        and "Oude naam" not in CsrfClient().get("/partners?gemeente=GM0340").content.decode()
    )


def test_an_edit_through_the_page_shows_in_the_next_anonymous_api_answer(editor_a, editor_a_client):
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Voor de pagina")
    url = f"/api/v1/samenwerkingen/{cooperation.slug}"
    assert APIClient().get(url).json()["naam"] == "Voor de pagina"
    data = cooperation_input(members=(VEENENDAAL, RHENEN), name="Na de pagina")
    cooperations.save_cooperation(data, editor_a, instance=cooperation)
    assert APIClient().get(url).json()["naam"] == "Na de pagina"


def test_an_import_of_the_register_shows_in_the_next_anonymous_answer(tmp_path):
    before = APIClient().get("/api/v1/samenwerkingen?pageSize=100").content
    matrix = APIClient().get("/api/v1/matrix").content
    load_register(tmp_path)
    assert APIClient().get("/api/v1/samenwerkingen?pageSize=100").content != before
    assert APIClient().get("/api/v1/matrix").content != matrix


def test_the_import_command_shows_in_the_next_anonymous_answer(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    from tests.factories import vallei_records, write_gr_file

    before = CsrfClient().get("/gemeenten/GM0340").content.decode()
    path = write_gr_file(tmp_path, vallei_records())
    call_command("import-gr", str(path), "--peildatum", "2026-05-16", stdout=StringIO(), stderr=StringIO())
    assert CsrfClient().get("/gemeenten/GM0340").content.decode() != before
