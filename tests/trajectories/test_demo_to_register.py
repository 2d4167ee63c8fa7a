# SPDX-License-Identifier: EUPL-1.2
"""Done when: a demo trajectory runs from where the demo leaves it to a register entry, through the
pages (Rhenen and Veenendaal) and through the API (Ede and Wageningen)."""

import pytest
from rest_framework.test import APIClient

from goedebuur.accounts.models import User
from goedebuur.cooperations.models import Cooperation
from goedebuur.trajectories.demo import EDE_WAGENINGEN, RHENEN_VEENENDAAL, load_demo
from goedebuur.trajectories.models import ChecklistItem, Trajectory

from ..conftest import CsrfClient
from ..factories import make_user

AMBITION = {"kwaliteit": "4", "kosten": "2", "kwetsbaarheid": "5", "personeel": "3", "motive": "verbeteren"}


@pytest.fixture
def demo(db):
    load_demo()


def client_for(user):
    client = CsrfClient()
    client.force_login(user)
    return client


def settle_and_advance(client, trajectory):
    for item in ChecklistItem.objects.filter(
        phase=Trajectory.objects.get(pk=trajectory.pk).phase, required=True
    ):
        client.post(f"/trajecten/{trajectory.pk}/checklist/{item.pk}", {"status": "gedaan"})
    client.post(
        f"/trajecten/{trajectory.pk}/besluiten", {"outcome": "go", "date": "2026-11-20", "body": "colleges"}
    )
    client.post(f"/trajecten/{trajectory.pk}/stap", {"action": "volgende-fase"})
    return Trajectory.objects.get(pk=trajectory.pk).phase


def test_rhenen_and_veenendaal_reach_the_register_through_the_pages(demo):
    trajectory = Trajectory.objects.get(name=RHENEN_VEENENDAAL)
    rhenen = client_for(make_user("GM0340", User.Role.EDITOR, username="rhenen"))
    veenendaal = client_for(make_user("GM0345", User.Role.EDITOR, username="veenendaal"))
    assert settle_and_advance(rhenen, trajectory) == "intentie"  # Veenendaal has not filled in yet
    veenendaal.post(f"/trajecten/{trajectory.pk}/ambities/GM0345", AMBITION)
    for client in (rhenen, veenendaal):
        client.post(f"/trajecten/{trajectory.pk}/verschillen-bevestigen")
    assert settle_and_advance(rhenen, trajectory) == "overeenkomen"
    assert settle_and_advance(veenendaal, trajectory) == "inrichten"
    response = rhenen.post(f"/trajecten/{trajectory.pk}/naar-register")
    cooperation = Cooperation.objects.get(name=RHENEN_VEENENDAAL)
    assert response["Location"] == cooperation.get_absolute_url()
    assert cooperation.form.code == "dvo" and cooperation.is_demo


def test_ede_and_wageningen_reach_the_register_through_the_api(demo):
    trajectory = Trajectory.objects.get(name=EDE_WAGENINGEN)
    api = APIClient()
    api.force_authenticate(make_user("GM0228", User.Role.EDITOR, username="ede"))
    base = f"/api/v1/trajecten/{trajectory.pk}"
    blockers = api.get(base).json()["volgendeStap"]["blokkades"]
    assert any("Exit- en uittredingsvoorwaarden" in b["reden"] for b in blockers)
    api.put(
        f"{base}/checklist/uittreding",
        {"status": "gedaan", "notitie": "Opzegtermijn een jaar"},
        format="json",
    )
    api.post(
        f"{base}/besluiten", {"besluit": "go", "datum": "2026-11-20", "genomenDoor": "raden"}, format="json"
    )
    assert api.post(f"{base}/acties", {"actie": "volgende-fase"}, format="json").json()["fase"] == "inrichten"
    response = api.post(f"{base}/naar-register")
    assert response.status_code == 201
    assert Cooperation.objects.get(slug=response.json()["slug"]).memberships.count() == 2
