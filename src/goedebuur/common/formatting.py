# SPDX-License-Identifier: EUPL-1.2
"""Numbers, money and dates as people read them, through Django's localisation: Dutch on the Dutch
interface (12.345,6 and € 1.234.567), English on the English one (12,345.6). Every page, chart,
PDF, spreadsheet note and reason text formats through these functions, never with str.replace."""

from datetime import datetime as _datetime

from django.utils import formats, timezone

NO_VALUE = "—"


def number(value, decimals: int = 0) -> str:
    """A number with thousands grouping and `decimals` places in the active language."""
    if value is None or value == "":
        return NO_VALUE
    return formats.number_format(round(float(value), decimals), decimals, use_l10n=True, force_grouping=True)


def euros(value) -> str:
    """Whole euros: € 1.234.567; a negative amount as − € 1.234 (the minus sign, not a hyphen)."""
    if value is None or value == "":
        return NO_VALUE
    amount = int(round(float(value)))
    sign = "−" if amount < 0 else ""
    return f"{sign}€ {number(abs(amount))}"


def percentage(value, decimals: int = 0) -> str:
    """A fraction (0.125) as a percentage in the active language: 12,5%."""
    if value is None or value == "":
        return NO_VALUE
    return f"{number(float(value) * 100, decimals)}%"


def percent(value, *, sign: bool = True) -> str:
    """A value that is already a percentage, with the decimals it has, in the active language: 2,5 %
    (Dutch writes the sign after a space); `sign=False`: the number alone (the low end of "2 tot 5 %")."""
    if value is None or value == "":
        return NO_VALUE
    decimals = len(f"{float(value):g}".partition(".")[2])
    shown = number(value, decimals)
    return f"{shown} %" if sign else shown


def date(value, format_name: str = "DATE_FORMAT") -> str:
    """A date written out in the active language: "16 mei 2026" (Dutch), "May 16, 2026" (English).
    One date format for people everywhere (ADR 'Dates written out'); ISO 8601 stays for machines."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, _datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, format_name)


def date_time(value) -> str:
    """A moment written out in local time: "16 mei 2026 14:05" (Dutch)."""
    return date(value, "DATETIME_FORMAT")
