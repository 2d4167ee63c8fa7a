# SPDX-License-Identifier: EUPL-1.2
"""goedebuur businesscase case.toml [--draws] [--seed] [--json] [--pdf]"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "businesscase-voorbeeld.toml"

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("businesscase", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_prints_the_outcome_per_municipality(tmp_path):
    out, _err = run(str(EXAMPLE), "--draws", "2000")
    assert "ICT-samenwerking Rhenen en Veenendaal (zwaar)" in out
    assert "Rhenen" in out and "Veenendaal" in out and "Alle gemeenten samen" in out
    assert "Concept: nog niet bevestigde verborgen kosten" in out


def test_json_and_pdf_are_reproducible_with_the_same_seed(tmp_path):
    first_pdf, second_pdf = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first, _ = run(str(EXAMPLE), "--draws", "3000", "--seed", "4", "--json", "--pdf", str(first_pdf))
    second, _ = run(str(EXAMPLE), "--draws", "3000", "--seed", "4", "--json", "--pdf", str(second_pdf))
    assert first == second
    assert first_pdf.read_bytes() == second_pdf.read_bytes() and first_pdf.read_bytes().startswith(b"%PDF")
    body = json.loads(first)
    assert body["trekkingen"] == 3000 and body["seed"] == 4
    assert [m["code"] for m in body["gemeenten"]] == ["GM0340", "GM0345"]
    other, _ = run(str(EXAMPLE), "--draws", "3000", "--seed", "5", "--json")
    assert json.loads(other)["totaal"]["ncwP50"] != body["totaal"]["ncwP50"]


def test_a_bad_file_is_refused_with_every_problem_in_dutch(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'naam = "x"\nhorizon = 0\n[[gemeente]]\ncode = "GM0340"\ninwoners = -4\n', encoding="utf-8"
    )
    with pytest.raises(CommandError) as error:
        run(str(bad))
    text = str(error.value)
    assert "De horizon moet 1 tot en met 30 jaar zijn." in text
    assert "Het aantal inwoners van Rhenen kan niet negatief zijn." in text
    assert "Kies ten minste twee verschillende gemeenten." in text
    with pytest.raises(CommandError, match="Kan .* niet lezen"):
        run(str(tmp_path / "missing.toml"))


def test_a_file_that_is_not_utf8_is_refused_with_a_dutch_message(tmp_path):
    """Issue 18: a Windows-1252 file gave a traceback."""
    legacy = tmp_path / "oud.toml"
    legacy.write_bytes('naam = "x"\n# één\n'.encode("cp1252"))
    with pytest.raises(CommandError) as error:
        run(str(legacy))
    assert "Het bestand is niet opgeslagen als UTF-8 (regel 2)" in str(error.value)


def test_unknown_keys_are_refused_with_their_names(tmp_path):
    """Issue 18: a typo such as `ict_kosen` was ignored silently (the benchmark took its place)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("ict_kosten = 1900000", "ict_kosen = 1900000").replace(
        "seed = 1", "seed = 1\nzaad = 2"
    )
    text += "\n[verborgen_kosten.netwerk]\nlaag = 1\nwaarschijnlijk = 2\nhoog = 3\nbevestigt = true\n"
    typo = tmp_path / "typo.toml"
    typo.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(str(typo))
    message = str(error.value)
    assert "gemeente.0: onbekende sleutel(s) ict_kosen. Bekend zijn: aandeel, bron, code" in message
    assert "case: onbekende sleutel(s) zaad." in message
    assert "verborgen_kosten.netwerk: onbekende sleutel(s) bevestigt." in message


def test_without_pango_the_pdf_option_fails_with_a_dutch_reason_and_writes_nothing(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    target = tmp_path / "rapport.pdf"
    with pytest.raises(CommandError, match="Pango ontbreekt"):
        run(str(EXAMPLE), "--draws", "500", "--pdf", str(target))
    assert not target.exists()
