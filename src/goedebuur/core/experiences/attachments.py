# SPDX-License-Identifier: EUPL-1.2
"""Which files may be attached to a lesson: PDF, DOCX and XLSX up to a size limit, recognised by
their content, never by their name. A renamed executable (or any other file) is refused."""

import io
import zipfile
from dataclasses import dataclass

MAX_BYTES = 10 * 1024 * 1024

KINDS = {
    "pdf": ("PDF", "application/pdf"),
    "docx": ("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class AttachmentError(ValueError):
    """The file is refused: a `code` with its `params`; the app phrases them for the user
    (goedebuur.experiences.attachment_messages).

    Codes: "empty"; "too_large" (mb); "not_allowed"; "wrong_extension" (extension, kind)."""

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
    """'pdf', 'docx', 'xlsx' or None, from the bytes alone."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return None


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
