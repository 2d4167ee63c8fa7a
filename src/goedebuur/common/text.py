# SPDX-License-Identifier: EUPL-1.2
"""Control characters are refused at input, once for every text field (rule and reasons:
goedebuur.core.text):

- pages: every form `CharField` (Django's and the apps' forms, the admin's) gets
  `ControlCharacterValidator` when it is made, the way Django itself adds its NUL check to every
  CharField; a field shown as a textarea may hold tab, line feed and carriage return, any other
  field none of them. Passwords are left alone (they are hashed, never shown or exported).
  `install()` is called once at start-up (goedebuur.common.apps);
- API: the JSON parser refuses them in every string of a request body (goedebuur.api.parsers, with
  `refusal`); tab, line feed and carriage return are allowed there, since a JSON body does not say
  which texts are single lines;
- files: the landscape import refuses a cell with one, per row (goedebuur.core.landscape).

The message names the characters, so that the user can find an invisible one."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext, ngettext

from goedebuur.core.text import code_point, control_characters


def describe_characters(characters: list[str]) -> str:
    """'U+0007, tab (U+0009)': each character by its code point, the familiar ones also by name."""
    named = {"\t": gettext("tab"), "\n": gettext("regelovergang"), "\r": gettext("regelterugloop")}
    return ", ".join(f"{named[c]} ({code_point(c)})" if c in named else code_point(c) for c in characters)


def refusal(characters: list[str]) -> str:
    """The message for text holding `characters` (control characters)."""
    return ngettext(
        "Deze tekst bevat een onzichtbaar stuurteken dat niet is toegestaan: %(characters)s. Het komt "
        "vaak mee bij kopiëren uit een ander programma. Verwijder het en probeer het opnieuw.",
        "Deze tekst bevat onzichtbare stuurtekens die niet zijn toegestaan: %(characters)s. Ze komen "
        "vaak mee bij kopiëren uit een ander programma. Verwijder ze en probeer het opnieuw.",
        len(characters),
    ) % {"characters": describe_characters(characters)}


@deconstructible
class ControlCharacterValidator:
    """Refuses control characters; `multiline` allows tab, line feed and carriage return."""

    code = "control_characters"

    def __init__(self, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value) -> None:
        # NUL has Django's own validator (and message) on every form CharField
        found = [c for c in control_characters(str(value), multiline=self.multiline) if c != "\x00"]
        if found:
            raise ValidationError(refusal(found), code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, ControlCharacterValidator) and other.multiline == self.multiline


_installed = False


def install() -> None:
    """Give every form CharField made from now on a ControlCharacterValidator (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    original_init = forms.CharField.__init__

    def __init__(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        if not isinstance(self.widget, forms.PasswordInput):
            self.validators.append(
                ControlCharacterValidator(multiline=isinstance(self.widget, forms.Textarea))
            )

    forms.CharField.__init__ = __init__
