# SPDX-License-Identifier: EUPL-1.2
"""Document outlines: the DOCX opens (python-docx reads it back) and holds the partners and key
terms; the Markdown version says it is an outline, not legal advice."""

import io

import pytest
from docx import Document

from goedebuur.trajectories import documents, services

from ..factories import RHENEN, VEENENDAAL
from .factories import make_trajectory, municipality, scores


@pytest.fixture
def trajectory(db):
    trajectory = make_trajectory(name="Samen sterk in ICT")
    services.save_ambition(
        trajectory, municipality(VEENENDAAL), scores(kwaliteit=5, must_haves="Eigen helpdesk"), None
    )
    return trajectory


def text_of(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_letter_of_intent_opens_and_names_the_partners(editor_a_client, trajectory):
    response = editor_a_client.get(f"/trajecten/{trajectory.pk}/documenten/intentieverklaring.docx")
    assert response.status_code == 200
    assert 'filename="intentieverklaring-samen-sterk-in-ict.docx"' in response["Content-Disposition"]
    text = text_of(response.content)
    assert "Intentieverklaring" in text
    assert f"gemeente Veenendaal (CBS-code {VEENENDAAL})" in text
    assert f"gemeente Rhenen (CBS-code {RHENEN})" in text
    assert "Kwaliteit: Rhenen 3, Veenendaal 5 (0-5)" not in text  # only Veenendaal filled in
    assert "Kwaliteit: Veenendaal 5 (0-5)" in text
    assert "Harde eisen van Veenendaal: Eigen helpdesk." in text
    assert "Samenwerkingsovereenkomst" in text  # the intended form
    assert "geen juridisch advies" in text


def test_the_agreement_outline_has_the_sections_a_municipality_needs(trajectory):
    text = text_of(documents.to_docx(documents.outline(trajectory, "samenwerkingsovereenkomst")))
    for heading in (
        "Partijen",
        "Onderwerp en reikwijdte",
        "Governance",
        "Kostenverdeling",
        "Looptijd en uittreding",
        "Gegevensbescherming en informatiebeveiliging",
        "Achtervang en uitwijk",
    ):
        assert heading in text, heading
    assert "Infrastructuur" in text


def test_the_dvo_outline_in_markdown_says_it_is_no_legal_advice(editor_a_client, trajectory):
    response = editor_a_client.get(f"/trajecten/{trajectory.pk}/documenten/dvo.md")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/markdown")
    assert body.startswith("# Dienstverleningsovereenkomst (DVO, opzet)")
    assert "Het is geen juridisch advies" in body
    assert "## 4. Diensten en serviceniveaus" in body


def test_an_unknown_document_is_a_404(editor_a_client, trajectory):
    assert editor_a_client.get(f"/trajecten/{trajectory.pk}/documenten/testament.docx").status_code == 404
    assert editor_a_client.get(f"/trajecten/{trajectory.pk}/documenten/dvo.pdf").status_code == 404
