# SPDX-License-Identifier: EUPL-1.2
"""The trajectory pages: starting one, the checklist, decisions, the step, ambitions, the
acknowledgement and the move into the register."""

import datetime as dt

import pytest
from django.core import mail

from goedebuur.accounts.models import User
from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.trajectories import services
from goedebuur.trajectories.models import ChecklistItem, Trajectory

from ..factories import RHENEN, make_user
from .factories import advance, align, make_trajectory, municipality

AMBITION = {"kwaliteit": "4", "kosten": "1", "kwetsbaarheid": "5", "personeel": "3", "motive": "verbeteren"}


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def test_an_editor_starts_a_trajectory_and_the_invitee_gets_an_e_mail(
    editor_a_client, django_capture_on_commit_callbacks
):
    User.objects.create_user(
        "redacteur-rhenen",
        email="ict@rhenen.example",
        municipality=municipality(RHENEN),
        role=User.Role.EDITOR,
    )
    domain = IctDomain.objects.get(slug="werkplek")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_a_client.post(
            "/trajecten/nieuw",
            {"name": "Samen werkplekken", "invitees": [municipality(RHENEN).pk], "domains": [domain.pk]},
        )
    trajectory = Trajectory.objects.get(name="Samen werkplekken")
    assert response["Location"] == trajectory.get_absolute_url()
    assert trajectory.initiator.code == "GM0345"
    assert [m.to for m in mail.outbox] == [["ict@rhenen.example"]]


def test_it_refuses_a_trajectory_without_invitees_and_saves_nothing(editor_a_client):
    response = editor_a_client.post("/trajecten/nieuw", {"name": "Alleen"})
    assert response.status_code == 400
    assert "Kies ten minste één gemeente." in response.content.decode()
    assert not Trajectory.objects.exists()


def test_the_page_says_what_blocks_the_next_step(editor_a_client, trajectory):
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert (
        "Checklistpunt &#x27;Gedeeld belang en motief per partner benoemen&#x27; is nog niet afgerond."
        in page
    )
    assert "Er is nog geen go-besluit vastgelegd" in page


def test_an_editor_ticks_a_checklist_item(editor_a_client, trajectory):
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/checklist/{item.pk}", {"status": "gedaan", "note": "Besproken"}
    )
    assert response.status_code == 302
    state = trajectory.checklist.get(item=item)
    assert (state.status, state.note, state.updated_by.username) == ("gedaan", "Besproken", "editor-a")


def test_a_refused_checklist_row_comes_back_with_what_was_typed_and_the_error_summary(
    editor_a_client, trajectory
):
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/checklist/{item.pk}",
        {"status": "kapot", "note": "Besproken met college"},
    )
    assert response.status_code == 400 and not trajectory.checklist.filter(item=item).exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body and f'href="#status-{item.pk}"' in body
    assert f'id="status-{item.pk}_errors"' in body
    assert 'value="Besproken met college"' in body


def test_advancing_too_early_changes_nothing_and_says_why_in_the_error_summary(editor_a_client, trajectory):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/stap", {"action": "volgende-fase"})
    assert response.status_code == 400
    assert Trajectory.objects.get(pk=trajectory.pk).phase == "verkennen"
    body = response.content.decode()
    assert 'id="error-summary"' in body and "Er is nog geen go-besluit vastgelegd" in body


def test_a_refused_pause_comes_back_with_the_reason_that_was_typed(editor_a_client, trajectory):
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/stap", {"action": "pauzeren", "reason": "x" * 2001}
    )
    assert response.status_code == 400 and Trajectory.objects.get(pk=trajectory.pk).state == "actief"
    body = response.content.decode()
    assert 'id="error-summary"' in body and 'href="#reason-pauzeren"' in body
    assert f'value="{"x" * 2001}"' in body and 'id="reason-pauzeren_errors"' in body


def test_a_decision_and_the_checklist_open_the_next_phase(editor_a_client, trajectory):
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    editor_a_client.post(f"/trajecten/{trajectory.pk}/checklist/{item.pk}", {"status": "nvt"})
    editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten",
        {"outcome": "go", "date": "2026-11-02", "body": "colleges", "minutes_url": "https://example.org/b"},
    )
    editor_a_client.post(f"/trajecten/{trajectory.pk}/stap", {"action": "volgende-fase"})
    assert Trajectory.objects.get(pk=trajectory.pk).phase == "intentie"


def test_a_decision_with_a_bad_date_is_refused(editor_a_client, trajectory):
    editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten", {"outcome": "go", "date": "morgen", "body": "colleges"}
    )
    assert not trajectory.decisions.exists()


