# SPDX-License-Identifier: EUPL-1.2
"""`profiles.services.hosted_products`: the SaaS applications of some municipalities as plain values."""

import pytest

from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services

pytestmark = pytest.mark.django_db


def add(code, product, hosting):
    values = {
        "supplier": "Beemster Digitaal",
        "product": product,
        "hosting": hosting,
        "components": ["Burgerzakencomponent"],
        "beschikbaarheid": 2,
        "integriteit": 2,
        "vertrouwelijkheid": 2,
    }
    return services.upsert_application(Municipality.objects.get(code=code), values, None)[0]


def test_it_gives_only_the_saas_applications_of_the_municipalities_asked_for():
    saas = add("GM0345", "Burgerbalie", "saas")
    add("GM0345", "Raadsplein", "on-premises")
    add("GM0340", "Burgerbalie", "saas")
    rows = services.hosted_products([saas.municipality_id])
    assert rows == [(saas.municipality_id, saas.product_id, "Burgerbalie", "Beemster Digitaal")]
