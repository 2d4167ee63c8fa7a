# SPDX-License-Identifier: EUPL-1.2
"""Every text field has a maximum length: in the model, on every form and serializer, in the OpenAPI
description, and enforced on every save (issue 18, item 8: a 100,000-character string was accepted
everywhere). The cooperations app is left to its own change (see docs/decisions.md)."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework import serializers

import goedebuur
from goedebuur.experiences import services as experiences
from goedebuur.experiences.models import Lesson
from goedebuur.trajectories import services as trajectories
from tests.api.helpers import openapi
from tests.trajectories.factories import make_trajectory

# Not typed by users: reference data loaded from the package, a derived search index.
NOT_TYPED = {
    "gemma.ReferenceComponent.definition",
    "gemma.ReferenceComponent.toelichting",
    "gemma.NationalFacility.definition",
    "municipalities.Municipality.svg_path",
    "experiences.SearchEntry.body",
}
ELSEWHERE = {"cooperations"}  # being changed by another piece of work; its list is in the report
# Strings in the API that name a record (a code, a slug, a choice), looked up, never stored as text.
REFERENCES = {
    "gemeente", "gemeenteA", "gemeenteB", "gemeenten", "samenwerking", "vorm", "domein", "domeinen",
    "gebied", "initiatiefnemerCode", "uitgenodigd", "contractenDelenMet", "openDomeinen", "motief",
    "besluit", "genomenDoor", "actie", "antwoord", "sleutel", "status", "beoogdeVorm",
}  # fmt: skip
LONG = "x" * 100_000


def _text_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("goedebuur.") or model._meta.app_label in ELSEWHERE:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                yield f"{model._meta.label}.{field.name}", field


def test_every_text_field_of_a_model_has_a_maximum_length():
    missing = [name for name, field in _text_fields() if not field.max_length and name not in NOT_TYPED]
    assert missing == []


def test_every_text_field_of_a_form_has_a_maximum_length():
    missing = []
    for module_info in pkgutil.walk_packages(goedebuur.__path__, "goedebuur."):
        if (
            not module_info.name.rpartition(".")[2].startswith("forms")
            or ".cooperations." in module_info.name
        ):
            continue
        module = importlib.import_module(module_info.name)
        for name, form in inspect.getmembers(module, inspect.isclass):
            if not issubclass(form, forms.BaseForm) or form.__module__ != module.__name__:
                continue
            for field_name, field in form.base_fields.items():
                login = field_name in {"username", "password"}  # set from the user model; never stored
                if isinstance(field, forms.CharField) and field.max_length is None and not login:
                    missing.append(f"{module.__name__}.{name}.{field_name}")
    assert missing == []


def _strings_without_max_length(schema, path):
    if "$ref" in schema or schema.get("readOnly"):
        return
    if schema.get("type") == "string" and "enum" not in schema and "maxLength" not in schema:
        if schema.get("format") not in {"date", "date-time", "decimal", "binary"}:
            yield path
    for name, sub in (schema.get("properties") or {}).items():
        if name not in REFERENCES:
            yield from _strings_without_max_length(sub, f"{path}.{name}")
    if "items" in schema:
        yield from _strings_without_max_length(schema["items"], f"{path}[]")


def _schemas_of(app: str) -> set[str]:
    """The request component names of the serializers in `goedebuur.<app>.api`."""
    package = importlib.import_module(f"goedebuur.{app}.api")
    names = set()
    for module_info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
        module = importlib.import_module(module_info.name)
        for _name, serializer in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(serializer, serializers.BaseSerializer)
                and serializer.__module__ == module.__name__
            ):
                meta = getattr(serializer, "Meta", None)
                name = getattr(meta, "ref_name", None) or serializer.__name__.removesuffix("Serializer")
                names |= {f"{name}Request", f"Patched{name}Request"}
    return names


def test_every_text_the_api_accepts_documents_its_maximum_length():
    schemas = openapi()["components"]["schemas"]
    elsewhere = set().union(*(_schemas_of(app) for app in ELSEWHERE))
    missing = [
        path
        for name, schema in schemas.items()
        if name.endswith("Request") and name not in elsewhere
        for path in _strings_without_max_length(schema, name)
    ]
    assert missing == []


@pytest.mark.django_db
def test_a_lesson_of_100000_characters_is_refused_on_the_page_in_the_api_and_in_the_service(
    editor_a, editor_a_client
):
    page = editor_a_client.post(
        "/ervaringen/nieuw", {"title": "Lang", "body": LONG, "visibility": "openbaar"}
    )
    assert "niet meer dan 20000 tekens" in page.content.decode()
    api = editor_a_client.post(
        "/api/v1/ervaringen", {"titel": "Lang", "tekst": LONG}, content_type="application/json"
    )
    assert api.status_code == 400
    assert [p["name"] for p in api.json()["invalidParams"]] == ["tekst"]
    with pytest.raises(ValidationError) as refused:
        experiences.save_lesson(experiences.LessonInput(title="Lang", body=LONG), editor_a)
    assert list(refused.value.message_dict) == ["body"]
    assert not Lesson.objects.exists()


@pytest.mark.django_db
def test_every_save_refuses_a_text_longer_than_its_field(editor_a):
    """Also where a service builds the record itself, without a form (here: a trajectory's settings)."""
    trajectory = make_trajectory(user=editor_a)
    with pytest.raises(ValidationError) as refused:
        trajectories.update_trajectory(trajectory, editor_a, description=LONG)
    assert "niet meer dan 4000 tekens" in refused.value.message_dict["description"][0]
    trajectory.refresh_from_db()
    assert trajectory.description == ""
