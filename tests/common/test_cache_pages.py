# SPDX-License-Identifier: EUPL-1.2
"""Whole pages for anonymous visitors from the shared cache (`cache_anonymous_page`, used by /kaart,
/clusters and /achtervang-koppels): the same page for everyone, never something personal, and never
across a change of what it shows."""

import re

import pytest
from django.contrib.messages import constants, storage

from goedebuur.maps import views as map_views
from tests.conftest import CsrfClient
from tests.factories import RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """How often the map view renders its template (a page from the cache is not rendered)."""
    calls = []
    original = map_views.render

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(map_views, "render", counting)
    return calls


def _token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_second_anonymous_visitor_gets_the_stored_page(renders):
    first = CsrfClient().get("/kaart")
    second = CsrfClient().get("/kaart")
    assert first.status_code == second.status_code == 200
    assert len(renders) == 1
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", first.content.decode()) == strip.sub("", second.content.decode())


def test_other_filters_are_another_page(renders):
    CsrfClient().get("/kaart")
    CsrfClient().get("/kaart?provincie=PV26")
    assert len(renders) == 2


def test_a_stored_page_carries_the_visitors_own_csrf_token_and_its_forms_work(renders):
    CsrfClient().get("/kaart")
    visitor = CsrfClient()
    page = visitor.get("/kaart")
    assert len(renders) == 1
    token = _token(page.content.decode())
    answer = visitor.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/kaart", "csrfmiddlewaretoken": token},
        HTTP_X_CSRFTOKEN="",
    )
    assert answer.status_code == 302


def test_the_page_in_english_is_another_page(renders):
    dutch = CsrfClient().get("/kaart").content.decode()
    visitor = CsrfClient()
    visitor.cookies["django_language"] = "en"
    english = visitor.get("/kaart").content.decode()
    assert 'lang="nl"' in dutch and 'lang="en"' in english
    assert len(renders) == 2


def test_a_logged_in_user_never_gets_the_anonymous_page(renders, editor_a_client):
    CsrfClient().get("/kaart")
    html = editor_a_client.get("/kaart").content.decode()
    assert len(renders) == 2
    assert "Uitloggen" in html


def test_a_visitor_with_a_message_waiting_gets_a_page_of_their_own(renders, monkeypatch):
    CsrfClient().get("/kaart")
    original = storage.default_storage

    def with_message(request):
        found = original(request)
        found.add(constants.INFO, "Een bericht voor deze bezoeker")
        return found

    monkeypatch.setattr("django.contrib.messages.middleware.default_storage", with_message)
    html = CsrfClient().get("/kaart").content.decode()
    assert "Een bericht voor deze bezoeker" in html
    assert len(renders) == 2
    monkeypatch.undo()
    assert "Een bericht voor deze bezoeker" not in CsrfClient().get("/kaart").content.decode()


def test_an_edit_of_the_register_shows_on_the_next_anonymous_visit(renders):
    before = CsrfClient().get("/kaart").content.decode()
    assert "Rhenen: 0 ICT-samenwerkingen" in before
    make_cooperation(members=(VEENENDAAL, RHENEN))
    after = CsrfClient().get("/kaart").content.decode()
    assert "Rhenen: 1 ICT-samenwerking<" in after
    assert len(renders) == 2


def test_the_home_page_and_the_matrix_show_a_new_cooperation_to_the_next_anonymous_visitor():
    home, matrix = CsrfClient().get("/").content.decode(), CsrfClient().get("/matrix").content.decode()
    assert "Nieuw in het register" not in home and "/gemeenten/GM0340" not in matrix
    make_cooperation(members=(VEENENDAAL, RHENEN), name="Nieuw in het register")
    assert "Nieuw in het register" in CsrfClient().get("/").content.decode()
    assert "/gemeenten/GM0340" in CsrfClient().get("/matrix").content.decode()


def test_the_register_lists_show_an_edit_to_the_next_anonymous_visitor(editor_a):
    from goedebuur.cooperations import services as cooperations
    from tests.factories import cooperation_input

    assert "Oude naam" not in CsrfClient().get("/samenwerkingen").content.decode()
    before = CsrfClient().get("/gemeenten?q=rhenen").content.decode()
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Oude naam")
    assert "Oude naam" in CsrfClient().get("/samenwerkingen").content.decode()
    assert CsrfClient().get("/gemeenten?q=rhenen").content.decode() != before
    cooperations.save_cooperation(
        cooperation_input(members=(VEENENDAAL, RHENEN), name="Nieuwe naam"), editor_a, instance=cooperation
    )
    html = CsrfClient().get("/samenwerkingen").content.decode()
    assert "Nieuwe naam" in html and "Oude naam" not in html
