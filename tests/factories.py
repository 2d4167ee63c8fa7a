# SPDX-License-Identifier: EUPL-1.2
"""Factories for tests: plain functions that build records through the services."""

import itertools

from goedebuur.accounts.models import User
from goedebuur.cooperations import services
from goedebuur.cooperations.models import Cooperation, CooperationForm, IctDomain
from goedebuur.municipalities.models import Municipality

_counter = itertools.count(1)

VEENENDAAL, RHENEN, RENSWOUDE, UTRECHT = "GM0345", "GM0340", "GM0339", "GM0344"


def make_user(
    municipality_code=None, role=User.Role.EDITOR, admin=False, username=None, password="test-wachtwoord-1"
):
    user = User.objects.create_user(
        username=username or f"user{next(_counter)}",
        password=password,
        municipality=Municipality.objects.get(code=municipality_code) if municipality_code else None,
        role=role,
        is_staff=admin,
        is_superuser=admin,
    )
    return user


def cooperation_input(
    members=(VEENENDAAL, RHENEN),
    domains=("infrastructuur-beheer",),
    form="samenwerkingsovereenkomst",
    name=None,
    **extra,
):
    return services.CooperationInput(
        name=name or f"Testsamenwerking {next(_counter)}",
        form=CooperationForm.objects.get(code=form),
        domains=list(IctDomain.objects.filter(slug__in=domains)),
        members=[services.MemberInput(Municipality.objects.get(code=c)) for c in members],
        **extra,
    )


def make_cooperation(user=None, **kwargs) -> Cooperation:
    return services.save_cooperation(cooperation_input(**kwargs), user=user)
