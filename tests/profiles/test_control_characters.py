# SPDX-License-Identifier: EUPL-1.2
"""A product name with a control character (U+0007, BEL) is refused on every way in: the application
page, the API, and the landscape import on the page, in the API and on the command line. Nothing is
saved. (Stored before this rule, such a name made the exports a 500: see
tests/security/test_hostile_text_in_exports.py.)"""

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from goedebuur.gemma.models import ReferenceComponent
from goedebuur.profiles.models import Application, Product

from ..api.helpers import assert_problem
from ..factories import VEENENDAAL

BEL = "Key2\u0007Zaken"
REFUSAL = (
    "Deze tekst bevat een onzichtbaar stuurteken dat niet is toegestaan: U+0007. Het komt vaak mee bij "
    "kopiëren uit een ander programma. Verwijder het en probeer het opnieuw."
)
ROW_REFUSAL = "Rij 2: product bevat een onzichtbaar stuurteken dat niet is toegestaan: U+0007"
CSV = f"referentiecomponenten,product,leverancier,hosting\nZaakregistratiecomponent,{BEL},Centric,saas\n"


@pytest.fixture
def editor_a_api(editor_a):
    client = APIClient()
    client.force_authenticate(editor_a)
    return client


def _nothing_saved():
    assert not Application.objects.exists()
    assert not Product.objects.filter(name__contains="\u0007").exists()


def _page_data(**overrides):
    component = ReferenceComponent.objects.get(name="Zaakregistratiecomponent")
    return {
        "supplier": "Centric",
        "product": BEL,
        "components": [str(component.pk)],
        "hosting": "saas",
    } | overrides


def test_the_page_refuses_it(editor_a_client):
    response = editor_a_client.post(f"/gemeenten/{VEENENDAAL}/landschap/nieuw", _page_data())
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    _nothing_saved()


def test_a_tab_in_a_name_is_refused_but_line_breaks_in_a_long_text_are_kept(editor_a_client):
    response = editor_a_client.post(
        f"/gemeenten/{VEENENDAAL}/landschap/nieuw", _page_data(product="Key2\tZaken")
    )
    assert response.status_code == 400 and "tab (U+0009)" in response.content.decode()
    response = editor_a_client.post(
        f"/gemeenten/{VEENENDAAL}/landschap/nieuw",
        _page_data(
            product="Key2Zaken", end_date="2027-12-31", extension_options="2 x 1 jaar\r\nof 1 x 2 jaar"
        ),
    )
    assert response.status_code == 302
    assert Application.objects.get().contract.extension_options == "2 x 1 jaar\r\nof 1 x 2 jaar"


def test_the_api_refuses_it(editor_a_api):
    response = editor_a_api.post(
        f"/api/v1/gemeenten/{VEENENDAAL}/applicaties",
        {
            "leverancier": "Centric",
            "product": BEL,
            "componenten": ["Zaakregistratiecomponent"],
            "hosting": "saas",
        },
        format="json",
    )
    params = assert_problem(response, 400)["invalidParams"]
    assert [(p["name"], p["reason"]) for p in params] == [("product", REFUSAL)]
    _nothing_saved()


def _upload():
    file = io.BytesIO(CSV.encode())
    file.name = "landschap.csv"
    return file


def test_the_import_page_refuses_it(editor_a_client):
    response = editor_a_client.post(f"/gemeenten/{VEENENDAAL}/landschap/import", {"bestand": _upload()})
    assert response.status_code == 400
    assert ROW_REFUSAL in response.content.decode()
    _nothing_saved()


def test_the_import_api_refuses_it(editor_a_api):
    response = editor_a_api.post(
        f"/api/v1/gemeenten/{VEENENDAAL}/applicaties/import", {"bestand": _upload()}, format="multipart"
    )
    params = assert_problem(response, 400)["invalidParams"]
    assert [(p["name"], p["reason"]) for p in params] == [
        ("rijen.2.product", ROW_REFUSAL.removeprefix("Rij 2: "))
    ]
    _nothing_saved()


def test_the_command_refuses_it(db, tmp_path):
    path = tmp_path / "landschap.csv"
    path.write_text(CSV, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="niet geïmporteerd, er is niets opgeslagen"):
        call_command("import-landschap", VEENENDAAL, str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().strip() == ROW_REFUSAL
    _nothing_saved()
