# SPDX-License-Identifier: EUPL-1.2
"""Control characters in text: which ones input may not hold, and text fit for a file format.

Input (`control_characters`): no C0 control character (U+0000-U+001F) except, in text of more than
one line, tab, line feed and carriage return; no DEL (U+007F) and no C1 control character
(U+0080-U+009F). Such characters are invisible, arrive by copying from other programs (Word's
vertical tab for a soft line break, a terminal's bell or escape) and break the files the platform
writes: XML (XLSX, DOCX) cannot hold most of them at all.

Output (`printable`): text without those characters (and without U+FFFE, U+FFFF and lone surrogates,
which XML cannot hold either), for every file the platform writes, so that text stored before the
input rule, or arriving by a way around it, can never break an export.

Pure: returns characters and text; the platform phrases the refusal (goedebuur.common.text)."""

from __future__ import annotations

import re

LINE_CONTROLS = "\t\n\r"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_MULTILINE = re.compile(f"[{_CONTROL}]")
_SINGLE_LINE = re.compile(f"[{_CONTROL}{LINE_CONTROLS}]")
_NOT_PRINTABLE = re.compile(f"[{_CONTROL}\ufffe\uffff\ud800-\udfff]")


def control_characters(text: str, *, multiline: bool = True) -> list[str]:
    """The distinct control characters of `text` that input may not hold, in order of appearance;
    `multiline=False` (a name, a title) refuses tab, line feed and carriage return as well."""
    pattern = _MULTILINE if multiline else _SINGLE_LINE
    return list(dict.fromkeys(pattern.findall(text)))


def code_point(character: str) -> str:
    """'U+0007' for '\\x07'."""
    return f"U+{ord(character):04X}"


def printable(text: str) -> str:
    """`text` without the characters a file format cannot hold or input may not hold (tab, line feed
    and carriage return stay)."""
    return _NOT_PRINTABLE.sub("", text)
