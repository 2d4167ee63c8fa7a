# SPDX-License-Identifier: EUPL-1.2
"""goedebuur.common.widgets: the selects rendered in Python give the HTML Django's own templates give
(same elements, attributes, escaping and selection), for one and several choices, with option groups."""

import re

import pytest
from django import forms

from goedebuur.common import MunicipalitiesPicker, MunicipalityPicker
from goedebuur.common.widgets import OptionsInPython
from goedebuur.municipalities.models import Municipality

CHOICES = [
    ("", "—"),
    ("a&b", 'A & "B" <c>'),
    ("Groep <1>", [("x", "X"), ("y", "Y's")]),
    (3, "drie"),
]


class FastSelect(OptionsInPython, forms.Select):
    pass


class FastSelectMultiple(OptionsInPython, forms.SelectMultiple):
    pass


def _same(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize(
    ("django_widget", "ours", "value"),
    [
        (forms.Select, FastSelect, "a&b"),
        (forms.Select, FastSelect, "y"),
        (forms.Select, FastSelect, 3),
        (forms.SelectMultiple, FastSelectMultiple, ["x", 3]),
    ],
)
def test_the_html_is_djangos(django_widget, ours, value):
    attrs = {"id": "id_f", "required": True, "disabled": False, "data-x": 'a "b"'}
    expected = django_widget(choices=CHOICES).render("f", value, attrs)
    assert _same(ours(choices=CHOICES).render("f", value, attrs)) == _same(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("widget", [MunicipalityPicker, MunicipalitiesPicker])
def test_the_picker_over_all_municipalities_is_djangos_select_with_the_codes(widget):
    field = forms.ModelChoiceField(Municipality.objects.order_by("name"), widget=widget)
    rhenen = Municipality.objects.get(code="GM0340")
    value = rhenen.pk if widget is MunicipalityPicker else [rhenen.pk]
    ours = field.widget.render("gemeente", value, {"id": "id_gemeente"})
    plain = forms.Select if widget is MunicipalityPicker else forms.SelectMultiple
    django = super(OptionsInPython, field.widget).render("gemeente", value, {"id": "id_gemeente"})
    assert _same(ours) == _same(django)
    assert f'<option value="{rhenen.pk}" selected data-code="GM0340">Rhenen</option>' in ours
    assert ours.count("<option") == Municipality.objects.count() + 1
    assert issubclass(widget, plain)
