# SPDX-License-Identifier: EUPL-1.2
"""The platform's one municipality picker, as Django widgets: a plain select (one or several
municipalities) that static/goedebuur/forms.js turns into a searchable combobox with chips. The
select stays the submitted control, so a page works without JavaScript. Options carry the CBS code
(`data-code`) whatever their value is (a primary key for model choice fields, a code elsewhere);
the texts the script shows come from here, translated."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

TEXTS = {
    "data-suggest-url": reverse_lazy("municipalities:suggestions"),
    "data-text-help": _(
        "Typ een deel van de naam, een bekende naam (Den Haag) of een regio (FoodValley); kies met de "
        "pijltjestoetsen en Enter."
    ),
    "data-text-chosen": _("Gekozen gemeenten"),
    "data-text-remove": _("%s verwijderen"),
    "data-text-removed": _("%s verwijderd."),
    "data-text-picked": _("%s gekozen."),
    "data-text-already": _("al gekozen"),
    "data-text-none": _("Geen gemeente gevonden."),
    "data-text-one": _("1 gemeente gevonden."),
    "data-text-many": _("%s gemeenten gevonden."),
    "data-text-list": _("Gevonden gemeenten"),
}


class _PickerMixin:
    is_picker = True  # includes/field.html labels it like a text field (no fieldset)

    def get_context(self, name, value, attrs):
        attrs = {"data-picker": "municipalities", **{k: str(v) for k, v in TEXTS.items()}, **(attrs or {})}
        return super().get_context(name, value, attrs)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-code"] = instance.code
        return option


class MunicipalityPicker(_PickerMixin, forms.Select):
    """One municipality."""


class MunicipalitiesPicker(_PickerMixin, forms.SelectMultiple):
    """One or more municipalities (chips)."""

    def __init__(self, attrs=None):
        super().__init__({"size": 8, **(attrs or {})})
