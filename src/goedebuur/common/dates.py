# SPDX-License-Identifier: EUPL-1.2
"""Plausible dates (issue 18: a decision dated 1900, a restore test planned in 2001 were accepted).
Each service states its own window with these helpers and phrases its own refusal."""

import datetime as dt

from django.utils import timezone

# Before this no ICT cooperation of Dutch municipalities, contract or agreement in this platform began.
EARLIEST_DATE = dt.date(1980, 1, 1)


def years_from(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (earlier when negative); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def date_within(
    day: dt.date | None, *, back: int | None = None, ahead: int | None = None, today=None
) -> bool:
    """Whether `day` lies no more than `back` years before today and `ahead` years after (a None
    bound: not limited that way; no date: nothing to check). Never before EARLIEST_DATE."""
    if day is None:
        return True
    today = today or timezone.localdate()
    if day < EARLIEST_DATE or (back is not None and day < years_from(today, -back)):
        return False
    return ahead is None or day <= years_from(today, ahead)
