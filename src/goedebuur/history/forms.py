# SPDX-License-Identifier: EUPL-1.2
from django import forms


def revision_field():
    """The hidden form field that carries the revision the editor saw (see history/locking.py).
    Declare it as `revision = revision_field()` and pass its value to `expect_revision`."""
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
