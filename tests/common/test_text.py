# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.common.text: every form text field refuses control characters (a textarea allows tab and
line breaks), with a Dutch message naming them; installed once at start-up for every form."""

import importlib
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

import goedebuur
from goedebuur.common import ControlCharacterValidator, refusal


class SampleForm(forms.Form):
    name = forms.CharField()
    body = forms.CharField(widget=forms.Textarea)
    password = forms.CharField(widget=forms.PasswordInput)


def test_a_single_line_field_refuses_every_control_character():
    form = SampleForm({"name": "Key2\x07Zaken\tx", "body": "b", "password": "p"})
    assert form.errors["name"] == [
        "Deze tekst bevat onzichtbare stuurtekens die niet zijn toegestaan: U+0007, tab (U+0009). Ze komen "
        "vaak mee bij kopiëren uit een ander programma. Verwijder ze en probeer het opnieuw."
    ]


def test_a_textarea_allows_tabs_and_line_breaks_only():
    assert SampleForm({"name": "n", "body": "een\r\ntwee\tdrie", "password": "p"}).is_valid()
    form = SampleForm({"name": "n", "body": "een\x0btwee\x85drie", "password": "p"})
    assert form.errors["body"] == [refusal(["\x0b", "\x85"])]


def test_passwords_are_left_alone_and_nul_keeps_djangos_message():
    assert SampleForm({"name": "n", "body": "b", "password": "geheim\x07"}).is_valid()
    (message,) = SampleForm({"name": "a\x00b", "body": "b", "password": "p"}).errors["name"]
    assert message.startswith("Null-tekens")


def test_it_says_it_in_english():
    with translation.override("en"):
        assert refusal(["\x07"]) == (
            "This text contains an invisible control character that is not allowed: U+0007. It often "
            "comes along when copying from another program. Remove it and try again."
        )
        assert "line break (U+000A)" in refusal(["\n", "\x07"])


def test_the_validator_alone():
    ControlCharacterValidator(multiline=True)("a\nb")
    with pytest.raises(ValidationError):
        ControlCharacterValidator()("a\nb")


def _all_forms():
    for module in pkgutil.walk_packages(goedebuur.__path__, "goedebuur."):
        if (
            module.name.split(".")[-1] in {"forms", "views", "views_import", "admin"}
            or ".views" in module.name
        ):
            importlib.import_module(module.name)
    seen, todo = set(), [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                todo.append(subclass)
    return [form for form in seen if form.__module__.startswith(("goedebuur.", "django.contrib."))]


def test_every_text_field_of_every_form_has_the_check():
    """Also forms built before the apps were ready (the admin's): goedebuur.common is the first app."""
    missing = [
        f"{form.__module__}.{form.__qualname__}.{name}"
        for form in _all_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.PasswordInput)
        and not any(isinstance(v, ControlCharacterValidator) for v in field.validators)
    ]
    assert missing == []
    names = {f"{form.__module__}.{form.__qualname__}" for form in _all_forms()}
    assert "goedebuur.profiles.forms.ApplicationForm" in names and len(names) > 30
