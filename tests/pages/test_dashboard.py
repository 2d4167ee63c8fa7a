# SPDX-License-Identifier: EUPL-1.2
import sys
import types

import pytest
from django.contrib.auth.models import AnonymousUser

from goedebuur.municipalities.models import Municipality
from goedebuur.pages import extensions
from goedebuur.pages.extensions import DashboardItem, Section

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_is_sent_to_the_login_page(anonymous_client):
    response = anonymous_client.get("/mijn-overzicht")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen")


def test_a_logged_in_user_sees_the_dashboard(editor_a_client):
    response = editor_a_client.get("/mijn-overzicht")
    assert response.status_code == 200
    assert "Mijn overzicht" in response.content.decode()


def test_it_shows_sections_of_every_app_with_a_dashboard_module_urgent_items_highlighted(
    editor_a_client, monkeypatch
):
    module = types.ModuleType("goedebuur.pages.dashboard")
    module.sections = lambda user: [
        Section(title="Testblok", items=[DashboardItem(text="Achterstallige test", url="/x", urgent=True)])
    ]
    monkeypatch.setitem(sys.modules, "goedebuur.pages.dashboard", module)
    body = editor_a_client.get("/mijn-overzicht").content.decode()
    assert "Testblok" in body
    assert '<li class="urgent"><strong>Let op:</strong> <a href="/x">Achterstallige test</a>' in body


def test_panels_are_collected_per_kind(rf, monkeypatch):
    module = types.ModuleType("goedebuur.pages.panels")
    module.municipality_panels = lambda request, obj: [f"<p>{obj.name}</p>", ""]
    monkeypatch.setitem(sys.modules, "goedebuur.pages.panels", module)
    request = rf.get("/")
    request.user = AnonymousUser()
    found = extensions.panels("municipality", request, Municipality.objects.get(code="GM0340"))
    assert "<p>Rhenen</p>" in found and "" not in found
