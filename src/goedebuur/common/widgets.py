# SPDX-License-Identifier: EUPL-1.2
"""The platform's one municipality picker, as Django widgets: a plain select (one or several
municipalities) that static/goedebuur/forms.js turns into a searchable combobox with chips. The
select stays the submitted control, so a page works without JavaScript. Options carry the CBS code
(`data-code`) whatever their value is (a primary key for model choice fields, a code elsewhere);
the texts the script shows come from here, translated."""

from django import forms
from django.urls import reverse_lazy
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
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


class OptionsInPython:
    """A select rendered in Python: the same HTML as Django's select.html (attributes as its attrs.html
    writes them), without two template includes per option and Django's lazy-aware escaping per value:
    a select of the 342 municipalities went from about 100 to 10 ms of a page (bench/RESULTS.md)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        lines = [f'<select name="{escape(str(widget["name"]))}"{_attributes(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                lines.append(f'<optgroup label="{conditional_escape(group_name)}">')
            lines.extend(
                f'<option value="{escape(str(option["value"]))}"{_attributes(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
                for option in options
            )
            if group_name:
                lines.append("</optgroup>")
        lines.append("</select>")
        return mark_safe("\n".join(lines))  # every value above is escaped


def _attributes(attrs) -> str:
    """As django/forms/widgets/attrs.html: True as a bare name, False (and None) left out, the rest as
    escaped text."""
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class _PickerMixin(OptionsInPython):
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
