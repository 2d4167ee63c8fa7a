# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

from django.contrib.auth.models import AnonymousUser

from goedebuur.cooperations.models import Membership
from goedebuur.profiles.permissions import (
    can_edit_profile,
    can_view_contracts,
    can_view_landscape,
    contract_visible_municipality_ids,
)


def test_landscape_visibility(reader_a, editor_b, admin_user, db):
    assert not can_view_landscape(AnonymousUser())
    assert can_view_landscape(reader_a) and can_view_landscape(editor_b) and can_view_landscape(admin_user)


def test_contracts_visible_to_own_municipality_and_admin_only(
    veenendaal, reader_a, editor_a, editor_b, admin_user
):
    assert not can_view_contracts(AnonymousUser(), veenendaal)
    assert can_view_contracts(reader_a, veenendaal) and can_view_contracts(editor_a, veenendaal)
    assert can_view_contracts(admin_user, veenendaal)
    assert not can_view_contracts(editor_b, veenendaal)
    assert contract_visible_municipality_ids(editor_b) == {editor_b.municipality_id}
    assert contract_visible_municipality_ids(admin_user) is None
    assert contract_visible_municipality_ids(AnonymousUser()) == set()


def test_contracts_shared_with_current_cooperation_members(
    veenendaal, rhenen, shared_cooperation, partner_reader
):
    assert can_view_contracts(partner_reader, veenendaal)
    assert contract_visible_municipality_ids(partner_reader) == {rhenen.pk, veenendaal.pk}
    # sharing is one-way: Rhenen did not share its contracts with Veenendaal
    from goedebuur.accounts.models import User

    assert not can_view_contracts(User.objects.get(username="editor-a"), rhenen)


def test_a_member_that_left_no_longer_sees_shared_contracts(veenendaal, shared_cooperation, partner_reader):
    Membership.objects.filter(
        cooperation=shared_cooperation, municipality=partner_reader.municipality
    ).update(left_on=dt.date(2026, 1, 1))
    assert not can_view_contracts(partner_reader, veenendaal)
    assert contract_visible_municipality_ids(partner_reader) == {partner_reader.municipality_id}


def test_edit_permission(veenendaal, reader_a, editor_a, editor_b, admin_user):
    assert can_edit_profile(editor_a, veenendaal) and can_edit_profile(admin_user, veenendaal)
    assert not can_edit_profile(reader_a, veenendaal)
    assert not can_edit_profile(editor_b, veenendaal)
    assert not can_edit_profile(AnonymousUser(), veenendaal)
