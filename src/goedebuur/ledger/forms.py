# SPDX-License-Identifier: EUPL-1.2
"""Forms of the savings ledger: they parse and present; `services` decides (its refusals are shown on
the fields with `goedebuur.common.add_to_form`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.history.services import revision_field

from .models import Entry, Ledger


class AmountField(forms.CharField):
    """Whole euros as people type them: "12.500", "€ 12 500" and "12500" are the same amount. The
    service checks that it is a whole, non-negative number."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)  # "€ 10.000.000.000" with room for spaces
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        return text.replace("€", "").replace(" ", "").replace("\u00a0", "").replace(".", "")


class SettingsForm(forms.Form):
    revision = revision_field()
    visibility = forms.ChoiceField(label=_("Wie ziet de cijfers?"), choices=Ledger.Visibility.choices)
    start_year = forms.IntegerField(
        label=_("Startjaar van de samenwerking"),
        error_messages={"invalid": _("Vul een jaartal in."), "required": _("Vul een jaartal in.")},
    )
    business_case = forms.TypedChoiceField(
        label=_("Businesscase met de prognose"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, cases=(), members=(), baselines=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business_case"].choices = [("", _("— geen —"))] + [(c.pk, str(c)) for c in cases]
        self.members = list(members)
        baselines = baselines or {}
        for m in self.members:
            row = baselines.get(m.code, {})
            self.fields[f"baseline_{m.code}"] = AmountField(
                label=_("Basislijn %(name)s (ICT-kosten per jaar vóór de start, €)") % {"name": m.name},
                required=False,
                initial=row.get("eur", ""),
            )
            self.fields[f"baseline_source_{m.code}"] = forms.CharField(
                label=_("Bron van de basislijn van %(name)s") % {"name": m.name},
                required=False,
                max_length=300,
                initial=row.get("source", ""),
            )

    def baselines(self) -> dict:
        return {
            m.code: {
                "eur": self.cleaned_data.get(f"baseline_{m.code}", ""),
                "source": self.cleaned_data.get(f"baseline_source_{m.code}", ""),
            }
            for m in self.members
        }


class EntryForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Gemeente"))
    year = forms.IntegerField(
        label=_("Jaar"),
        error_messages={"invalid": _("Vul een jaartal in."), "required": _("Vul een jaartal in.")},
    )
    savings = AmountField(label=_("Gerealiseerde besparing (€)"), initial="0")
    one_off_costs = AmountField(label=_("Eenmalige kosten (€)"), initial="0")
    yearly_costs = AmountField(label=_("Jaarlijkse kosten (€)"), initial="0")
    source_kind = forms.ChoiceField(label=_("Soort bron"), choices=Entry.SourceKind.choices)
    source_title = forms.CharField(
        label=_("Brondocument"),
        required=False,
        max_length=300,
        help_text=_("Bijvoorbeeld ‘Jaarrekening 2028, paragraaf bedrijfsvoering, p. 41’."),
    )
    source_url = forms.CharField(label=_("Link naar het document"), required=False, max_length=500)
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [(m.code, m.name) for m in members]
