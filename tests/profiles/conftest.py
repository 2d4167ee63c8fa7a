# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures of the profile and landscape tests: a Veenendaal landscape with a contract, a
cooperation Veenendaal shares its contracts with, and a reader of a partner (Rhenen) in it."""

import pytest

from goedebuur.accounts.models import User
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services

from ..factories import RHENEN, VEENENDAAL, make_cooperation, make_user


def application_values(**overrides):
    values = {
        "supplier": "Centric B.V.",
        "product": "Key2Zaken",
        "version": "5.1",
        "components": ["Zaakregistratiecomponent"],
        "hosting": "saas",
        "contract": {
            "start_date": "2022-04-01",
            "end_date": "2028-03-31",
            "notice_months": 6,
            "yearly_cost_eur": 48123,
            "extension_options": "2 x 1 jaar",
        },
    }
    values.update(overrides)
    return values


@pytest.fixture
def veenendaal(db):
    return Municipality.objects.get(code=VEENENDAAL)


@pytest.fixture
def rhenen(db):
    return Municipality.objects.get(code=RHENEN)


@pytest.fixture
def veenendaal_app(veenendaal, editor_a):
    application, _created = services.upsert_application(veenendaal, application_values(), editor_a)
    return application


@pytest.fixture
def shared_cooperation(veenendaal, veenendaal_app):
    """Veenendaal and Rhenen in a cooperation; Veenendaal shares its contracts with it."""
    cooperation = make_cooperation(members=(VEENENDAAL, RHENEN), name="ICT-samenwerking test")
    profile = services.profile_for(veenendaal)
    services.save_profile(profile, None, share_contracts_with=[cooperation])
    return cooperation


@pytest.fixture
def partner_reader(db):
    """A reader of Rhenen (a partner of Veenendaal when `shared_cooperation` is used)."""
    return make_user(RHENEN, User.Role.READER, username="reader-rhenen")


@pytest.fixture
def partner_reader_client(partner_reader):
    from ..conftest import _client_for

    return _client_for(partner_reader)
