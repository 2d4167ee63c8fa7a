# SPDX-License-Identifier: EUPL-1.2
"""Checks for uploaded ZIP-based files (XLSX, DOCX) before anything parses or stores them.

`check_archive` reads only the ZIP's central directory and refuses an archive that would inflate to
far more than it weighs (a "zip bomb"): too many entries, an entry or the whole too large once
unpacked, or an entry compressed more than `max_ratio` times. Nothing is inflated for this check.
The sizes it trusts are the declared ones: Python's `zipfile` (which openpyxl and python-docx use)
never inflates an entry beyond its declared size (it stops there and fails on the checksum), so a
lying header cannot slip past.

`office_type` tells a Word document from an Excel workbook the way Office does: by the content type
of the package's main part (`_rels/.rels` names it, `[Content_Types].xml` gives its type), not by
the presence of a `word/` or `xl/` entry. Macro-enabled documents and templates are neither.

Pure: no Django, no sentences. Refusals are `ArchiveError`s with a code and values; the platform
phrases them once (goedebuur.common.uploads)."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

MIB = 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 1_000
    max_entry_bytes: int = 50 * MIB
    max_total_bytes: int = 100 * MIB
    # An entry unpacked larger than `ratio_grace_bytes` may be at most `max_ratio` times its packed
    # size. Office XML compresses 5-20 times; 100 with a 100 KB grace is Apache POI's rule
    # (ZipSecureFile: MIN_INFLATE_RATIO 0.01, GRACE_ENTRY_SIZE 100 KB).
    max_ratio: int = 100
    ratio_grace_bytes: int = 100 * 1024


DEFAULT_LIMITS = ArchiveLimits()

# What `ArchiveError` can say; every code is phrased by goedebuur.common.uploads.
CODES = ("not_a_zip", "too_many_entries", "entry_too_large", "too_large_unpacked", "compression_ratio")


class ArchiveError(ValueError):
    """The archive is refused: a `code` (one of CODES) with its `params`.

    - "not_a_zip": the bytes are no readable ZIP archive;
    - "too_many_entries" (count, maximum);
    - "entry_too_large" (name, mb, maximum_mb): one entry unpacked;
    - "too_large_unpacked" (mb, maximum_mb): all entries together unpacked;
    - "compression_ratio" (name, ratio, maximum)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, params)
        self.code = code
        self.params = params


def _mb(size: int) -> int:
    return -(-size // MIB)  # rounded up: "more than the maximum" never shows as equal to it


def _shown_name(name: str) -> str:
    """An entry name fit for a message: printable characters only, at most 80."""
    printable = "".join(c if c.isprintable() else "?" for c in name)
    return printable if len(printable) <= 80 else printable[:77] + "..."


def _entries(data: bytes) -> list[zipfile.ZipInfo]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ArchiveError("not_a_zip") from None


def check_archive(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
    """Raise ArchiveError when the ZIP archive `data` is unreadable or would unpack beyond `limits`."""
    entries = _entries(data)
    if len(entries) > limits.max_entries:
        raise ArchiveError("too_many_entries", count=len(entries), maximum=limits.max_entries)
    total = 0
    for entry in entries:
        if entry.file_size > limits.max_entry_bytes:
            raise ArchiveError(
                "entry_too_large",
                name=_shown_name(entry.filename),
                mb=_mb(entry.file_size),
                maximum_mb=limits.max_entry_bytes // MIB,
            )
        if entry.file_size > limits.ratio_grace_bytes:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ArchiveError(
                    "compression_ratio",
                    name=_shown_name(entry.filename),
                    ratio=int(ratio),
                    maximum=limits.max_ratio,
                )
        total += entry.file_size
        if total > limits.max_total_bytes:
            raise ArchiveError(
                "too_large_unpacked",
                mb=_mb(sum(e.file_size for e in entries)),
                maximum_mb=limits.max_total_bytes // MIB,
            )


# --- Office Open XML: the main part's content type ------------------------------------------------

MAIN_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",  # ISO 29500 strict
)
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_PACKAGE_XML_BYTES = 1 * MIB  # [Content_Types].xml and _rels/.rels are a few hundred bytes


def office_type(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> str | None:
    """'docx', 'xlsx' or None for a ZIP archive that passes `check_archive` (raises ArchiveError
    otherwise): the content type of the package's main part, found through `_rels/.rels` and
    `[Content_Types].xml`. The main part must exist."""
    check_archive(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {info.filename for info in archive.infolist()}
            relationships = _package_xml(archive, "_rels/.rels")
            content_types = _package_xml(archive, "[Content_Types].xml")
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError):
        return None
    if relationships is None or content_types is None:
        return None
    targets = [
        rel.get("Target", "")
        for rel in relationships.iter(f"{RELATIONSHIPS_NS}Relationship")
        if rel.get("Type") in OFFICE_DOCUMENT and rel.get("TargetMode", "Internal") == "Internal"
    ]
    if len(targets) != 1:
        return None
    part = posixpath.normpath("/" + targets[0].lstrip("/"))
    if part.lstrip("/") not in names:
        return None
    return MAIN_CONTENT_TYPES.get(_content_type(content_types, part))


def _package_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PACKAGE_XML_BYTES:
        return None
    try:
        # ElementTree resolves no external entities, and expat (>= 2.4) stops entity expansion
        # attacks; the size is bounded above.
        return ElementTree.fromstring(archive.read(info))
    except ElementTree.ParseError:
        return None


def _content_type(content_types: ElementTree.Element, part: str) -> str | None:
    """A part's content type: its Override, else the Default for its extension (both are matched
    case-insensitively, as the Open Packaging Conventions say)."""
    for override in content_types.iter(f"{CONTENT_TYPES_NS}Override"):
        if override.get("PartName", "").lower() == part.lower():
            return override.get("ContentType")
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    for default in content_types.iter(f"{CONTENT_TYPES_NS}Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")
    return None
