# SPDX-License-Identifier: EUPL-1.2
"""The platform's refusals of an uploaded archive (goedebuur.core.uploads.ArchiveError), phrased once
for every app that takes XLSX or DOCX files: the landscape import and lesson attachments."""

from django.utils.translation import gettext, gettext_noop

_MESSAGES = {
    "not_a_zip": gettext_noop(
        "Het bestand kan niet worden gelezen: het is geen geldig XLSX- of DOCX-bestand."
    ),
    "too_many_entries": gettext_noop(
        "Het bestand is geweigerd: het bestaat uit %(count)s onderdelen, meer dan de %(maximum)s die "
        "een Office-bestand hoogstens mag hebben. Mogelijk is het beschadigd of een zogenaamde zipbom."
    ),
    "entry_too_large": gettext_noop(
        "Het bestand is geweigerd: het onderdeel %(name)s wordt uitgepakt %(mb)s MB, meer dan het "
        "maximum van %(maximum_mb)s MB. Mogelijk is het een zogenaamde zipbom."
    ),
    "too_large_unpacked": gettext_noop(
        "Het bestand is geweigerd: uitgepakt wordt het %(mb)s MB, meer dan het maximum van "
        "%(maximum_mb)s MB. Mogelijk is het een zogenaamde zipbom."
    ),
    "compression_ratio": gettext_noop(
        "Het bestand is geweigerd: het onderdeel %(name)s is %(ratio)s keer samengeperst, meer dan "
        "het maximum van %(maximum)s keer. Zo sterk samengeperst is een gewoon Office-bestand niet; "
        "mogelijk is het een zogenaamde zipbom."
    ),
}


def archive_message(code: str, params: dict) -> str:
    """The refusal with `code` (goedebuur.core.uploads.CODES) in the active language."""
    return gettext(_MESSAGES[code]) % params