def test_a_refused_decision_comes_back_with_everything_typed_and_the_error_next_to_the_field(
    editor_a_client, trajectory
):
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten",
        {
            "outcome": "no-go",
            "date": "2099-01-01",
            "body": "raden",
            "minutes_url": "https://example.org/notulen",
            "note": "Eerst de buren",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400 and not trajectory.decisions.exists()
    assert 'id="error-summary"' in body
    assert '<a href="#id_date">Datum van het besluit: Een besluit kan niet in de toekomst liggen.</a>' in body
    assert 'value="no-go" required id="id_outcome_1" checked' in body
    assert 'value="2099-01-01"' in body and 'value="https://example.org/notulen"' in body
    assert "Eerst de buren</textarea>" in body
    assert '<option value="raden" selected>' in body


def test_a_decision_dated_1900_is_refused_and_the_date_field_offers_its_window(editor_a_client, trajectory):
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert f'max="{dt.date.today().isoformat()}"' in page and 'min="' in page
    assert "checked" not in page.split('id="id_outcome"')[1].split("</div>")[0]  # no go or no-go preselected
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten", {"outcome": "go", "date": "1900-01-01", "body": "colleges"}
    )
    assert response.status_code == 400 and not trajectory.decisions.exists()
    assert "Dit besluit ligt meer dan tien jaar terug; controleer de datum." in response.content.decode()


def test_a_decision_without_an_outcome_asks_for_go_or_no_go(editor_a_client, trajectory):
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/besluiten", {"date": "2026-11-02", "body": "colleges"}
    )
    assert response.status_code == 400 and "Besluit: Kies go of no-go." in response.content.decode()


def test_ambitions_start_from_the_scores_in_the_profile(editor_a_client, trajectory):
    from goedebuur.profiles.models import Profile

    Profile.objects.create(municipality=municipality("GM0345"), ambition_kwaliteit=5, ambition_kosten=2)
    page = editor_a_client.get(f"/trajecten/{trajectory.pk}/ambities/GM0345").content.decode()
    assert "De scores komen uit het ICT-profiel van Veenendaal." in page
    assert '<option value="5" selected>5</option>' in page.split('id="id_kwaliteit"')[1].split("</select>")[0]
    assert '<option value="2" selected>2</option>' in page.split('id="id_kosten"')[1].split("</select>")[0]


def test_the_ambition_table_waits_for_a_second_partner_instead_of_saying_0(editor_a_client, trajectory):
    editor_a_client.post(f"/trajecten/{trajectory.pk}/ambities/GM0345", AMBITION)
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    table = page.split("<caption>Scores per partner")[1].split("</table>")[0]
    assert "het verschil volgt zodra een tweede partner de ambities heeft ingevuld" in table
    assert table.count("<td>nog niet ingevuld</td>") == 4


def test_a_refused_invitation_keeps_the_choice(editor_a_client, trajectory):
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/uitnodigen", {"invitees": [municipality(RHENEN).pk]}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert f'<option value="{municipality(RHENEN).pk}" selected data-code="GM0340">Rhenen</option>' in body


def test_stopping_needs_a_reason(editor_a_client, trajectory):
    editor_a_client.post(f"/trajecten/{trajectory.pk}/stap", {"action": "stoppen", "reason": ""})
    assert Trajectory.objects.get(pk=trajectory.pk).state == "actief"
    editor_a_client.post(
        f"/trajecten/{trajectory.pk}/stap", {"action": "stoppen", "reason": "Geen draagvlak"}
    )
    assert Trajectory.objects.get(pk=trajectory.pk).state == "gestopt"


def test_ambitions_are_validated_and_divergences_shown_largest_first(editor_a_client, trajectory):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/ambities/GM0345", AMBITION | {"kosten": "9"})
    assert response.status_code == 400
    assert not trajectory.ambitions.exists()
    editor_a_client.post(f"/trajecten/{trajectory.pk}/ambities/GM0345", AMBITION)
    services.save_ambition(
        trajectory,
        municipality(RHENEN),
        {"kwaliteit": 4, "kosten": 5, "kwetsbaarheid": 2, "personeel": 3, "motive": "verbeteren"},
        None,
    )
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert page.index("minder meerKosten</strong> (verschil 4)") < page.index(
        "Kwetsbaarheid verlagen</strong> (verschil 3)"
    )
    editor_a_client.post(f"/trajecten/{trajectory.pk}/verschillen-bevestigen")
    assert trajectory.acknowledgements.get().municipality.code == "GM0345"


