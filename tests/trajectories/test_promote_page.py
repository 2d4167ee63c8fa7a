# SPDX-License-Identifier: EUPL-1.2
"""Taking a trajectory into the register (POST /trajecten/{id}/naar-register): a refusal comes back
on the trajectory page with the reason in the error summary of "Volgende stap" and creates nothing;
a promotion redirects to the new register entry."""

import pytest

from goedebuur.cooperations.models import Cooperation
from goedebuur.trajectories.models import Trajectory

from .factories import advance, align, make_trajectory


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def past_overeenkomen(trajectory, user):
    trajectory = advance(trajectory, user)
    align(trajectory, user)
    return advance(advance(trajectory, user), user)


def test_a_trajectory_still_exploring_is_refused_with_the_reason_and_nothing_is_created(
    editor_a_client, trajectory
):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/naar-register")
    body = response.content.decode()
    assert response.status_code == 400 and not Cooperation.objects.filter(name=trajectory.name).exists()
    step = body.split('id="volgende-stap"')[1]
    summary = step.split('id="error-summary"')[1].split("</div>")[0]
    assert "Een traject komt pas in het register als de fase Overeenkomen is afgerond." in summary


def test_a_trajectory_without_an_intended_form_is_refused_and_says_so(editor_a_client, editor_a, trajectory):
    trajectory = past_overeenkomen(trajectory, editor_a)
    Trajectory.objects.filter(pk=trajectory.pk).update(intended_form=None)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/naar-register")
    assert response.status_code == 400 and not Cooperation.objects.filter(name=trajectory.name).exists()
    assert "Kies eerst de beoogde samenwerkingsvorm." in response.content.decode()
    assert Trajectory.objects.get(pk=trajectory.pk).cooperation is None


def test_a_promoted_trajectory_redirects_to_its_register_entry(editor_a_client, editor_a, trajectory):
    trajectory = past_overeenkomen(trajectory, editor_a)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/naar-register")
    assert response["Location"] == Cooperation.objects.get(name=trajectory.name).get_absolute_url()
