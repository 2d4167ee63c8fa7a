# SPDX-License-Identifier: EUPL-1.2
"""Migrations 0005-0007 move enrolled users' second factors onto django-otp: the same app codes and the same
recovery codes keep working, and a used code stays used."""

import base64
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from goedebuur.accounts import second_factor
from goedebuur.accounts.models import RecoveryCode, SecondFactor, User

from .conftest import START, give_factor

BEFORE = [("accounts", "0004_second_factor")]
# Forward again to every app's latest migration, not to 0007: accounts' later migrations (0008, the
# invitations) are unapplied by going back and must be there for the tests that follow in this process.
AFTER = None
SECRET = base64.b32encode(b"an-enrolled-secret!!").decode().rstrip("=")
CODES = ["abcde-fghjk", "mnpqr-stuvw"]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_an_enrolled_user_keeps_the_app_and_the_recovery_codes(clock):
    old = migrate(BEFORE)
    try:
        user = old.get_model("accounts", "User").objects.create(username="ingeschreven")
        confirmed_at = timezone.now() - timedelta(days=40)
        factor = old.get_model("accounts", "SecondFactor").objects.create(
            user=user,
            secret=SECRET,
            confirmed=True,
            confirmed_at=confirmed_at,
            last_used_step=int(START // 30) - 1,
        )
        codes = old.get_model("accounts", "RecoveryCode").objects
        codes.create(factor=factor, code_hash=second_factor.hash_recovery_code(CODES[0]))
        codes.create(
            factor=factor, code_hash=second_factor.hash_recovery_code(CODES[1]), used_at=confirmed_at
        )
    finally:
        migrate(AFTER)

    factor = SecondFactor.objects.get(user__username="ingeschreven")
    assert factor.confirmed and factor.secret == SECRET and factor.confirmed_at == confirmed_at
    assert not second_factor.use_totp_code(factor, clock.code(SECRET, -1))  # that step was used already
    assert second_factor.use_totp_code(factor, clock.code(SECRET))
    assert RecoveryCode.objects.filter(factor=factor).count() == 2
    assert second_factor.use_recovery_code(factor, CODES[0])
    assert not second_factor.use_recovery_code(factor, CODES[1])


@pytest.mark.django_db(transaction=True)
def test_migrating_back_restores_the_factor_and_its_codes(clock):
    user = User.objects.create(username="terug")
    factor, codes = give_factor(user, clock)
    try:
        old = migrate(BEFORE)
        restored = old.get_model("accounts", "SecondFactor").objects.get(user_id=user.pk)
        assert restored.confirmed and restored.secret == factor.secret
        assert restored.last_used_step == factor.last_t
        hashes = set(old.get_model("accounts", "RecoveryCode").objects.values_list("code_hash", flat=True))
        assert hashes == {second_factor.hash_recovery_code(code) for code in codes}
    finally:
        migrate(AFTER)
    assert SecondFactor.objects.get(user=user).secret == factor.secret
