# SPDX-License-Identifier: EUPL-1.2
"""Who may change a trajectory is enforced in the services: page, API and service refuse the same
outsider, and an administrator who names no initiator gets the same message on page and API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from goedebuur.trajectories import services
from goedebuur.trajectories.models import Trajectory

from .factories import make_trajectory, municipality

pytestmark = pytest.mark.django_db

NO_INITIATOR = "Kies de gemeente die het initiatief neemt."


def test_it_refuses_an_outsider_who_changes_a_trajectory_everywhere(editor_b, editor_b_client):
    trajectory = make_trajectory()
    page = editor_b_client.post(f"/trajecten/{trajectory.pk}/bewerken", {"name": "Overgenomen"})
    assert page.status_code in (403, 404)
    api = APIClient()
    api.force_authenticate(editor_b)
    assert api.patch(
        f"/api/v1/trajecten/{trajectory.pk}", {"naam": "Overgenomen"}, format="json"
    ).status_code in (
        403,
        404,
    )
    with pytest.raises(PermissionDenied):
        services.update_trajectory(trajectory, editor_b, name="Overgenomen")
    with pytest.raises(PermissionDenied):
        services.invite(trajectory, [municipality("GM0344")], editor_b)
    trajectory.refresh_from_db()
    assert trajectory.name == "ICT-samenwerking Vallei"


def test_an_administrator_names_the_initiator_on_page_and_api(admin_user, admin_client):
    page = admin_client.post("/trajecten/nieuw", {"name": "Beheer", "invitees": [municipality("GM0340").pk]})
    assert page.status_code == 400 and NO_INITIATOR in page.content.decode()
    api = APIClient()
    api.force_authenticate(admin_user)
    response = api.post("/api/v1/trajecten", {"naam": "Beheer", "uitgenodigd": ["GM0340"]}, format="json")
    assert [p["reason"] for p in response.json()["invalidParams"]] == [NO_INITIATOR]
    with pytest.raises(ValidationError) as refused:
        services.create_trajectory(
            admin_user, name="Beheer", initiator=None, invitees=[municipality("GM0340")]
        )
    assert refused.value.message_dict == {"initiator": [NO_INITIATOR]}
    assert not Trajectory.objects.exists()
