# SPDX-License-Identifier: EUPL-1.2
""" "Your own municipality must be a party" is a rule of the service: the page and the API refuse the
same input with the same Dutch sentence on the same field (the CLI cannot create agreements)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from goedebuur.fallback import services
from goedebuur.fallback.models import Agreement
from goedebuur.municipalities.models import Municipality

from .test_views import agreement_post

pytestmark = pytest.mark.django_db
MESSAGE = "Uw eigen gemeente moet een van beide partijen zijn."
OTHERS = ("GM0344", "GM0340")  # Utrecht and Rhenen; the editor is of Veenendaal (GM0345)


def _others():
    return [Municipality.objects.get(code=code) for code in OTHERS]


def test_the_service_refuses_an_agreement_between_two_other_municipalities(editor_a):
    a, b = _others()
    agreement = Agreement(
        party_a=a,
        party_b=b,
        link_type="donkere-vezel",
        link_mbps=1000,
        start_date=dt.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as refused:
        services.save_agreement(agreement, editor_a)
    assert refused.value.message_dict == {"party_a": [MESSAGE]}
    assert not Agreement.objects.exists()


def test_the_page_shows_the_refusal_of_the_service_on_party_a(editor_a_client):
    a, b = _others()
    response = editor_a_client.post("/achtervang/nieuw", agreement_post(party_a=a.pk, party_b=b.pk))
    assert response.status_code == 400
    assert response.context["form"].errors["party_a"] == [MESSAGE]
    assert not Agreement.objects.exists()


def test_the_api_shows_the_same_refusal_on_gemeente_a(editor_a):
    client = APIClient()
    client.force_authenticate(editor_a)
    body = {
        "gemeenteA": OTHERS[0],
        "gemeenteB": OTHERS[1],
        "verbinding": "donkere-vezel",
        "bandbreedteMbps": 1000,
        "ingangsdatum": "2026-01-01",
    }
    response = client.post("/api/v1/achtervangafspraken", body, format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [{"name": "gemeenteA", "code": "invalid", "reason": MESSAGE}]
    assert not Agreement.objects.exists()


def test_an_administrator_may_record_any_pair(admin_user):
    a, b = _others()
    agreement = Agreement(
        party_a=a, party_b=b, link_type="donkere-vezel", link_mbps=1000, start_date=dt.date(2026, 1, 1)
    )
    services.save_agreement(agreement, admin_user)
    assert agreement.site_a_name == f"Gemeentehuis {a.name}"
