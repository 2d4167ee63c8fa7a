# SPDX-License-Identifier: EUPL-1.2
"""Known cases on the demo landscapes (profiles.demo: Rhenen, Veenendaal, Renswoude, Ede,
Wageningen, Utrechtse Heuvelrug; most contracts end in 2027-2028). `today` is pinned to
1 January 2026 so that the cases do not change as time passes."""

import datetime as dt

import pytest

from goedebuur.procurement import services
from goedebuur.profiles.demo import SEED_COOPERATION, load_demo_profiles

from ..factories import RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 1, 1)
ALL_SIX = ["GM0228", "GM0289", "GM0339", "GM0340", "GM0345", "GM1581"]


@pytest.fixture
def demo(db):
    # the seed cooperation Rhenen and Veenendaal share their contracts with
    make_cooperation(members=(VEENENDAAL, RHENEN), name=SEED_COOPERATION)
    load_demo_profiles()


def find(user, **kwargs):
    return services.find_opportunities(user, services.OpportunityRequest(today=TODAY, **kwargs))


def codes(group):
    return sorted(code for code, _name in group.municipalities)


def test_the_whole_country_for_an_administrator(demo, admin_user):
    result = find(admin_user)
    assert result.contracts_considered == 88 and result.municipalities_considered == 6
    first, second = result.groups[:2]
    assert first.subject == "Kantoorautomatiseringcomponent"
    assert codes(first) == ALL_SIX
    assert first.known_value == 210_000 + 64_000 + 19_000 + 380_000 + 125_000 + 150_000
    assert second.subject == "Zaakregistratiecomponent, Generiek zaakafhandelcomponent"  # same contracts
    assert second.known_value == 96_000 + 31_000 + 9_000 + 160_000 + 58_000 + 62_000
    assert first.reason.startswith(
        "Ede, Renswoude, Rhenen, Utrechtse Heuvelrug, Veenendaal en Wageningen: hun contracten voor "
        "‘Kantoorautomatiseringcomponent’ lopen af binnen 18 maanden van elkaar. Samen € 948.000 per jaar."
    )
    assert all(c.is_demo for g in result.groups for c in g.contracts)
    sizes = [g.size for g in result.groups]
    assert sizes == sorted(sizes, reverse=True)


def test_veenendaal_sees_rhenen_through_their_cooperation(demo, reader_a):
    result = find(reader_a)
    office = result.groups[0]
    assert office.subject == "Kantoorautomatiseringcomponent"
    visible = sorted(c.municipality_code for c in office.contracts if c.visible)
    assert visible == [RHENEN, VEENENDAAL]
    assert office.known_value == 210_000 + 64_000
    assert office.hidden == 4
    assert all(VEENENDAAL in codes(g) for g in result.groups)


def test_a_narrow_window_keeps_rhenen_and_veenendaal_together(demo, editor_a):
    # they bought together: the same end dates
    result = find(editor_a, months=1)
    zaak = next(g for g in result.groups if "Zaakregistratiecomponent" in g.subject)
    assert codes(zaak) == [RHENEN, VEENENDAAL]
    assert (zaak.window_start, zaak.window_end) == (dt.date(2027, 6, 30), dt.date(2027, 7, 30))


def test_by_supplier(demo, admin_user):
    result = find(admin_user, mode="leverancier")
    assert result.groups[0].subject == "leverancier Noordkaap Cloud"
    assert codes(result.groups[0]) == ALL_SIX


def test_a_region_without_the_utrecht_municipalities(demo, admin_user):
    result = find(admin_user, province="PV25")  # Gelderland: Ede and Wageningen
    assert result.groups and all(codes(g) == ["GM0228", "GM0289"] for g in result.groups)


def test_ede_in_the_cli(demo, capsys):
    from django.core.management import call_command

    call_command("inkoopkansen", "--gemeente", "GM0228", "--horizon", "2030-01-01")
    out = capsys.readouterr().out
    assert "inkoopkansen met Ede" in out and "(demo)" in out
