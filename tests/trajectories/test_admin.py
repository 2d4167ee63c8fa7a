# SPDX-License-Identifier: EUPL-1.2
"""Platform administrators edit the checklist text in the Django admin; trajectories show it."""

from goedebuur.trajectories import services
from goedebuur.trajectories.models import ChecklistItem

from .factories import make_trajectory


def test_an_administrator_edits_a_checklist_tip_and_partners_see_it(admin_client, editor_a_client, db):
    trajectory = make_trajectory()
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    url = f"/beheer/trajectories/checklistitem/{item.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    response = admin_client.post(
        url,
        {
            "phase": "verkennen",
            "title": item.title,
            "tip": "Onze eigen tip.",
            "required": "on",
            "active": "on",
            "order": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "Onze eigen tip." in editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert services.ensure_checklist() == 0


def test_checklist_items_cannot_be_deleted_in_the_admin(admin_client, db):
    services.ensure_checklist()
    item = ChecklistItem.objects.first()
    assert admin_client.get(f"/beheer/trajectories/checklistitem/{item.pk}/delete/").status_code == 403


def test_editors_cannot_reach_the_admin(editor_a_client, db):
    assert editor_a_client.get("/beheer/trajectories/checklistitem/").status_code == 302
