# SPDX-License-Identifier: EUPL-1.2
"""An entry an editor adds is visible to its members at once and public after a platform
administrator approves it on the moderation page; register entries and administrators' entries are
public at once."""

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation

from ..factories import make_cooperation


def _new_entry(editor):
    return make_cooperation(editor, approved=False, name="Nieuw ICT-verband")


def test_a_new_entry_is_visible_to_its_members_at_once_but_not_public(
    editor_a, editor_a_client, editor_b_client, anonymous_client
):
    entry = _new_entry(editor_a)
    assert entry.approved_at is None and not entry.is_public
    page = editor_a_client.get(entry.get_absolute_url())
    assert page.status_code == 200 and "Wacht op goedkeuring" in page.content.decode()
    assert "Nieuw ICT-verband" in editor_a_client.get("/samenwerkingen").content.decode()
    for outsider in (anonymous_client, editor_b_client):
        assert outsider.get(entry.get_absolute_url()).status_code == 404
        assert "Nieuw ICT-verband" not in outsider.get("/samenwerkingen").content.decode()
        assert "Nieuw ICT-verband" not in outsider.get("/").content.decode()
    assert anonymous_client.get(f"/api/v1/samenwerkingen/{entry.slug}").status_code == 404


def test_an_administrator_approves_it_on_the_moderation_page_and_it_becomes_public(
    editor_a, admin_client, anonymous_client
):
    entry = _new_entry(editor_a)
    queue = admin_client.get("/ervaringen/moderatie").content.decode()
    assert "Nieuw ICT-verband" in queue and f"/samenwerkingen/{entry.slug}/goedkeuren" in queue
    response = admin_client.post(f"/samenwerkingen/{entry.slug}/goedkeuren")
    assert response.status_code == 302 and response["Location"] == "/ervaringen/moderatie"
    entry.refresh_from_db()
    assert entry.is_public and entry.approved_by.is_platform_admin
    assert anonymous_client.get(entry.get_absolute_url()).status_code == 200
    assert (
        "Er wacht geen samenwerkingsverband op goedkeuring."
        in admin_client.get("/ervaringen/moderatie").content.decode()
    )


def test_only_a_platform_administrator_approves(editor_a, editor_a_client):
    entry = _new_entry(editor_a)
    assert editor_a_client.post(f"/samenwerkingen/{entry.slug}/goedkeuren").status_code == 403
    assert Cooperation.objects.get(pk=entry.pk).approved_at is None


def test_an_administrators_entry_and_the_system_loads_are_public_at_once(admin_user):
    assert make_cooperation(admin_user, approved=False, name="Door beheer").is_public
    assert make_cooperation(None, approved=False, name="Geladen").is_public


def test_an_entry_waiting_for_approval_counts_in_no_public_figure(editor_a):
    before = services.participating_municipality_count()
    _new_entry(editor_a)
    assert services.participating_municipality_count() == before
    assert not services.public_memberships().filter(cooperation__name="Nieuw ICT-verband").exists()
