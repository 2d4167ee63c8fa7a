# SPDX-License-Identifier: EUPL-1.2
import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError

from goedebuur.common import add_to_form, command_error, one_line


class NameForm(forms.Form):
    naam = forms.CharField(required=False)


def test_it_puts_a_field_message_on_the_field_the_form_has():
    form = NameForm(data={"naam": "x"})
    assert form.is_valid()
    add_to_form(form, ValidationError({"name": "Geef een naam."}), {"name": "naam"})
    assert form.errors["naam"] == ["Geef een naam."]


def test_it_puts_messages_for_fields_the_form_lacks_at_the_top():
    form = NameForm(data={})
    assert form.is_valid()
    add_to_form(form, ValidationError({"year": "Geef het jaar."}))
    assert form.non_field_errors() == ["Geef het jaar."]


def test_it_gives_the_cli_the_same_sentences_with_their_field():
    error = command_error(ValidationError({"year": ["Geef het jaar."]}))
    assert isinstance(error, CommandError)
    assert str(error) == "year: Geef het jaar."


@pytest.mark.parametrize(
    "error, text",
    [
        (ValidationError("Deze versie bestaat niet."), "Deze versie bestaat niet."),
        (PermissionDenied("Nee."), "Nee."),
    ],
)
def test_it_joins_all_messages_into_one_line(error, text):
    assert one_line(error) == text
