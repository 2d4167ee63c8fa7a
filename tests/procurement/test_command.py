# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur inkoopkansen`: administrator visibility, filters, JSON as the API, errors."""

import json

import pytest
from django.core.management import CommandError, call_command

from ..factories import VEENENDAAL
from .conftest import BURGERZAKEN, DOCUMENT, ZAAK

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("inkoopkansen", *args, stdout=out)
    return out.getvalue()


def test_it_lists_every_group_with_all_details(landscapes):
    out = run()
    assert out.startswith("3 inkoopkansen, partners in Nederland, venster 18 maanden")
    assert f"1. {ZAAK}" in out and DOCUMENT in out
    assert "€ 200000" in out and "niet gedeeld" not in out


def test_it_filters_on_municipality_region_and_window(landscapes):
    out = run("--gemeente", VEENENDAAL, "--venster", "1")
    assert out.startswith("1 inkoopkansen met Veenendaal") and BURGERZAKEN in out
    out = run("--regio", "PV25")
    assert "partners in Gelderland" in out and DOCUMENT in out and ZAAK not in out


def test_it_prints_json_as_the_api(landscapes):
    body = json.loads(run("--json", "--modus", "leverancier"))
    assert body["modus"] == "leverancier"
    assert body["inkoopkansen"][0]["onderwerpen"][0]["naam"] == "Centric"
    assert all(c["gedeeld"] for g in body["inkoopkansen"] for c in g["contracten"])


def test_it_reports_bad_input(db):
    with pytest.raises(CommandError, match="regio"):
        run("--regio", "corop:XX")
    with pytest.raises(CommandError, match="venster"):
        run("--venster", "0")


def test_its_help_says_it_shows_everything():
    from goedebuur.procurement.management.commands.inkoopkansen import Command

    assert "beheerderszicht" in Command.help
