# SPDX-License-Identifier: EUPL-1.2
"""Shared web-layer helpers every app uses, each written once: how a service's refusal reaches a
form or the command line (`errors`), JSON output of commands (`cli`), Dutch number, money and date
formatting through Django's localisation (`formatting`), plausible dates (`dates`), the rate limit of
heavy anonymous computations on pages and in the API (`ratelimit`), the refusal of an uploaded archive
(`uploads`: zip bombs, phrased once for every upload), of text with control characters (`text`: the
check on every form text field, installed by `apps.CommonConfig`, and the message the API uses) and
the shared cache of heavy results and anonymous pages (`cache`: `cached`, `version`, `bump`,
`track`, `cache_anonymous_page`), the parts of the SVG charts every app draws alike (`charts`: palette,
scale, picture, axes, band, line), two shared forms (`forms`: a button's refusal, a contact's e-mail
address), and the one glossary of the interface (`glossary`: `terms_in` finds its terms in text from
data, the template tags `{% term %}` and `{% uitleg %}` explain them). The
API's mapping of the same refusals lives in `goedebuur.api.problems`. No models, no views; imports nothing from the apps.

Import from the package: `from goedebuur.common import add_to_form, euros`."""

from .cache import anonymous_answer, bump, cache_anonymous_page, cached, track, version
from .charts import (
    CHART_BAND,
    CHART_BLUE,
    CHART_GREEN,
    CHART_GREY,
    CHART_RED,
    chart_amounts,
    chart_axis_titles,
    chart_band,
    chart_line,
    chart_scale,
    chart_svg,
    chart_year,
    chart_zero_line,
)
from .cli import to_json, write_json
from .dates import EARLIEST_DATE, date_within, years_from
from .errors import add_to_form, command_error, messages_by_field, one_line
from .formatting import date, date_time, euros, number, percent, percentage
from .forms import ContactEmailForm, RefusalForm, refused
from .glossary import found_in as terms_in
from .ratelimit import HeavyAnonymousThrottle, limit_anonymous
from .text import ControlCharacterValidator, describe_characters, refusal
from .uploads import archive_message
from .widgets import MunicipalitiesPicker, MunicipalityPicker

__all__ = [
    "ContactEmailForm",
    "CHART_BAND",
    "CHART_BLUE",
    "CHART_GREEN",
    "CHART_GREY",
    "CHART_RED",
    "chart_amounts",
    "chart_axis_titles",
    "chart_band",
    "chart_line",
    "chart_scale",
    "chart_svg",
    "chart_year",
    "chart_zero_line",
    "anonymous_answer",
    "ControlCharacterValidator",
    "RefusalForm",
    "refused",
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
    "percent",
    "percentage",
    "refusal",
    "terms_in",
    "to_json",
    "write_json",
]
