# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur clusters` and `goedebuur achtervang-koppels` (a command name with a hyphen)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_prints_groups_for_a_province(db):
    output = run("clusters", "--area", "PV26", "--min", "2", "--max", "8")
    assert output.startswith("Utrecht: 26 gemeenten in")
    assert "Veenendaal" in output


def test_it_prints_json_like_the_api(db):
    data = json.loads(run("clusters", "--area", "PV29", "--min", "2", "--max", "8", "--json"))
    assert data["gebied"]["code"] == "PV29"
    assert sum(g["aantalGemeenten"] for g in data["groepen"]) == 13
    assert all(2 <= g["aantalGemeenten"] <= 8 for g in data["groepen"])


def test_it_fails_with_a_dutch_message_on_infeasible_bounds(db):
    with pytest.raises(CommandError, match="niet in groepen te verdelen"):
        run("clusters", "--area", "PV29", "--min", "5", "--max", "6")


def test_it_prints_fallback_pairs(db):
    output = run("achtervang-koppels", "--min-km", "5", "--max-km", "40", "--area", "PV29")
    assert output.startswith("Zeeland:")
    assert "paar" in output


def test_it_prints_fallback_pairs_as_json(db):
    data = json.loads(
        run("achtervang-koppels", "--min-km", "5", "--max-km", "40", "--area", "PV26", "--json")
    )
    assert all(5 <= km <= 40 for k in data["koppels"] for km in k["afstandKm"])
