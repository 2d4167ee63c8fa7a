# SPDX-License-Identifier: EUPL-1.2
"""/gemeenten/<code>/landschap/import: upload -> preview (nothing saved) -> confirm (all or nothing);
who may import; the templates."""

import io
import re

import openpyxl
import pytest

from goedebuur.core.landscape import file_import as L
from goedebuur.profiles.models import Application

from ..factories import VEENENDAAL

URL = f"/gemeenten/{VEENENDAAL}/landschap/import"
HEADER = "referentiecomponenten,product,leverancier,hosting,contract_einde,jaarlijkse_kosten_eur"
GOOD = "Zaakregistratiecomponent,Djuma,Decos,saas,2027-06-30,12500"
OTHER = "Documentregistratiecomponent,Corsa,Circle Software,on-premises,,"


def upload(name, *lines, header=HEADER, encoding="utf-8"):
    content = ("\n".join([header, *lines]) + "\n").encode(encoding)
    file = io.BytesIO(content)
    file.name = name
    return file


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_it_shows_the_form_with_template_links(editor_a_client):
    response = editor_a_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "/landschap/sjabloon.xlsx" in html and "/landschap/sjabloon.csv" in html
    assert "import.js" in html


def test_preview_saves_nothing_and_confirm_imports(editor_a_client):
    response = editor_a_client.post(URL, {"bestand": upload("landschap.csv", GOOD, OTHER)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het bestand is in orde: 2 nieuwe applicaties, 0 bij te werken" in html
    assert "Djuma" in html and "Corsa" in html and "nieuw" in html
    assert not Application.objects.filter(municipality__code=VEENENDAAL).exists()

    response = editor_a_client.post(URL, {"token": token_of(response)})
    assert response.status_code == 302 and response["Location"] == f"/gemeenten/{VEENENDAAL}/landschap"
    assert Application.objects.filter(municipality__code=VEENENDAAL).count() == 2

    # the same file again: the preview says 'bijwerken', and confirming adds nothing
    response = editor_a_client.post(URL, {"bestand": upload("landschap.csv", GOOD, OTHER)})
    assert "0 nieuwe applicaties, 2 bij te werken" in response.content.decode()
    editor_a_client.post(URL, {"token": token_of(response)})
    assert Application.objects.filter(municipality__code=VEENENDAAL).count() == 2


def test_a_bad_row_is_listed_with_its_number_and_nothing_can_be_confirmed(editor_a_client):
    response = editor_a_client.post(
        URL,
        {
            "bestand": upload(
                "landschap.csv", GOOD, "Zaakregistratiecomponent,Corsa,Circle,saas,31/06/2027,-5"
            )
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Het bestand kan niet worden geïmporteerd" in html
    assert "Rij 3: contract_einde: &#x27;31/06/2027&#x27; is geen datum" in html
    assert "Rij 3: jaarlijkse_kosten_eur mag niet negatief zijn" in html
    assert 'name="token"' not in html
    assert 'name="bestand"' in html  # upload the corrected file right here
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "file, fragment",
    [
        (
            upload("x.csv", "Zaakregistratiecomponent,Café,Decos,saas,,", encoding="cp1252"),
            "niet opgeslagen als UTF-8",
        ),
        (upload("x.csv", "Djuma,Decos", header="product,leverancier"), "verplichte kolom ontbreekt"),
    ],
)
def test_file_errors_are_shown(editor_a_client, file, fragment):
    response = editor_a_client.post(URL, {"bestand": file})
    assert response.status_code == 400 and fragment in response.content.decode()
    assert not Application.objects.exists()


def test_the_type_is_checked_by_content_not_by_name(editor_a_client):
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.split(","))
    workbook.active.append(GOOD.split(","))
    content = io.BytesIO()
    workbook.save(content)
    file = io.BytesIO(content.getvalue())
    file.name = "landschap.csv"  # an XLSX with the wrong extension is still read as XLSX
    response = editor_a_client.post(URL, {"bestand": file})
    assert response.status_code == 200 and "1 nieuwe applicaties" in response.content.decode()


def test_an_empty_form_gets_a_dutch_message(editor_a_client):
    response = editor_a_client.post(URL, {})
    assert response.status_code == 400 and "Kies een bestand." in response.content.decode()


def test_a_tampered_token_saves_nothing(editor_a_client):
    response = editor_a_client.post(URL, {"bestand": upload("landschap.csv", GOOD)})
    response = editor_a_client.post(URL, {"token": token_of(response) + "x"}, follow=True)
    assert "verlopen of ongeldig" in response.content.decode()
    assert not Application.objects.exists()


def test_a_token_is_bound_to_the_user(editor_a_client, admin_client):
    response = editor_a_client.post(URL, {"bestand": upload("landschap.csv", GOOD)})
    admin_client.post(URL, {"token": token_of(response)})
    assert not Application.objects.exists()


def test_only_editors_of_the_municipality_and_admins_may_import(
    anonymous_client, reader_a_client, editor_b_client, admin_client
):
    response = anonymous_client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/inloggen?next=")
    assert reader_a_client.get(URL).status_code == 403
    assert editor_b_client.get(URL).status_code == 403
    assert editor_b_client.post(URL, {"bestand": upload("landschap.csv", GOOD)}).status_code == 403
    assert admin_client.get(URL).status_code == 200
    assert not Application.objects.exists()


def test_unknown_municipality_is_404(editor_a_client):
    assert editor_a_client.get("/gemeenten/GM9999/landschap/import").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_has_every_column_and_an_example_row_that_imports(anonymous_client, fmt):
    response = anonymous_client.get(f"/landschap/sjabloon.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="landschap-sjabloon.{fmt}"'
    content = response.content
    table = L.read_table(content)
    assert table.headers == list(L.COLUMN_NAMES) and len(table.rows) == 1
    from goedebuur.profiles import imports

    assert imports.read(content).ok
