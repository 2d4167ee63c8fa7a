# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

import pytest


@pytest.fixture
def freeze(monkeypatch):
    """freeze(date) makes django.utils.timezone.now() return noon UTC on that date."""

    def _freeze(day: dt.date):
        moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    return _freeze
