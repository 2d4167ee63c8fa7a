# SPDX-License-Identifier: EUPL-1.2
"""/gemeenten/<code>/landschap.csv|.xlsx|.json: logged-in municipal users only; contract and cost
columns only for those who may see the municipality's contracts."""

import io
import json

import openpyxl
import pytest

from goedebuur.core.landscape import file_import as L
from goedebuur.profiles import imports

from ..factories import VEENENDAAL, make_user

BASE = f"/gemeenten/{VEENENDAAL}/landschap"


def rows_of(response, fmt):
    if fmt == "json":
        return json.loads(response.content)
    if fmt == "csv":
        assert response.content.startswith("\ufeff".encode())
    return L.read_table(response.content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_the_owner_gets_contracts_and_costs(veenendaal_app, reader_a_client, fmt):
    response = reader_a_client.get(f"{BASE}.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="landschap-{VEENENDAAL}.{fmt}"'
    assert response["Cache-Control"] == "private, no-store"
    data = rows_of(response, fmt)
    if fmt == "json":
        (app,) = data["applicaties"]
        assert data["metContracten"] is True
        assert app["contract"]["jaarlijkseKostenEur"] == 48123
        assert app["referentiecomponenten"][0]["naam"] == "Zaakregistratiecomponent"
    else:
        ((_n, cells),) = data.rows
        assert str(cells["jaarlijkse_kosten_eur"]) == "48123" and cells["product"] == "Key2Zaken"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_another_municipality_sees_the_landscape_without_contracts(veenendaal_app, editor_b_client, fmt):
    response = editor_b_client.get(f"{BASE}.{fmt}")
    assert response.status_code == 200
    data = rows_of(response, fmt)
    if fmt == "json":
        assert data["metContracten"] is False and "contract" not in data["applicaties"][0]
        assert "48123" not in response.content.decode()
    else:
        assert not set(L.CONTRACT_COLUMNS) & set(data.headers)
        assert data.rows[0][1]["product"] == "Key2Zaken"


def test_a_partner_it_shares_with_sees_contracts(shared_cooperation, partner_reader_client):
    data = json.loads(partner_reader_client.get(f"{BASE}.json").content)
    assert data["metContracten"] is True and data["applicaties"][0]["contract"]["einddatum"] == "2028-03-31"


def test_admin_sees_contracts(veenendaal_app, admin_client):
    assert json.loads(admin_client.get(f"{BASE}.json").content)["metContracten"] is True


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_anonymous_visitors_get_nothing(veenendaal_app, anonymous_client, fmt):
    response = anonymous_client.get(f"{BASE}.{fmt}")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen")


def test_a_user_without_municipality_gets_403(veenendaal_app, db):
    from ..conftest import _client_for

    client = _client_for(make_user(None, username="zonder-gemeente"))
    assert client.get(f"{BASE}.csv").status_code == 403


def test_an_export_imports_again_without_changes(veenendaal_app, veenendaal, reader_a_client, editor_a):
    content = reader_a_client.get(f"{BASE}.xlsx").content
    result, summary = imports.import_file(veenendaal, content, editor_a)
    assert result.ok and (summary.created, summary.updated) == (0, 1)
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    assert workbook.sheetnames == ["landschap"]
