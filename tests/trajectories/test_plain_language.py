# SPDX-License-Identifier: EUPL-1.2
"""Issue 20, item 7: the jargon of the trajectory pages (go/no-go, DVO, GR, Wgr, vier K's, BIO,
centrumgemeente, nulmeting, ...) is explained where it appears, from the one glossary
(goedebuur.common.glossary) through the "Wat betekent dit?" blocks."""

import re
from html import unescape

import pytest

from goedebuur.cooperations.models import CooperationForm
from goedebuur.trajectories import services

from .factories import make_trajectory


def explained(html: str) -> list[str]:
    """The terms of every "Wat betekent dit?" block on the page, in order."""
    blocks = re.findall(r'<details class="uitleg">.*?</details>', html, re.S)
    return [unescape(term) for block in blocks for term in re.findall(r"<dt>(.*?)</dt>", block)]


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


@pytest.fixture
def trajectory(db):
    return make_trajectory(intended_form=CooperationForm.objects.get(code="wgr-centrumregeling"))


def test_the_trajectory_page_explains_the_terms_of_the_checklist_per_phase(editor_a_client, trajectory):
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    checklist = section(page, "checklist")
    phases = checklist.split("<details id=")[1:]
    verkennen, intentie, overeenkomen, inrichten = (explained("<details id=" + p) for p in phases[:4])
    assert "nulmeting" in verkennen
    assert {"vier K's", "DVO", "GR", "intentieverklaring"} <= set(intentie)
    assert {"verdeelsleutel", "AVG", "BIO", "GR"} <= set(overeenkomen)
    assert {"RTO", "RPO", "BIO"} <= set(inrichten)


def test_the_intended_form_decisions_and_documents_say_what_their_words_mean(editor_a_client, trajectory):
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    header = page.split("Waar staan we?")[0]
    assert {"Wgr", "centrumgemeente"} <= set(explained(header))
    assert "go/no-go" in explained(section(page, "besluiten"))
    assert {"intentieverklaring", "DVO"} <= set(explained(section(page, "documenten")))
    assert "vier K's" in explained(section(page, "ambities"))
    assert "Kwaliteit, minder meerKosten, Kwetsbaarheid verlagen en Kansen voor personeel" in page


def test_what_blocks_the_next_step_explains_the_go_decision(editor_a_client, trajectory):
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert "go/no-go" in explained(page.split('id="volgende-stap"')[1].split("</section>")[0])


def test_the_list_the_ambitions_and_the_settings_explain_their_terms(editor_a_client, trajectory):
    assert "go/no-go" in explained(editor_a_client.get("/trajecten").content.decode())
    ambitions = editor_a_client.get(f"/trajecten/{trajectory.pk}/ambities/GM0345").content.decode()
    assert "vier K's" in explained(ambitions)
    settings = editor_a_client.get(f"/trajecten/{trajectory.pk}/bewerken").content.decode()
    assert {"GR", "Wgr", "DVO", "centrumgemeente"} <= set(explained(settings))


def test_the_public_summary_explains_the_intended_form(client, editor_a, trajectory):
    services.update_trajectory(trajectory, None, public_summary=True)
    page = client.get(trajectory.get_absolute_url()).content.decode()
    assert "Openbare samenvatting" in page and {"Wgr", "centrumgemeente"} <= set(explained(page))