def test_a_trajectory_past_overeenkomen_is_promoted_to_the_register(editor_a_client, editor_a, trajectory):
    trajectory = advance(trajectory, editor_a)
    align(trajectory, editor_a)
    trajectory = advance(advance(trajectory, editor_a), editor_a)
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Opnemen in het register" in page
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/naar-register")
    cooperation = Cooperation.objects.get(name=trajectory.name)
    assert response["Location"] == cooperation.get_absolute_url()


def test_an_administrator_names_the_initiator(admin_client):
    response = admin_client.post(
        "/trajecten/nieuw",
        {"name": "Via beheer", "initiator": municipality("GM0345").pk, "invitees": [municipality(RHENEN).pk]},
    )
    assert response.status_code == 302
    assert Trajectory.objects.get(name="Via beheer").initiator.code == "GM0345"


def test_partners_edit_the_settings(editor_a_client, trajectory):
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/bewerken", {"name": "Nieuwe naam", "public_summary": "on"}
    )
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert (trajectory.name, trajectory.public_summary) == ("Nieuwe naam", True)


def test_a_partner_invites_another_municipality(editor_a_client, trajectory):
    make_user("GM0344", username="utrecht-redacteur")
    editor_a_client.post(f"/trajecten/{trajectory.pk}/uitnodigen", {"invitees": [municipality("GM0344").pk]})
    assert trajectory.participants.get(municipality__code="GM0344").status == "uitgenodigd"


def test_the_page_is_english_when_english_is_chosen(editor_a_client, trajectory):
    editor_a_client.cookies["django_language"] = "en"
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Checklist per phase" in page
    assert "Share ambitions / intent" in page
    assert ">Pause</button>" in page


def test_it_refuses_the_second_of_two_editors_of_the_settings(editor_a_client, admin_client, trajectory):
    url = f"/trajecten/{trajectory.pk}/bewerken"
    assert f'name="revision" value="{trajectory.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": trajectory.revision}
    assert admin_client.post(url, {"name": "Eerst opgeslagen"} | seen).status_code == 302
    response = editor_a_client.post(url, {"name": "Later opgeslagen"} | seen)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in page and "Later opgeslagen" in page
    assert Trajectory.objects.get(pk=trajectory.pk).name == "Eerst opgeslagen"


def test_a_checklist_tick_does_not_block_an_editor_of_the_settings(editor_a_client, trajectory):
    seen = trajectory.revision
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    editor_a_client.post(f"/trajecten/{trajectory.pk}/checklist/{item.pk}", {"status": "gedaan", "note": ""})
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/bewerken", {"name": "Nog steeds", "revision": seen}
    )
    assert response.status_code == 302


def test_it_does_not_take_a_step_on_a_trajectory_that_changed_since_the_page_was_opened(
    editor_a_client, trajectory
):
    seen = trajectory.revision
    services.update_trajectory(trajectory, None, name="Intussen gewijzigd")
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/stap",
        {"action": "pauzeren", "reason": "even niet", "revision": seen},
        follow=True,
    )
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert Trajectory.objects.get(pk=trajectory.pk).state == "actief"


def test_it_refuses_a_checklist_item_changed_since_the_page_was_opened(editor_a_client, editor_a, trajectory):
    item = ChecklistItem.objects.get(code="gedeeld-belang")
    state = services.set_checklist_status(trajectory, item, "gedaan", "eerste", editor_a)
    services.set_checklist_status(trajectory, item, "nvt", "tweede", editor_a)
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/checklist/{item.pk}",
        {"status": "open", "note": "derde", "revision": state.revision},
        follow=True,
    )
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert trajectory.checklist.get(item=item).note == "tweede"


def test_it_refuses_ambitions_changed_since_the_form_was_opened(editor_a_client, editor_a, trajectory):
    url = f"/trajecten/{trajectory.pk}/ambities/GM0345"
    editor_a_client.post(url, AMBITION)
    ambition = trajectory.ambitions.get()
    assert f'name="revision" value="{ambition.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": ambition.revision}
    assert editor_a_client.post(url, AMBITION | {"kosten": "2"} | seen).status_code == 302
    response = editor_a_client.post(url, AMBITION | {"kosten": "5"} | seen)
    assert response.status_code == 400
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert trajectory.ambitions.get().kosten == 2


def test_an_unknown_step_comes_back_with_the_error_summary_and_changes_nothing(editor_a_client, trajectory):
    response = editor_a_client.post(f"/trajecten/{trajectory.pk}/stap", {"action": "opheffen"})
    assert response.status_code == 400
    assert Trajectory.objects.get(pk=trajectory.pk).state == "actief"
    summary = response.content.decode().split('id="error-summary"')[1].split("</div>")[0]
    assert "opheffen" in summary
