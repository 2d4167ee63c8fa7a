# SPDX-License-Identifier: EUPL-1.2
"""A controllable clock for the second factor and a helper that gives a user a confirmed factor."""

from types import SimpleNamespace

import pytest
from django_otp.plugins.otp_totp import models as otp_totp_models

from goedebuur.accounts import second_factor

from .authenticator import code_at

START = 1_800_000_015.0  # 15 seconds into a 30-second step


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def code(self, secret, shift_steps=0):
        """The code the app shows now (or `shift_steps` steps later)."""
        return code_at(secret, self.now + 30 * shift_steps)

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(START)
    monkeypatch.setattr(second_factor, "current_time", clock)
    monkeypatch.setattr(otp_totp_models, "time", SimpleNamespace(time=clock))  # django-otp's clock
    return clock


def give_factor(user, clock):
    """A confirmed factor for `user`; returns (factor, recovery codes). Confirming uses the current step."""
    factor = second_factor.start_setup(user)
    codes = second_factor.confirm(factor, clock.code(factor.secret))
    clock.advance(30)  # the next step, so that a login right after may use a fresh code
    factor.refresh_from_db()
    return factor, codes
