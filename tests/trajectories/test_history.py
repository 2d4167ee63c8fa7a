# SPDX-License-Identifier: EUPL-1.2
"""The history page of a trajectory and restoring an earlier version, per persona."""

import pytest

from goedebuur.history.models import ChangeRecord
from goedebuur.trajectories import services
from goedebuur.trajectories.models import ChecklistItem, Trajectory

from ..factories import RHENEN
from .factories import make_trajectory, municipality, scores

pytestmark = pytest.mark.django_db


@pytest.fixture
def trajectory(editor_a):
    trajectory = make_trajectory(user=editor_a, description="Eerste omschrijving")
    return trajectory


def first_version(trajectory):
    return ChangeRecord.objects.filter(
        model="trajectories.trajectory", object_id=str(trajectory.pk), action="create"
    ).get()


def change_everything(trajectory, user):
    services.update_trajectory(trajectory, user, name="Andere naam", description="Tweede", domains=[])
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    services.set_checklist_status(trajectory, item, "gedaan", "klaar", user)
    services.save_ambition(trajectory, municipality("GM0345"), scores(kosten=5), user)


def test_it_shows_the_versions_with_restore_buttons_for_editors_only(
    trajectory, editor_a, editor_a_client, reader_a_client
):
    change_everything(trajectory, editor_a)
    url = f"/trajecten/{trajectory.pk}/geschiedenis"
    page = editor_a_client.get(url).content.decode()
    assert "Deze versie herstellen" in page and "Andere naam" in page
    assert f'href="{url}"' in editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    reader_page = reader_a_client.get(url)
    assert reader_page.status_code == 200 and "Deze versie herstellen" not in reader_page.content.decode()


def test_it_restores_details_checklist_and_ambitions_and_records_the_restore(
    trajectory, editor_a, editor_a_client
):
    change_everything(trajectory, editor_a)
    record = first_version(trajectory)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/geschiedenis/{record.pk}/herstellen")
    assert response.status_code == 302
    trajectory = Trajectory.objects.get(pk=trajectory.pk)
    assert (trajectory.name, trajectory.description) == ("ICT-samenwerking Vallei", "Eerste omschrijving")
    assert list(trajectory.domains.values_list("slug", flat=True)) == ["infrastructuur-beheer"]
    assert not trajectory.checklist.exists() and not trajectory.ambitions.exists()
    latest = services.versions(trajectory).first()
    assert latest.action == "restore" and latest.user == editor_a


def test_it_forbids_restoring_to_readers_and_outsiders(
    trajectory, editor_a, reader_a_client, editor_b_client
):
    change_everything(trajectory, editor_a)
    record = first_version(trajectory)
    url = f"/trajecten/{trajectory.pk}/geschiedenis"
    assert reader_a_client.post(f"{url}/{record.pk}/herstellen").status_code == 403
    assert editor_b_client.get(url).status_code == 404
    assert editor_b_client.post(f"{url}/{record.pk}/herstellen").status_code == 404
    assert Trajectory.objects.get(pk=trajectory.pk).name == "Andere naam"


def test_an_invited_municipality_sees_but_does_not_restore(editor_a):
    trajectory = make_trajectory(invitees=(RHENEN, "GM0344"), accept=False, user=editor_a)
    from ..conftest import _client_for
    from ..factories import make_user

    utrecht = _client_for(make_user("GM0344", username="utrecht-uitgenodigd"))
    record = first_version(trajectory)
    assert utrecht.get(f"/trajecten/{trajectory.pk}/geschiedenis").status_code == 200
    assert utrecht.post(f"/trajecten/{trajectory.pk}/geschiedenis/{record.pk}/herstellen").status_code == 403
