# SPDX-License-Identifier: EUPL-1.2
"""One entry for every form the GR register comes in: the snapshot shipped in the package
(`regelingen.jsonl.gz`), polder's `gemeenschappelijke_regelingen.jsonl`, and KOOP's official
`exportOO.xml`, plain or gzipped. The format is told by the content, not the file name."""

import gzip
import io
import os
import zlib

from goedebuur.core.register.gr import GrFormatError, RegelingVersion, read_polder_jsonl
from goedebuur.core.register.roo_xml import read_roo_xml

GZIP_MAGIC = b"\x1f\x8b"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_SNIFF_LIMIT = 1 << 20  # leading whitespace looked through before giving up


def read_file(source) -> list[RegelingVersion]:
    """The versions in `source`: a path, or a binary stream (an upload, stdin's buffer). Gzip is
    recognised by its magic bytes; then a document starting with `<` is read as ROO XML and one
    starting with `{` as JSON lines. Raises `GrFormatError` (see its codes)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as handle:
            return _read(handle)
    return _read(source)


def _read(stream) -> list[RegelingVersion]:
    try:
        head, stream = _peek(stream, 2)
        if head == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=stream, mode="rb")
        first, stream = _first_significant(stream)
        if first is None:
            raise GrFormatError("empty")
        if first == "xml":
            return read_roo_xml(stream)
        if first == "json":
            try:
                return read_polder_jsonl(io.TextIOWrapper(stream, encoding="utf-8-sig"))
            except UnicodeDecodeError:
                raise GrFormatError("bad_json", "", "encoding") from None
        raise GrFormatError("not_roo", "", first)
    except (EOFError, gzip.BadGzipFile, zlib.error):
        raise GrFormatError("truncated") from None


def _first_significant(stream):
    """`xml`, `json`, None (nothing but whitespace) or the first bytes of something else; and the
    stream, rewound to its start."""
    seen = body = b""
    while len(seen) < _SNIFF_LIMIT:
        chunk = stream.read(4096)
        if isinstance(chunk, str):
            chunk = chunk.encode()
        if not chunk:
            break
        seen += chunk
        body = seen
        for bom in _BOMS:
            if body.startswith(bom):
                if bom != _BOMS[0]:  # UTF-16: the XML parser reads it, JSON lines are UTF-8
                    return "xml", _rewound(seen, stream)
                body = body[len(bom) :]
        body = body.lstrip()
        if body:
            kind = "xml" if body[:1] == b"<" else "json" if body[:1] == b"{" else repr(body[:8])[2:-1]
            return kind, _rewound(seen, stream)
    return (None if len(seen) < _SNIFF_LIMIT else "whitespace"), _rewound(seen, stream)


def _peek(stream, size: int):
    head = stream.read(size)
    if isinstance(head, str):
        head = head.encode()
    return head, _rewound(head, stream)


def _rewound(head: bytes, stream) -> io.BufferedReader:
    return io.BufferedReader(_Rewound(head, stream), buffer_size=1 << 16)


class _Rewound(io.RawIOBase):
    """`stream` with `head` (already read from it) put back in front."""

    def __init__(self, head: bytes, stream):
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        if isinstance(data, str):  # a text stream: its characters may take more bytes than asked
            data = data.encode()
        size = min(len(buffer), len(data))
        buffer[:size] = data[:size]
        self._head = data[size:]
        return size
