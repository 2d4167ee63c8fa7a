# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur deelnemers`: the open invitations and removals, and an operator's decision (with an
administrator's authority) — the same rules and Dutch refusals as page and API."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from goedebuur.cooperations import services
from goedebuur.cooperations.models import Membership
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, UTRECHT, VEENENDAAL, make_cooperation, make_user

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("deelnemers", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def invited():
    cooperation = make_cooperation(user=None, members=(RHENEN, VEENENDAAL), name="ICT Rhenen-Veenendaal")
    values = services.input_from(cooperation)
    values.members.append(services.MemberInput(Municipality.objects.get(code=UTRECHT)))
    services.save_cooperation(values, make_user(RHENEN, username="editor-rhenen"), instance=cooperation)
    return cooperation


def _members(cooperation):
    return sorted(
        Membership.objects.filter(cooperation=cooperation).values_list("municipality__code", flat=True)
    )


def test_it_lists_what_waits_and_for_whom(invited):
    assert run() == (
        f"{invited.slug}: uitnodiging van Utrecht ({UTRECHT}), voorgesteld door {RHENEN} — "
        f"wacht op: {UTRECHT}, {VEENENDAAL}\n"
    )
    assert run("--gemeente", RHENEN) == "Niets wacht op instemming.\n"
    (row,) = json.loads(run("--json", "--samenwerking", invited.slug))
    assert (
        row["samenwerking"] == invited.slug
        and row["soort"] == "toetreden"
        and row["wachtOp"] == [UTRECHT, VEENENDAAL]
    )


def test_an_operator_decides_at_once(invited):
    assert run("--accepteren", invited.slug, UTRECHT.lower()) == "Uitnodiging van Utrecht: aanvaard.\n"
    assert _members(invited) == [RHENEN, UTRECHT, VEENENDAAL]
    assert services.versions(invited).first().user is None


def test_it_refuses_what_cannot_be_decided_with_the_services_sentence(invited):
    with pytest.raises(CommandError, match="Voor Rhenen staat bij dit samenwerkingsverband geen uitnodiging"):
        run("--weigeren", invited.slug, RHENEN)
    with pytest.raises(CommandError, match="bestaat niet"):
        run("--accepteren", "bestaat-niet", UTRECHT)
    with pytest.raises(CommandError, match="Gemeente GM9999 bestaat niet"):
        run("--accepteren", invited.slug, "GM9999")
    assert _members(invited) == [RHENEN, VEENENDAAL]
