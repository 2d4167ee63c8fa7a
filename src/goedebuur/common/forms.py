# SPDX-License-Identifier: EUPL-1.2
"""Two small forms the apps share: a button's refusal shown as a form (`refused`), and the e-mail
address of a contact person who is invited (trajectories and cooperations: `ContactEmailForm`). Both
render with the platform's one form pattern (includes/field.html, includes/error_summary.html)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .errors import add_to_form
from .text import ControlCharacterValidator


class RefusalForm(forms.Form):
    """A post with nothing to type (a button: acknowledge, promote, send again, withdraw). A refusal
    comes back as this form's error, in the error summary beside the button."""


def refused(error: ValidationError) -> RefusalForm:
    """A refused button: the service's reasons as the errors of a form without fields."""
    form = RefusalForm(data={})
    add_to_form(form, error)
    return form


class ContactEmailForm(forms.Form):
    """The address of a person at an invited municipality (the rules are in accounts' invitations)."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        # made when goedebuur.common is imported, before its app config installs the check on every
        # form text field: so the check is given here
        validators=[ControlCharacterValidator()],
        error_messages={
            "required": _("Vul een e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in."),
        },
    )
