# SPDX-License-Identifier: EUPL-1.2
"""Which files may be attached to a lesson: PDF, DOCX and XLSX up to a size limit, recognised by
their content, never by their name. A renamed executable (or any other file) is refused. DOCX and
XLSX are ZIP archives: they pass the platform's archive checks first (goedebuur.core.uploads: no zip
bombs) and are recognised by the content type of their main part, not by an entry name."""

from dataclasses import dataclass

from goedebuur.core import uploads

MAX_BYTES = 10 * 1024 * 1024

KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "docx": ("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class AttachmentError(ValueError):
    """The file is refused: a `code` with its `params`; the app phrases them for the user
    (goedebuur.experiences.attachment_messages).

    Codes: "empty"; "too_large" (mb); "not_allowed"; "wrong_extension" (extension, kind); and the
    archive refusals of goedebuur.core.uploads (`uploads.CODES`, with their params)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # pdf, docx or xlsx
    content_type: str
    filename: str  # the given name with the extension of the real type


def sniff(data: bytes) -> str | None:
    """'pdf', 'docx', 'xlsx' or None, from the bytes alone. Raises AttachmentError for a ZIP archive
    that fails the archive checks (a zip bomb)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        return uploads.office_type(data)
    except uploads.ArchiveError as error:
        if error.code == "not_a_zip":
            return None
        raise AttachmentError(error.code, **error.params) from None


def check(filename: str, data: bytes, max_bytes: int = MAX_BYTES) -> CheckedFile:
    if not data:
        raise AttachmentError("empty")
    if len(data) > max_bytes:
        raise AttachmentError("too_large", mb=max_bytes // (1024 * 1024))
    kind = sniff(data)
    if kind is None:
        raise AttachmentError("not_allowed")
    stem, dot, extension = (filename or "bijlage").rpartition(".")
    if not dot:
        stem = extension
    if dot and extension.lower() in KINDS and extension.lower() != kind:
        raise AttachmentError("wrong_extension", extension=extension.lower(), kind=kind)
    safe_stem = "".join(c if c.isalnum() or c in "-_ ." else "_" for c in stem).strip() or "bijlage"
    return CheckedFile(kind=kind, content_type=KINDS[kind][1], filename=f"{safe_stem[:150]}.{kind}")
