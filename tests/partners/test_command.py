# SPDX-License-Identifier: EUPL-1.2
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command("partners", *args, stdout=out)
    return out.getvalue()


def test_it_prints_the_top_partners_as_a_table():
    text = _run("GM0340", "--top", "10")
    assert "Partners voor Rhenen (GM0340)" in text
    lines = [line for line in text.splitlines() if line[:3].strip().isdigit()]
    assert len(lines) == 10
    assert "Veenendaal" in "".join(lines[:3])


def test_it_prints_json():
    data = json.loads(_run("GM0340", "--top", "3", "--json"))
    assert data["gemeente"] == {"code": "GM0340", "naam": "Rhenen"}
    assert len(data["kandidaten"]) == 3
    assert data["kandidaten"][0]["criteria"]["distance"]["toelichting"]


def test_it_takes_weights_and_filters():
    data = json.loads(
        _run("GM0340", "--json", "--weight-distance", "100", "--weight-shared-regions", "0", "--max-km", "20")
    )
    assert data["gewichten"]["gewichtAfstand"] == 100
    assert all(c["afstandKm"] <= 20 for c in data["kandidaten"])


def test_it_rejects_unknown_codes_and_bad_weights():
    with pytest.raises(CommandError):
        _run("GM9999")
    with pytest.raises(CommandError):
        _run("GM0340", "--weight-size", "500")


def test_it_explains_when_there_is_nothing_to_rank():
    with pytest.raises(CommandError, match="Geen enkele gemeente voldoet aan de filters"):
        _run("GM0340", "--max-km", "0.5")
    zero = [
        arg
        for key in ("shared-regelingen", "shared-regions", "distance", "shared-border", "size", "council")
        for arg in (f"--weight-{key}", "0")
    ]
    with pytest.raises(CommandError, match="alleen zichtbaar voor ingelogde"):
        _run("GM0340", *zero)
