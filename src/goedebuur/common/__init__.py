# SPDX-License-Identifier: EUPL-1.2
"""Shared web-layer helpers every app uses, each written once: how a service's refusal reaches a
form or the command line (`errors`), JSON output of commands (`cli`), Dutch number, money and date
formatting through Django's localisation (`formatting`), plausible dates (`dates`), the rate limit of
heavy anonymous computations on pages and in the API (`ratelimit`), the refusal of an uploaded archive
(`uploads`: zip bombs, phrased once for every upload), of text with control characters (`text`: the
check on every form text field, installed by `apps.CommonConfig`, and the message the API uses) and
the shared cache of heavy results and anonymous pages (`cache`: `cached`, `version`, `bump`,
`track`, `cache_anonymous_page`). The
API's mapping of the same refusals lives in `goedebuur.api.problems`. No models, no views; imports nothing from the apps.

Import from the package: `from goedebuur.common import add_to_form, euros`."""

from .cache import anonymous_answer, bump, cache_anonymous_page, cached, track, version
from .cli import to_json, write_json
from .dates import EARLIEST_DATE, date_within, years_from
from .errors import add_to_form, command_error, messages_by_field, one_line
from .formatting import date, date_time, euros, number, percentage
from .ratelimit import HeavyAnonymousThrottle, limit_anonymous
from .text import ControlCharacterValidator, describe_characters, refusal
from .uploads import archive_message
from .widgets import MunicipalitiesPicker, MunicipalityPicker

__all__ = [
    "anonymous_answer",
    "ControlCharacterValidator",
    "add_to_form",
    "bump",
    "cache_anonymous_page",
    "track",
    "version",
    "cached",
    "archive_message",
    "command_error",
    "date",
    "date_time",
    "date_within",
    "years_from",
    "describe_characters",
    "EARLIEST_DATE",
    "euros",
    "HeavyAnonymousThrottle",
    "limit_anonymous",
    "messages_by_field",
    "MunicipalitiesPicker",
    "MunicipalityPicker",
    "number",
    "one_line",
    "percentage",
    "refusal",
    "to_json",
    "write_json",
]
