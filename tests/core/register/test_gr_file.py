# SPDX-License-Identifier: EUPL-1.2
"""Every form the register comes in, told by its content: shipped .jsonl.gz, polder's .jsonl,
exportOO.xml and exportOO.xml.gz, as a path or as a stream."""

import gzip
import io
from importlib import resources
from pathlib import Path

import pytest

from goedebuur.core.register.gr import GrFormatError
from goedebuur.core.register.gr_file import read_file

SAMPLE = Path(__file__).parent / "fixtures" / "exportOO_sample.xml"
SNAPSHOT = resources.files("goedebuur") / "data" / "gr" / "regelingen.jsonl.gz"


def snapshot_bytes() -> bytes:
    with SNAPSHOT.open("rb") as handle:
        return handle.read()


def code_of(content: bytes) -> GrFormatError:
    with pytest.raises(GrFormatError) as caught:
        read_file(io.BytesIO(content))
    return caught.value


def test_it_reads_the_shipped_snapshot_and_polders_plain_jsonl_alike(tmp_path):
    shipped = tmp_path / "regelingen.jsonl.gz"
    shipped.write_bytes(snapshot_bytes())
    plain = tmp_path / "gemeenschappelijke_regelingen.jsonl"
    plain.write_bytes(gzip.decompress(snapshot_bytes()))
    versions = read_file(shipped)
    assert len(versions) >= 1100
    assert read_file(str(plain)) == versions


def test_it_reads_the_export_plain_gzipped_and_from_a_stream_alike(tmp_path):
    compressed = tmp_path / "exportOO.xml.gz"
    compressed.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    versions = read_file(SAMPLE)
    assert [v.roo_id for v in versions] == ["24966998", "28218531", "28178111"]
    assert read_file(compressed) == versions
    assert read_file(io.BytesIO(SAMPLE.read_bytes())) == versions
    assert read_file(io.BytesIO(b"\xef\xbb\xbf" + SAMPLE.read_bytes())) == versions
    utf16 = SAMPLE.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    assert read_file(io.BytesIO(utf16.encode("utf-16"))) == versions


def test_it_reads_a_text_stream():
    assert len(read_file(io.StringIO(SAMPLE.read_text(encoding="utf-8")))) == 3


@pytest.mark.parametrize("content", [b"", b"\n \n", gzip.compress(b"", mtime=0), b"\xef\xbb\xbf"])
def test_an_empty_file_is_empty(content):
    assert code_of(content).code == "empty"


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n",
        b'[{"type": "gemeenschappelijke-regeling"}]',
        b"PK\x03\x04",
        b"naam;code\nBrielle;GM0501\n",
    ],
    ids=["pdf", "json-array", "zip", "csv"],
)
def test_a_file_of_another_kind_is_not_roo(content):
    assert code_of(content).code == "not_roo"


def test_a_cut_off_gzip_is_truncated():
    data = snapshot_bytes()
    assert code_of(data[: len(data) // 2]).code == "truncated"


def test_a_cut_off_gzipped_export_is_truncated():
    data = gzip.compress(SAMPLE.read_bytes())
    assert code_of(data[: len(data) - 40]).code == "truncated"


def test_a_truncated_jsonl_file_names_its_last_line():
    lines = gzip.decompress(snapshot_bytes()).split(b"\n")
    cut = b"\n".join(lines[:10])[:-30]
    error = code_of(cut)
    assert (error.code, error.line) == ("truncated", 10)


def test_jsonl_that_is_no_utf8_is_bad_json():
    assert (
        code_of(b'{"type": "gemeenschappelijke-regeling", "names": [{"value": "Fryslu\xe2n"}]}\n').code
        == "bad_json"
    )


def test_a_doctype_in_a_gzipped_export_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><overheidsorganisaties>&a;</overheidsorganisaties>'
    assert code_of(gzip.compress(bomb)).code == "unsafe_xml"
