# SPDX-License-Identifier: EUPL-1.2
"""Why an attachment is refused, phrased for the user (gettext): goedebuur.core.experiences.attachments
returns a code with values (`AttachmentError`), this module says it in the active language."""

from django.utils.translation import gettext, gettext_noop

from goedebuur.common import archive_message
from goedebuur.core import uploads
from goedebuur.core.experiences import attachments

_MESSAGES = {
    "empty": gettext_noop("Het bestand is leeg."),
    "too_large": gettext_noop("Het bestand is groter dan %(mb)s MB."),
    "not_allowed": gettext_noop("Alleen PDF-, Word- (DOCX) en Excel-bestanden (XLSX) zijn toegestaan."),
    "wrong_extension": gettext_noop(
        "De naam eindigt op .%(extension)s, maar de inhoud is een %(kind)s-bestand."
    ),
}


def message(error: attachments.AttachmentError) -> str:
    params = dict(error.params)
    if error.code in uploads.CODES:
        return archive_message(error.code, params)
    if "kind" in params:
        params["kind"] = attachments.KINDS[params["kind"]][0]
    return gettext(_MESSAGES[error.code]) % params
