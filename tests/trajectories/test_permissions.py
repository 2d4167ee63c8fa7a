# SPDX-License-Identifier: EUPL-1.2
"""Who sees and changes a trajectory through the pages, per persona. The trajectory is Veenendaal's
(editor_a, reader_a) with Rhenen; Utrecht (editor_b) is an outsider unless invited."""

import pytest

from goedebuur.trajectories import services

from ..factories import UTRECHT
from .factories import make_trajectory, municipality

DECISION = {"outcome": "go", "date": "2026-11-02", "body": "colleges"}


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def test_a_partner_editor_sees_everything_and_may_change_it(editor_a_client, trajectory):
    response = editor_a_client.get(trajectory.get_absolute_url())
    assert response.status_code == 200
    assert "Besluit vastleggen" in response.content.decode()
    assert "Gedeeld belang en motief per partner benoemen" in response.content.decode()


def test_a_partner_reader_sees_but_cannot_change(reader_a_client, trajectory):
    response = reader_a_client.get(trajectory.get_absolute_url())
    assert response.status_code == 200
    assert "Besluit vastleggen" not in response.content.decode()
    response = reader_a_client.post(f"/trajecten/{trajectory.pk}/besluiten", DECISION)
    assert response.status_code == 403
    assert not trajectory.decisions.exists()


def test_an_outsider_gets_a_404(editor_b_client, trajectory):
    assert editor_b_client.get(trajectory.get_absolute_url()).status_code == 404
    assert editor_b_client.post(f"/trajecten/{trajectory.pk}/besluiten", DECISION).status_code == 404
    assert (
        editor_b_client.get(f"/trajecten/{trajectory.pk}/documenten/intentieverklaring.md").status_code == 404
    )
    assert not trajectory.decisions.exists()


def test_anonymous_visitors_are_sent_to_the_login_page(anonymous_client, trajectory):
    response = anonymous_client.get(trajectory.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen")
    assert anonymous_client.post(f"/trajecten/{trajectory.pk}/besluiten", DECISION).status_code == 302
    assert not trajectory.decisions.exists()


def test_an_administrator_sees_and_changes_everything(admin_client, trajectory):
    assert admin_client.get(trajectory.get_absolute_url()).status_code == 200
    assert admin_client.post(f"/trajecten/{trajectory.pk}/besluiten", DECISION).status_code == 302
    assert trajectory.decisions.count() == 1


def test_the_public_summary_shows_only_the_summary(anonymous_client, editor_b_client, trajectory):
    services.update_trajectory(trajectory, None, public_summary=True)
    for client in (anonymous_client, editor_b_client):
        page = client.get(trajectory.get_absolute_url()).content.decode()
        assert "Openbare samenvatting" in page
        assert "Veenendaal" in page
        assert "Checklist per fase" not in page
    assert editor_b_client.get(f"/trajecten/{trajectory.pk}/documenten/dvo.md").status_code == 404


def test_the_list_shows_only_what_the_user_may_see(
    anonymous_client, editor_a_client, editor_b_client, trajectory
):
    assert trajectory.name in editor_a_client.get("/trajecten").content.decode()
    assert trajectory.name not in editor_b_client.get("/trajecten").content.decode()
    assert trajectory.name not in anonymous_client.get("/trajecten").content.decode()
    services.update_trajectory(trajectory, None, public_summary=True)
    assert trajectory.name in anonymous_client.get("/trajecten").content.decode()


def test_an_invitee_sees_the_trajectory_and_answers(editor_b_client, trajectory):
    services.invite(trajectory, [municipality(UTRECHT)], None)
    page = editor_b_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Uitnodiging aannemen" in page
    assert editor_b_client.post(f"/trajecten/{trajectory.pk}/besluiten", DECISION).status_code == 403
    response = editor_b_client.post(f"/trajecten/{trajectory.pk}/uitnodiging", {"answer": "afwijzen"})
    assert response.status_code == 302
    assert editor_b_client.get(trajectory.get_absolute_url()).status_code == 404


def test_an_answer_other_than_the_two_buttons_comes_back_with_the_summary_and_changes_nothing(
    editor_b_client, trajectory
):
    services.invite(trajectory, [municipality(UTRECHT)], None)
    response = editor_b_client.post(f"/trajecten/{trajectory.pk}/uitnodiging", {"answer": "misschien"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Antwoord: Kies aannemen of afwijzen." in body
    assert "Uitnodiging aannemen" in body
    assert trajectory.participants.get(municipality=municipality(UTRECHT)).status == "uitgenodigd"


def test_a_partner_cannot_answer_an_invitation_it_does_not_have(editor_a_client, trajectory):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/uitnodiging", {"answer": "aannemen"})
    assert response.status_code == 403


def test_only_editors_start_a_trajectory(reader_a_client, anonymous_client):
    assert reader_a_client.get("/trajecten/nieuw").status_code == 403
    assert anonymous_client.get("/trajecten/nieuw").status_code == 302


def test_an_editor_fills_in_only_the_ambitions_of_its_own_municipality(editor_a_client, trajectory):
    assert editor_a_client.get(f"/trajecten/{trajectory.pk}/ambities/GM0345").status_code == 200
    assert editor_a_client.get(f"/trajecten/{trajectory.pk}/ambities/GM0340").status_code == 403
