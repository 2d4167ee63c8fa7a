# SPDX-License-Identifier: EUPL-1.2
"""Shared web-layer helpers every app uses, each written once: how a service's refusal reaches a
form or the command line (`errors`), JSON output of commands (`cli`), Dutch number, money and date
formatting through Django's localisation (`formatting`), plausible dates (`dates`) and the rate limit
of heavy anonymous computations on pages and in the API (`ratelimit`). The API's mapping of the same
refusals lives in `goedebuur.api.problems`. No models, no views; imports nothing from the apps.

Import from the package: `from goedebuur.common import add_to_form, euros`."""

from .cli import to_json, write_json
from .dates import EARLIEST_DATE, date_within
from .errors import add_to_form, command_error, messages_by_field, one_line
from .formatting import date, euros, number, percentage
from .ratelimit import HeavyAnonymousThrottle, limit_anonymous

__all__ = [
    "add_to_form",
    "command_error",
    "date",
    "date_within",
    "EARLIEST_DATE",
    "euros",
    "HeavyAnonymousThrottle",
    "limit_anonymous",
    "messages_by_field",
    "number",
    "one_line",
    "percentage",
    "to_json",
    "write_json",
]
