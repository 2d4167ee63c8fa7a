# SPDX-License-Identifier: EUPL-1.2
"""procurement.services: groups, visibility per persona, filters and errors."""

import pytest

from goedebuur.accounts.models import User
from goedebuur.procurement import services
from goedebuur.profiles import services as profiles

from ..factories import RHENEN, UTRECHT, VEENENDAAL, make_cooperation, make_user
from .conftest import BURGERZAKEN, DOCUMENT, EDE, WAGENINGEN, ZAAK, months_from_today

pytestmark = pytest.mark.django_db


def find(user, **kwargs):
    return services.find_opportunities(user, services.OpportunityRequest(**kwargs))


def subjects(result):
    return [(g.subject, sorted(code for code, _name in g.municipalities)) for g in result.groups]


def test_it_finds_the_known_groups_for_an_administrator(landscapes, admin_user):
    result = find(admin_user)
    assert subjects(result) == [
        (ZAAK, sorted([VEENENDAAL, UTRECHT, RHENEN, "GM0339"])),
        (BURGERZAKEN, sorted([VEENENDAAL, UTRECHT])),  # € 50.000 per year
        (DOCUMENT, sorted([EDE, WAGENINGEN])),  # € 40.000 per year
    ]
    zaak = result.groups[0]
    assert zaak.known_value == 48_000 + 200_000 + 30_000
    assert zaak.unknown_value == 1 and zaak.hidden == 0
    assert zaak.window_start == months_from_today(10)
    assert all(c.visible for g in result.groups for c in g.contracts)
    assert result.all_visible
    assert "Veenendaal" in zaak.reason and "lopen af binnen 18 maanden" in zaak.reason


def test_a_municipal_user_sees_only_groups_of_their_municipality(landscapes, reader_a):
    result = find(reader_a)
    assert result.focus == (VEENENDAAL, "Veenendaal")
    assert [g.subject for g in result.groups] == [ZAAK, BURGERZAKEN]
    zaak = result.groups[0]
    by_code = {c.municipality_code: c for c in zaak.contracts}
    assert by_code[VEENENDAAL].visible and by_code[VEENENDAAL].yearly_cost == 48_000
    for code in (UTRECHT, RHENEN):
        assert not by_code[code].visible
        assert by_code[code].end_date is None and by_code[code].yearly_cost is None
    assert zaak.known_value == 48_000
    assert zaak.hidden == 3  # Utrecht, Rhenen, Renswoude
    assert zaak.window_start is None
    assert "200" not in zaak.reason


def test_editor_b_sees_their_own_costs_and_not_a(landscapes, editor_b):
    result = find(editor_b)
    assert [g.subject for g in result.groups] == [ZAAK, BURGERZAKEN]
    zaak = {c.municipality_code: c for c in result.groups[0].contracts}
    assert zaak[UTRECHT].yearly_cost == 200_000
    assert not zaak[VEENENDAAL].visible


def test_shared_contracts_are_visible_to_cooperation_members(landscapes, reader_a):
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN), name="ICT Rhenen-Veenendaal")
    from goedebuur.municipalities.models import Municipality

    profile = profiles.profile_for(Municipality.objects.get(code=RHENEN))
    profiles.save_profile(profile, None, share_contracts_with=[cooperation])
    zaak = find(reader_a).groups[0]
    by_code = {c.municipality_code: c for c in zaak.contracts}
    assert by_code[RHENEN].visible and by_code[RHENEN].yearly_cost == 30_000
    assert not by_code[UTRECHT].visible
    assert zaak.known_value == 48_000 + 30_000


def test_the_band_holds_the_hidden_end_dates(landscapes, reader_a):
    zaak = find(reader_a).groups[0]
    # Veenendaal's own end date (+10) is all reader A may see: the others lie within 18 months of it
    assert zaak.band_start == months_from_today(0)
    assert zaak.band_end == months_from_today(28)


def test_a_municipal_user_cannot_ask_for_another_municipality(landscapes, reader_a):
    with pytest.raises(services.OpportunityError) as error:
        find(reader_a, municipality=UTRECHT)
    assert error.value.field == "municipality"
    assert find(reader_a, municipality=VEENENDAAL).focus[0] == VEENENDAAL


def test_nobody_else_may_look(landscapes, db):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.NotAllowed):
        find(AnonymousUser())
    with pytest.raises(services.NotAllowed):
        find(make_user(None, User.Role.READER, username="zonder-gemeente"))


def test_a_region_limits_the_partners(landscapes, admin_user):
    # Utrecht (province Utrecht) is not in arbeidsmarktregio Food Valley; Veenendaal as the focus
    result = find(admin_user, municipality=VEENENDAAL, province="PV26")
    zaak = result.groups[0]
    assert EDE not in [c for c, _n in zaak.municipalities]
    assert UTRECHT in [c for c, _n in zaak.municipalities]
    result = find(admin_user, province="PV25")  # Gelderland: Ede and Wageningen
    assert subjects(result) == [(DOCUMENT, sorted([EDE, WAGENINGEN]))]


def test_supplier_mode(landscapes, admin_user):
    result = find(admin_user, mode="leverancier")
    centric = [g for g in result.groups if g.subject == "leverancier Centric"]
    assert len(centric) == 1
    # +20 Renswoude, +30 Veenendaal, +31 Utrecht (Burgerzaken) beats +10, +20
    assert sorted(c for c, _n in centric[0].municipalities) == sorted(["GM0339", VEENENDAAL, UTRECHT])


def test_window_and_horizon(landscapes, admin_user):
    assert [g.subject for g in find(admin_user, months=1).groups] == [BURGERZAKEN]
    assert [g.subject for g in find(admin_user, horizon=months_from_today(25)).groups] == [ZAAK]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"months": 0}, "months"),
        ({"months": 121}, "months"),
        ({"mode": "product"}, "mode"),
        ({"region": "arbeidsmarktregio:XX"}, "region"),
        ({"province": "PV99"}, "province"),
        ({"municipality": "GM9999"}, "municipality"),
        ({"horizon": months_from_today(-1)}, "horizon"),
    ],
)
def test_bad_input(kwargs, field, admin_user):
    with pytest.raises(services.OpportunityError) as error:
        find(admin_user, **kwargs)
    assert error.value.field == field


def test_timeline_and_csv(landscapes, reader_a):
    result = find(reader_a)
    timeline = services.timeline(result)
    assert len(timeline.rows) == 2
    assert [m.label.split(":")[0] for m in timeline.rows[0].marks] == ["Veenendaal"]
    rows = list(services.csv_rows(result))
    assert rows[0] == services.CSV_COLUMNS
    assert len(rows) == 1 + 4 + 2
    utrecht = next(r for r in rows[1:] if r[11] == UTRECHT and r[2] == ZAAK)
    assert utrecht[15] == utrecht[16] == "niet gedeeld"


def test_no_groups_no_timeline(admin_user):
    result = find(admin_user)
    assert result.groups == []
    assert services.timeline(result) is None
