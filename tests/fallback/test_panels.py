# SPDX-License-Identifier: EUPL-1.2
import pytest

from .factories import make_agreement

pytestmark = pytest.mark.django_db


def test_a_party_sees_a_link_to_its_agreement(editor_a_client):
    agreement = make_agreement()
    page = editor_a_client.get("/gemeenten/GM0345").content.decode()
    assert f'href="/achtervang/{agreement.pk}"' in page and "Achtervang met Rhenen" in page


def test_another_municipality_sees_the_partner_but_no_link(editor_b_client):
    agreement = make_agreement()
    page = editor_b_client.get("/gemeenten/GM0345").content.decode()
    assert "Achtervang met Rhenen: tests niet actueel" in page
    assert f"/achtervang/{agreement.pk}" not in page


def test_anonymous_visitors_see_nothing_of_it(anonymous_client):
    make_agreement()
    assert "Achtervang met" not in anonymous_client.get("/gemeenten/GM0345").content.decode()
