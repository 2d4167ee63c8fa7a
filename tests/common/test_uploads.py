# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.common.uploads: every refusal of goedebuur.core.uploads phrased once, in Dutch and English."""

import pytest
from django.utils import translation

from goedebuur.common import archive_message
from goedebuur.core import uploads

PARAMS = {
    "not_a_zip": {},
    "too_many_entries": {"count": 5000, "maximum": 1000},
    "entry_too_large": {"name": "xl/worksheets/sheet1.xml", "mb": 38, "maximum_mb": 16},
    "too_large_unpacked": {"mb": 120, "maximum_mb": 100},
    "compression_ratio": {"name": "xl/sharedStrings.xml", "ratio": 257, "maximum": 100},
}


def test_every_code_has_a_sentence():
    assert set(PARAMS) == set(uploads.CODES)


@pytest.mark.parametrize("code", uploads.CODES)
def test_it_phrases_each_refusal_in_dutch_and_english(code):
    with translation.override("nl"):
        dutch = archive_message(code, PARAMS[code])
    with translation.override("en"):
        english = archive_message(code, PARAMS[code])
    assert dutch != english and "%(" not in dutch + english
    if code != "not_a_zip":
        assert "zipbom" in dutch and "zip bomb" in english


def test_it_names_the_part_and_the_sizes():
    with translation.override("nl"):
        assert archive_message("entry_too_large", PARAMS["entry_too_large"]) == (
            "Het bestand is geweigerd: het onderdeel xl/worksheets/sheet1.xml wordt uitgepakt 38 MB, meer dan "
            "het maximum van 16 MB. Mogelijk is het een zogenaamde zipbom."
        )
