# SPDX-License-Identifier: EUPL-1.2
"""experiences.attachment_messages: why an attachment is refused, in Dutch (as before) and in English."""

from django.utils import translation

from goedebuur.core.experiences.attachments import AttachmentError
from goedebuur.experiences import attachment_messages


def test_it_phrases_a_refusal_in_dutch():
    with translation.override("nl"):
        assert attachment_messages.message(
            AttachmentError("wrong_extension", extension="xlsx", kind="pdf")
        ) == ("De naam eindigt op .xlsx, maar de inhoud is een PDF-bestand.")
        assert (
            attachment_messages.message(AttachmentError("too_large", mb=10))
            == "Het bestand is groter dan 10 MB."
        )


def test_it_phrases_a_refusal_in_english():
    with translation.override("en"):
        assert attachment_messages.message(AttachmentError("not_allowed")) == (
            "Only PDF, Word (DOCX) and Excel (XLSX) files are allowed."
        )
        assert attachment_messages.message(
            AttachmentError("wrong_extension", extension="docx", kind="xlsx")
        ) == ("The name ends in .docx, but the content is of type Excel (XLSX).")
