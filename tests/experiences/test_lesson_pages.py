# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from goedebuur.experiences.models import Attachment, Lesson
from goedebuur.history.models import ChangeRecord

from ..archives import office_package, xlsx_bomb
from .factories import make_lesson

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {
        "title": "Exit vooraf regelen",
        "body": "Leg de **uittreding** vast.",
        "visibility": "openbaar",
        **extra,
    }


def test_an_editor_shares_a_lesson_with_an_attachment(editor_a_client):
    content = office_package("docx")  # built once: a zip records the time, so a second build may differ
    upload = SimpleUploadedFile("verslag.docx", content)
    response = editor_a_client.post("/ervaringen/nieuw", _form(phase="uitvoeren", attachment=upload))
    lesson = Lesson.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ervaringen/{lesson.pk}"
    assert lesson.municipality.code == "GM0345" and lesson.phase == "uitvoeren"
    page = editor_a_client.get(response["Location"]).content.decode()
    assert "<strong>uittreding</strong>" in page and "verslag.docx" in page
    download = editor_a_client.get(f"/ervaringen/{lesson.pk}/bijlagen/{lesson.attachments.get().pk}")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download.content == content


def test_a_renamed_executable_is_refused_and_nothing_is_saved(editor_a_client):
    upload = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = editor_a_client.post("/ervaringen/nieuw", _form(attachment=upload))
    assert response.status_code == 200
    assert "Alleen PDF-, Word- (DOCX) en Excel-bestanden (XLSX) zijn toegestaan." in response.content.decode()
    assert not Lesson.objects.exists() and not Attachment.objects.exists()


def test_a_zip_bomb_attachment_is_refused_and_nothing_is_saved(editor_a_client):
    upload = SimpleUploadedFile("begroting.xlsx", xlsx_bomb(300_000))  # 230 KB, 59 MB unpacked
    response = editor_a_client.post("/ervaringen/nieuw", _form(attachment=upload))
    assert response.status_code == 200
    assert (
        "Het bestand is geweigerd: het onderdeel xl/worksheets/sheet1.xml wordt uitgepakt 57 MB, meer dan "
        "het maximum van 50 MB. Mogelijk is het een zogenaamde zipbom."
    ) in response.content.decode()
    assert not Lesson.objects.exists() and not Attachment.objects.exists()


def test_a_zip_with_a_word_folder_is_no_word_attachment(editor_a_client):
    upload = SimpleUploadedFile(
        "plan.docx", office_package("docx", main_part=False, extra={"word/x.xml": b"<x/>"})
    )
    response = editor_a_client.post("/ervaringen/nieuw", _form(attachment=upload))
    assert "Alleen PDF-, Word- (DOCX) en Excel-bestanden (XLSX) zijn toegestaan." in response.content.decode()
    assert not Attachment.objects.exists()


def test_members_only_needs_a_cooperation(editor_a_client):
    response = editor_a_client.post("/ervaringen/nieuw", _form(visibility="leden"))
    assert "Kies het samenwerkingsverband" in response.content.decode()
    assert not Lesson.objects.exists()


@pytest.mark.parametrize("persona", ["reader_a_client", "admin_client"])
def test_only_editors_of_a_municipality_share_lessons(persona, request):
    assert request.getfixturevalue(persona).post("/ervaringen/nieuw", _form()).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(anonymous_client):
    assert anonymous_client.get("/ervaringen/nieuw")["Location"].startswith("/inloggen")


def test_script_in_markdown_is_not_rendered(editor_a, anonymous_client):
    lesson = make_lesson(
        editor_a, body='<script>alert(1)</script> [x](javascript:alert(2)) <b onclick="x()">b</b>'
    )
    page = anonymous_client.get(f"/ervaringen/{lesson.pk}").content.decode()
    assert "<script>alert(1)" not in page and "javascript:alert(2)" not in page and "onclick" not in page


def test_an_edit_is_recorded_in_the_history(editor_a, editor_a_client, editor_b_client):
    lesson = make_lesson(editor_a, title="Eerst")
    response = editor_a_client.post(f"/ervaringen/{lesson.pk}/bewerken", _form(title="Daarna"))
    assert response.status_code == 302
    history = editor_a_client.get(f"/ervaringen/{lesson.pk}/geschiedenis").content.decode()
    assert "Eerst" in history and "Daarna" in history
    assert ChangeRecord.objects.filter(model="experiences.lesson", object_id=str(lesson.pk)).count() == 2
    assert editor_b_client.post(f"/ervaringen/{lesson.pk}/bewerken", _form()).status_code == 403


def test_deleting_is_soft_and_recorded(editor_a, editor_a_client, anonymous_client):
    lesson = make_lesson(editor_a)
    assert editor_a_client.post(f"/ervaringen/{lesson.pk}/verwijderen").status_code == 302
    lesson.refresh_from_db()
    assert lesson.deleted_at is not None
    assert anonymous_client.get(f"/ervaringen/{lesson.pk}").status_code == 404
    assert ChangeRecord.objects.filter(model="experiences.lesson", action="delete").exists()


def test_the_list_filters_by_phase_facet(editor_a, anonymous_client):
    make_lesson(editor_a, title="In verkenning", phase="verkennen")
    make_lesson(editor_a, title="In uitvoering", phase="uitvoeren")
    page = anonymous_client.get("/ervaringen?fase=verkennen").content.decode()
    assert "In verkenning" in page and "In uitvoering" not in page
    assert 'aria-current="true">✓ Verkennen</a>' in page


def test_the_list_has_an_empty_state(anonymous_client):
    assert "Nog niets gedeeld." in anonymous_client.get("/ervaringen").content.decode()


def test_it_refuses_the_second_of_two_editors_who_opened_the_same_lesson(
    editor_a, editor_a_client, admin_client
):
    lesson = make_lesson(editor_a, title="Eerst")
    url = f"/ervaringen/{lesson.pk}/bewerken"
    assert f'name="revision" value="{lesson.revision}"' in editor_a_client.get(url).content.decode()
    seen = {"revision": lesson.revision}
    assert admin_client.post(url, _form(title="Eerst opgeslagen") | seen).status_code == 302
    response = editor_a_client.post(url, _form(title="Later opgeslagen") | seen)
    page = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in page and "Later opgeslagen" in page
    assert Lesson.objects.get(pk=lesson.pk).title == "Eerst opgeslagen"


def test_it_refuses_a_delete_confirmed_on_an_outdated_page(editor_a, editor_a_client):
    lesson = make_lesson(editor_a)
    seen = lesson.revision
    lesson.save()
    response = editor_a_client.post(f"/ervaringen/{lesson.pk}/verwijderen", {"revision": seen}, follow=True)
    assert "Iemand anders heeft dit gegeven gewijzigd" in response.content.decode()
    assert Lesson.objects.get(pk=lesson.pk).deleted_at is None


def test_an_upload_is_kept_when_the_lesson_is_edited(editor_a, editor_a_client):
    lesson = make_lesson(editor_a)
    upload = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag", content_type="application/pdf")
    data = {"title": "Nieuw", "body": "Tekst", "visibility": "openbaar", "attachment": upload}
    response = editor_a_client.post(f"/ervaringen/{lesson.pk}/bewerken", data | {"revision": lesson.revision})
    assert response.status_code == 302
    assert Lesson.objects.get(pk=lesson.pk).attachments.count() == 1
