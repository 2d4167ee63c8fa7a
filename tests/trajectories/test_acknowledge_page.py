# SPDX-License-Identifier: EUPL-1.2
"""Acknowledging the divergences (POST /trajecten/{id}/verschillen-bevestigen): a refusal comes back
on the trajectory page with the reason in the error summary of "Ambities afstemmen" and records
nothing; an acknowledgement redirects to that section."""

import pytest

from goedebuur.trajectories import services

from ..factories import RHENEN
from .factories import make_trajectory, municipality, scores


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def test_acknowledging_before_filling_in_the_own_ambitions_says_why_and_records_nothing(
    editor_a_client, trajectory
):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/verschillen-bevestigen")
    body = response.content.decode()
    assert response.status_code == 400 and not trajectory.acknowledgements.exists()
    section = body.split('id="ambities"')[1]
    assert 'id="error-summary"' in section
    assert (
        "Vul eerst de ambities van uw gemeente in."
        in section.split('id="error-summary"')[1].split("</div>")[0]
    )


def test_acknowledging_before_every_partner_answered_says_why(editor_a_client, editor_a, trajectory):
    services.save_ambition(trajectory, editor_a.municipality, scores(), editor_a)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/verschillen-bevestigen")
    assert response.status_code == 400 and not trajectory.acknowledgements.exists()
    assert "Nog niet elke partner heeft de ambities ingevuld" in response.content.decode()


def test_an_acknowledgement_is_recorded_and_the_page_redirects_to_the_section(
    editor_a_client, editor_a, trajectory
):
    services.save_ambition(trajectory, editor_a.municipality, scores(kosten=1), editor_a)
    services.save_ambition(trajectory, municipality(RHENEN), scores(kosten=5), None)
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/verschillen-bevestigen")
    assert response.status_code == 302 and response["Location"].endswith("#ambities")
    assert trajectory.acknowledgements.get().municipality == editor_a.municipality
