# SPDX-License-Identifier: EUPL-1.2
"""An editor of Veenendaal searches for a lesson, filters by phase and opens it, then asks a
question; an editor of Utrecht answers it; the asker accepts the answer."""

from playwright.sync_api import expect

from goedebuur.accounts.models import User
from goedebuur.experiences.models import Question

from ..experiences.factories import make_lesson
from ..factories import UTRECHT, VEENENDAAL, make_user

PASSWORD = "journey-wachtwoord-1"


def _login(page, username):
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def _logout(page):
    page.get_by_role("button", name="Uitloggen").click()


def test_a_user_finds_a_lesson_asks_a_question_and_accepts_another_municipalitys_answer(page):
    asker = make_user(VEENENDAAL, User.Role.EDITOR, username="redacteur-veenendaal", password=PASSWORD)
    make_user(UTRECHT, User.Role.EDITOR, username="redacteur-utrecht", password=PASSWORD)
    make_lesson(asker, title="Migratie van het zaaksysteem liep uit", body="De migratie kostte zeven maanden.",
                phase="inrichten")  # fmt: skip
    make_lesson(asker, title="Verkenning van de migratie", body="Eerst de landschappen naast elkaar.",
                phase="verkennen")  # fmt: skip

    _login(page, "redacteur-veenendaal")
    page.get_by_role("link", name="Ervaringen", exact=True).first.click()
    page.get_by_role("link", name="Zoeken", exact=True).click()
    page.get_by_label("Zoekwoorden").fill("migraties")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status").first).to_contain_text("2 resultaten")
    expect(page.locator("mark").first).to_have_text("migratie", ignore_case=True)

    page.get_by_role("complementary").get_by_role("link", name="Inrichten").click()
    expect(page.get_by_role("status").first).to_contain_text("1 resultaat")
    page.get_by_role("link", name="Migratie van het zaaksysteem liep uit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Migratie van het zaaksysteem liep uit")

    page.get_by_role("link", name="Vragen", exact=True).click()
    page.get_by_role("link", name="Vraag stellen").click()
    page.get_by_label("Uw vraag").fill("Hoe begrootten jullie de migratie van het zaaksysteem?")
    page.get_by_label("Fase").select_option("inrichten")
    page.get_by_role("button", name="Vraag plaatsen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw vraag is geplaatst.")
    question_url = page.url
    _logout(page)

    _login(page, "redacteur-utrecht")
    page.goto(question_url)
    page.get_by_label("Uw antwoord").fill(
        "Per koppeling en per zaaktype, plus dubbele licenties tot de einddatum."
    )
    page.get_by_role("button", name="Antwoord plaatsen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw antwoord is geplaatst.")
    expect(page.get_by_role("button", name="Accepteren als antwoord")).to_have_count(0)
    _logout(page)

    _login(page, "redacteur-veenendaal")
    page.goto(question_url)
    answer = page.get_by_role("article", name="Antwoord van Utrecht")
    answer.get_by_role("button", name="Accepteren als antwoord").click()
    expect(page.get_by_role("status")).to_contain_text("Het antwoord is geaccepteerd.")
    expect(page.get_by_role("article", name="Antwoord van Utrecht")).to_contain_text("Geaccepteerd antwoord")
    assert Question.objects.get().accepted_answer.municipality.code == UTRECHT
