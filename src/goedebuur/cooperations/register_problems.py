# SPDX-License-Identifier: EUPL-1.2
"""The Dutch words for what can be wrong with a GR-register file (codes from
`goedebuur.core.register.gr.GrFormatError`)."""

from django.utils.translation import gettext as _


def message(error) -> str:
    record = error.record or ""
    detail = error.detail or ""
    text = _messages(error)
    if getattr(error, "line", None) and error.code == "truncated":
        record = f"{record}, regel {error.line}".strip(", ")
    return (text % {"record": record, "detail": detail}).replace(" ()", "")


def _messages(error):
    messages = {
        "empty": _("Het bestand is leeg."),
        "not_roo": _(
            "Dit is geen export van het Register van Overheidsorganisaties (exportOO.xml) of van polder "
            "(%(record)s)."
        ),
        "truncated": _("Het bestand is afgebroken of beschadigd (%(record)s)."),
        "bad_json": _("Het bestand is geen geldige JSON (%(record)s)."),
        "bad_date": _("%(record)s: '%(detail)s' is geen geldige datum."),
        "no_id": _("%(record)s: de regeling heeft geen systeemId."),
        "no_name": _("Regeling %(record)s heeft geen naam."),
        "participant_without_date": _("%(record)s: deelnemer '%(detail)s' heeft geen toetredingsdatum."),
        "duplicate_id": _("%(record)s: dit systeemId komt meer dan eens voor."),
        "unsafe": _(
            "Het bestand bevat een DTD of entiteiten en wordt om veiligheidsredenen geweigerd (%(record)s)."
        ),
    }
    return messages.get(error.code, _("Het bestand kan niet worden gelezen (%(record)s)."))
