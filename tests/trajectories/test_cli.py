# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur trajecten`: the list with blockers, JSON, and document outlines."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from .factories import make_trajectory


def run(*args):
    out = io.StringIO()
    call_command("trajecten", *args, stdout=out)
    return out.getvalue()


def test_it_lists_trajectories_with_what_blocks_them(db):
    trajectory = make_trajectory()
    text = run()
    assert f"{trajectory.pk:>4}  ICT-samenwerking Vallei — verkennen (actief), GM0340, GM0345" in text
    assert "- Er is nog geen go-besluit vastgelegd" in text
    rows = json.loads(run("--json", "--gemeente", "gm0340"))
    assert [r["id"] for r in rows] == [trajectory.pk]
    assert json.loads(run("--json", "--gemeente", "GM0344")) == []


def test_it_writes_a_docx_outline(db, tmp_path):
    trajectory = make_trajectory()
    target = tmp_path / "intentie.docx"
    run("--document", str(trajectory.pk), "intentieverklaring", "--formaat", "docx", "--uit", str(target))
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "gemeente Rhenen (CBS-code GM0340)" in text


def test_it_refuses_unknown_documents_and_trajectories(db):
    trajectory = make_trajectory()
    with pytest.raises(CommandError, match="Onbekende soort"):
        run("--document", str(trajectory.pk), "testament")
    with pytest.raises(CommandError, match="bestaat niet"):
        run("--document", "999", "dvo")
    with pytest.raises(CommandError, match="--uit"):
        run("--document", str(trajectory.pk), "dvo", "--formaat", "docx")
