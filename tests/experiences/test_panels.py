# SPDX-License-Identifier: EUPL-1.2
"""What other pages show of experience sharing: the trajectory page ("wat anderen in deze fase
leerden"), the municipality page (its contributions) and the cooperation page (its lessons)."""

import pytest

from goedebuur.experiences import services
from goedebuur.experiences.models import Lesson, Visibility

from ..trajectories.factories import make_trajectory
from .factories import make_lesson, make_question

pytestmark = pytest.mark.django_db


def test_a_trajectory_page_shows_what_others_learned_in_its_phase(editor_a, editor_b, editor_a_client):
    trajectory = make_trajectory()  # Veenendaal + Rhenen, phase 'verkennen'
    make_lesson(editor_b, title="Verkenning: begin met het landschap", phase="verkennen")
    make_lesson(editor_b, title="Inrichting: migreer later", phase="inrichten")
    make_lesson(editor_b, title="Interne verkenning", phase="verkennen", visibility=Visibility.MUNICIPAL)
    make_question(editor_b, title="Hoe begonnen jullie de verkenning?", phase="verkennen")
    html = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "Wat anderen in deze fase leerden" in html
    assert "Verkenning: begin met het landschap" in html and "Hoe begonnen jullie de verkenning?" in html
    assert "Interne verkenning" in html
    assert "Inrichting: migreer later" not in html
    assert "/ervaringen?fase=verkennen" in html


def test_a_lesson_about_a_trajectory_takes_its_phase_and_links_to_it(
    editor_a, editor_a_client, editor_b_client
):
    trajectory = make_trajectory()
    response = editor_a_client.post(
        "/ervaringen/nieuw",
        {"title": "Onze verkenning", "body": "Tekst", "visibility": "openbaar", "trajectory": trajectory.pk},
    )
    lesson = Lesson.objects.get()
    assert response.status_code == 302 and lesson.trajectory == trajectory and lesson.phase == "verkennen"
    assert trajectory.get_absolute_url() in editor_a_client.get(lesson.get_absolute_url()).content.decode()
    # Utrecht does not take part: the lesson is public, the trajectory stays out of sight
    assert (
        trajectory.get_absolute_url() not in editor_b_client.get(lesson.get_absolute_url()).content.decode()
    )


def test_a_user_cannot_link_a_trajectory_they_do_not_take_part_in(editor_b_client):
    trajectory = make_trajectory()
    response = editor_b_client.post(
        "/ervaringen/nieuw",
        {"title": "x", "body": "y", "visibility": "openbaar", "trajectory": trajectory.pk},
    )
    assert response.status_code == 200 and not Lesson.objects.exists()


def test_a_municipality_page_shows_its_visible_contributions(editor_a, anonymous_client, editor_b_client):
    make_lesson(editor_a, title="Openbare les van Veenendaal")
    make_lesson(editor_a, title="Interne les van Veenendaal", visibility=Visibility.MUNICIPAL)
    anonymous = anonymous_client.get("/gemeenten/GM0345").content.decode()
    assert "Openbare les van Veenendaal" in anonymous and "Interne les van Veenendaal" not in anonymous
    assert "Interne les van Veenendaal" in editor_b_client.get("/gemeenten/GM0345").content.decode()


def test_a_cooperation_page_offers_to_follow_it(cooperation, editor_b, editor_b_client):
    html = editor_b_client.get(cooperation.get_absolute_url()).content.decode()
    assert "Testverband Vallei volgen" in html
    editor_b_client.post(
        "/ervaringen/volgen/wissel",
        {"soort": "samenwerking", "waarde": cooperation.slug, "next": cooperation.get_absolute_url()},
    )
    assert services.is_following(editor_b, cooperation=cooperation)
    assert (
        "Testverband Vallei niet meer volgen"
        in editor_b_client.get(cooperation.get_absolute_url()).content.decode()
    )


def test_the_dashboard_lists_own_questions_waiting_for_an_accepted_answer(
    editor_a, editor_b, editor_a_client
):
    from .factories import make_answer

    waiting = make_question(editor_a, title="Wachtende vraag")
    make_answer(waiting, editor_b)
    make_question(editor_a, title="Nog onbeantwoord")
    html = editor_a_client.get("/mijn-overzicht").content.decode()
    assert (
        "Uw vragen met antwoorden" in html
        and "Wachtende vraag" in html
        and "1 antwoord; kies het beste" in html
    )
    assert "Nog onbeantwoord" not in html
