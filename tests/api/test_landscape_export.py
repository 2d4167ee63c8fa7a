# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/gemeenten/{code}/applicaties/export and POST .../applicaties/import (dryRun,
all or nothing, per-row invalidParams), with the permissions of the pages."""

import io

import pytest

from goedebuur.core.landscape import file_import as L
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services
from goedebuur.profiles.models import Application

from ..factories import VEENENDAAL
from .helpers import assert_problem, invalid_names

EXPORT = f"/api/v1/gemeenten/{VEENENDAAL}/applicaties/export"
IMPORT = f"/api/v1/gemeenten/{VEENENDAAL}/applicaties/import"
HEADER = "referentiecomponenten,product,leverancier,hosting,contract_einde,jaarlijkse_kosten_eur"
GOOD = "Zaakregistratiecomponent,Djuma,Decos,saas,2027-06-30,12500"


@pytest.fixture
def landscape(editor_a):
    veenendaal = Municipality.objects.get(code=VEENENDAAL)
    services.upsert_application(
        veenendaal,
        {
            "supplier": "Centric",
            "product": "Key2Zaken",
            "components": ["Zaakregistratiecomponent"],
            "hosting": "saas",
            "contract": {"end_date": "2028-03-31", "yearly_cost_eur": 48123},
        },
        editor_a,
    )
    return veenendaal


def csv_upload(*lines, header=HEADER):
    file = io.BytesIO(("\n".join([header, *lines]) + "\n").encode())
    file.name = "landschap.csv"
    return file


def test_export_json_for_the_owner_has_contracts(landscape, reader_api):
    body = reader_api.get(EXPORT).json()
    assert body["gemeente"] == {"code": VEENENDAAL, "naam": "Veenendaal"}
    assert body["metContracten"] is True and body["aantal"] == 1
    assert body["applicaties"][0]["contract"]["jaarlijkseKostenEur"] == 48123


def test_export_for_another_municipality_has_no_contracts(landscape, editor_b_api):
    body = editor_b_api.get(EXPORT).json()
    assert body["metContracten"] is False and "contract" not in body["applicaties"][0]
    csv = editor_b_api.get(EXPORT, {"formaat": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert not set(L.CONTRACT_COLUMNS) & set(L.read_table(csv.content).headers)


def test_export_xlsx(landscape, admin_api):
    response = admin_api.get(EXPORT, {"formaat": "xlsx"})
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert "jaarlijkse_kosten_eur" in L.read_table(response.content).headers


def test_export_needs_a_login_and_a_known_format(landscape, api_client, reader_api):
    assert_problem(api_client.get(EXPORT), 401)
    assert invalid_names(reader_api.get(EXPORT, {"formaat": "pdf"})) == {"formaat"}
    assert_problem(reader_api.get("/api/v1/gemeenten/GM9999/applicaties/export"), 404)


def test_import_dry_run_saves_nothing(editor_a_api):
    response = editor_a_api.post(f"{IMPORT}?dryRun=true", {"bestand": csv_upload(GOOD)}, format="multipart")
    assert response.status_code == 200, response.content
    assert response.json() == {"dryRun": True, "aantalRijen": 1, "nieuw": 1, "bijgewerkt": 0}
    assert not Application.objects.exists()


def test_import_saves_and_is_idempotent(editor_a_api):
    for expected in ({"nieuw": 1, "bijgewerkt": 0}, {"nieuw": 0, "bijgewerkt": 1}):
        response = editor_a_api.post(IMPORT, {"bestand": csv_upload(GOOD)}, format="multipart")
        assert response.status_code == 200
        assert {k: response.json()[k] for k in expected} == expected
    assert Application.objects.count() == 1


def test_import_errors_are_invalid_params_per_row_and_nothing_is_saved(editor_a_api):
    response = editor_a_api.post(
        IMPORT,
        {"bestand": csv_upload(GOOD, "Onbekendcomponent,Corsa,Circle,saas,2027-13-01,-1")},
        format="multipart",
    )
    body = assert_problem(response, 400)
    names = {p["name"]: p["reason"] for p in body["invalidParams"]}
    assert set(names) == {
        "rijen.3.referentiecomponenten",
        "rijen.3.contract_einde",
        "rijen.3.jaarlijkse_kosten_eur",
    }
    assert "onbekende referentiecomponent 'Onbekendcomponent'" in names["rijen.3.referentiecomponenten"]
    assert not Application.objects.exists()


def test_import_file_errors_are_reported_as_bestand(editor_a_api):
    response = editor_a_api.post(IMPORT, {"bestand": csv_upload("x", header="product")}, format="multipart")
    assert invalid_names(response) == {"bestand"}
    assert invalid_names(editor_a_api.post(IMPORT, {}, format="multipart")) == {"bestand"}


def test_import_permissions(api_client, reader_api, editor_b_api, admin_api):
    assert_problem(api_client.post(IMPORT, {"bestand": csv_upload(GOOD)}, format="multipart"), 401)
    assert_problem(reader_api.post(IMPORT, {"bestand": csv_upload(GOOD)}, format="multipart"), 403)
    assert_problem(editor_b_api.post(IMPORT, {"bestand": csv_upload(GOOD)}, format="multipart"), 403)
    assert not Application.objects.exists()
    assert admin_api.post(IMPORT, {"bestand": csv_upload(GOOD)}, format="multipart").status_code == 200
