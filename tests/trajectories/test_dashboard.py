# SPDX-License-Identifier: EUPL-1.2
"""The trajectories block on the personal dashboard."""

from goedebuur.trajectories import dashboard, services

from ..factories import UTRECHT
from .factories import advance, go, make_trajectory, municipality, settle_required_items


def test_it_lists_invitations_first_and_what_blocks_the_next_step(editor_a, editor_b):
    make_trajectory()
    other = make_trajectory(name="Uitwijk", invitees=(UTRECHT,), accept=False)
    (section,) = dashboard.sections(editor_b)
    (invitation,) = section.items
    assert invitation.urgent and invitation.text == "Uitnodiging: Uitwijk"
    (section,) = dashboard.sections(editor_a)
    texts = {item.text: item for item in section.items}
    assert "ICT-samenwerking Vallei: Verkennen" in texts
    assert "go-besluit" in texts["ICT-samenwerking Vallei: Verkennen"].note
    assert other.get_absolute_url() == texts["Uitwijk: Verkennen"].url


def test_it_highlights_what_the_own_municipality_must_do(editor_a):
    trajectory = make_trajectory()

    trajectory = advance(trajectory)
    settle_required_items(trajectory)
    go(trajectory)
    services.save_ambition(
        trajectory,
        municipality("GM0340"),
        {"kwaliteit": 1, "kosten": 1, "kwetsbaarheid": 1, "personeel": 1, "motive": "verbeteren"},
        None,
    )
    (item,) = dashboard.sections(editor_a)[0].items
    assert item.urgent
    assert item.note == "Nog niet elke partner heeft de ambities ingevuld."


def test_it_shows_nothing_to_users_without_a_municipality(admin_user, anonymous_client):
    assert dashboard.sections(admin_user) == []


def test_the_dashboard_page_shows_the_block(editor_a_client, editor_a):
    make_trajectory()
    page = editor_a_client.get("/mijn-overzicht").content.decode()
    assert "Samenwerkingstrajecten" in page
    assert "ICT-samenwerking Vallei" in page
