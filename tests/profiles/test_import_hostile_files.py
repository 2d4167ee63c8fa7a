# SPDX-License-Identifier: EUPL-1.2
"""A zip bomb offered to the landscape import (page, API, CLI) is refused with one Dutch sentence
before it is inflated, and nothing is saved. Before the check, a 150 KB workbook made the import read
200,000 rows (the issue's 1.5 MB file took ~3.2 GB)."""

import io
import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from goedebuur.history.models import ChangeRecord
from goedebuur.profiles import imports
from goedebuur.profiles.models import Application

from ..api.helpers import assert_problem
from ..archives import xlsx_bomb
from ..factories import VEENENDAAL

REFUSAL = (
    "Het bestand is geweigerd: het onderdeel xl/worksheets/sheet1.xml wordt uitgepakt 38 MB, meer dan "
    "het maximum van 16 MB. Mogelijk is het een zogenaamde zipbom."
)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return xlsx_bomb()


def _nothing_saved():
    assert not Application.objects.exists()
    assert not ChangeRecord.objects.filter(model="profiles.application").exists()


def _upload(content: bytes, name="landschap.xlsx"):
    file = io.BytesIO(content)
    file.name = name
    return file


def test_the_service_refuses_a_zip_bomb_with_little_memory(veenendaal, editor_a, bomb):
    """Peak memory of the refusal, measured after a first run (which imports modules): ~0.1 MB."""
    imports.import_file(veenendaal, bomb, editor_a)
    tracemalloc.start()
    try:
        result, summary = imports.import_file(veenendaal, bomb, editor_a)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary is None and [e.code for e in result.file_errors] == ["entry_too_large"]
    assert peak < 1024 * 1024
    _nothing_saved()


def test_the_page_refuses_a_zip_bomb(editor_a_client, bomb):
    response = editor_a_client.post(f"/gemeenten/{VEENENDAAL}/landschap/import", {"bestand": _upload(bomb)})
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    _nothing_saved()


def test_the_api_refuses_a_zip_bomb(editor_a, bomb):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(editor_a)
    response = client.post(
        f"/api/v1/gemeenten/{VEENENDAAL}/applicaties/import", {"bestand": _upload(bomb)}, format="multipart"
    )
    body = assert_problem(response, 400)
    assert [(p["name"], p["reason"]) for p in body["invalidParams"]] == [("bestand", REFUSAL)]
    _nothing_saved()


def test_the_command_refuses_a_zip_bomb(db, tmp_path, bomb):
    path = tmp_path / "landschap.xlsx"
    path.write_bytes(bomb)
    err = io.StringIO()
    with pytest.raises(CommandError, match="niet geïmporteerd, er is niets opgeslagen"):
        call_command("import-landschap", VEENENDAAL, str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == REFUSAL
    _nothing_saved()
