# SPDX-License-Identifier: EUPL-1.2
"""A visitor opens pages that show a text of one unbroken word as long as its field allows: the page
does not grow wider than the window (issue 18, item 8: a 100,000-character string made `/ervaringen`,
the lesson page and `/zoeken` about 800,000 px wide)."""

import pytest

from goedebuur.experiences.models import BODY_MAX

from ..experiences.factories import make_lesson
from ..factories import VEENENDAAL, make_user

WIDTH = "document.documentElement.scrollWidth"


def test_a_very_long_word_wraps_instead_of_widening_the_page(page):
    author = make_user(VEENENDAAL, username="lange-woorden")
    lesson = make_lesson(author, title="Z" * 200, body="zaaksysteem" + "w" * (BODY_MAX - 11))
    for path in ("/ervaringen", f"/ervaringen/{lesson.pk}", "/zoeken?q=zaaksysteem"):
        page.goto(page.base_url + path)
        window = page.evaluate("window.innerWidth")
        assert page.evaluate(WIDTH) <= window, path


pytestmark = pytest.mark.e2e
