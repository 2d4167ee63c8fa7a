# SPDX-License-Identifier: EUPL-1.2
"""On a phone (375 px wide) no main page scrolls sideways and no word is broken over two lines
(issue 20, item 7). A table wider than the screen scrolls inside its own box; that is allowed."""

import pytest

from goedebuur.accounts.models import User

from ..factories import VEENENDAAL, make_user
from .phone import PHONE, broken_words, overflow

PASSWORD = "telefoon-wachtwoord-1"

MAIN_PAGES = [
    "/",
    "/gemeenten",
    "/gemeenten/GM0340",
    "/gemeenten/GM0345/netwerk",
    "/samenwerkingen",
    "/samenwerkingen/ict-samenwerking-rhenen-veenendaal",
    "/matrix",
    "/kaart",
    "/kaart?provincie=PV26",
    "/partners?gemeente=GM0340",
    "/partners/vergelijk?a=GM0340&b=GM0345",
    "/clusters",
    "/achtervang-koppels",
    "/ervaringen",
    "/vragen",
    "/zoeken?q=migratie",
    "/over-de-gegevens",
    "/inloggen",
]
EDITOR_PAGES = [
    "/mijn-overzicht",
    "/gemeenten/GM0345/profiel",
    "/gemeenten/GM0345/landschap",
    "/inkoopkansen",
    "/trajecten",
    "/achtervang",
    "/samenwerkingen/nieuw",
    "/ervaringen/nieuw",
]


def _problems(page, paths):
    found = []
    for path in paths:
        response = page.goto(page.base_url + path)
        assert response.status == 200, f"{path}: HTTP {response.status}"
        wider = overflow(page)
        if wider:
            found.append(f"{path}: the page is {wider} px wider than the phone")
        broken = broken_words(page)
        if broken:
            found.append(f"{path}: words broken over two lines: {', '.join(sorted(set(broken))[:8])}")
    return found


def test_no_main_page_scrolls_sideways_or_breaks_a_word_on_a_phone(page):
    page.set_viewport_size(PHONE)
    found = _problems(page, MAIN_PAGES)
    make_user(VEENENDAAL, User.Role.EDITOR, username="telefoon", password=PASSWORD)
    page.goto(page.base_url + "/inloggen")
    page.get_by_label("Gebruikersnaam").fill("telefoon")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("telefoon · Veenendaal").wait_for()
    found += _problems(page, EDITOR_PAGES)
    assert not found, "\n".join(found)


pytestmark = pytest.mark.e2e
