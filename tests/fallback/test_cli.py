# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur achtervang list | check <id> | simuleer <id>`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from .factories import make_agreement, make_service

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("achtervang", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def agreement():
    agreement = make_agreement(link_mbps=10)
    make_service(agreement, name="Zaaksysteem", daily_change_gb=108, rpo_hours=1)  # needs 30 Mbit/s
    return agreement


def test_it_lists_the_agreements(agreement):
    assert f"{agreement.pk}  Veenendaal - Rhenen (wederzijds), 10 Mbit/s" in run("list")


def test_it_checks_with_red_for_a_link_that_cannot_carry_the_rpo(agreement):
    output = run("check", str(agreement.pk))
    assert output.startswith("Veenendaal ⇄ Rhenen: niet haalbaar (rood)")
    assert "[  rood] replicatie · Zaaksysteem" in output


def test_it_checks_as_json_like_the_api(agreement, admin_user):
    from rest_framework.test import APIClient

    data = json.loads(run("check", str(agreement.pk), "--json"))
    client = APIClient()
    client.force_authenticate(admin_user)
    assert data == client.get(f"/api/v1/achtervangafspraken/{agreement.pk}/haalbaarheid").json()


def test_it_simulates(agreement):
    output = run("simuleer", str(agreement.pk))
    assert "Veenendaal valt uit: " in output and "Zaaksysteem" in output
    assert "Optimaal: geen volgorde haalt meer RTO's" in output
    data = json.loads(run("simuleer", str(agreement.pk), "--json"))
    assert data["richtingen"][0]["gepland"]["diensten"][0]["naam"] == "Zaaksysteem"
    assert data["richtingen"][0]["gepland"]["optimaliteit"] == "optimal"


def test_it_fails_in_dutch_for_an_unknown_agreement(db):
    with pytest.raises(CommandError, match="bestaat niet"):
        run("check", "999")
