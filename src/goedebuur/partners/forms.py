# SPDX-License-Identifier: EUPL-1.2
"""The finder's GET form (parameter names as in the API) and the shortlist form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalityPicker
from goedebuur.cooperations import services as cooperations
from goedebuur.municipalities.models import Municipality

from .params import REGION_CHOICES, SIZE_BANDS, WEIGHT_MAX, WEIGHT_PARAMS, FinderQuery, default_weight
from .reasons import CRITERION_LABELS

TOP_DEFAULT = 10
TOP_MAX = 341


class FinderForm(forms.Form):
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False, widget=MunicipalityPicker)
    domein = forms.ChoiceField(label=_("ICT-domein"), required=False)
    maxAfstandKm = forms.IntegerField(
        label=_("Maximale afstand (km, hemelsbreed)"), required=False, min_value=1, max_value=400
    )
    regio = forms.ChoiceField(label=_("Moet in dezelfde regio liggen"), required=False)
    omvang = forms.ChoiceField(label=_("Omvang"), required=False)
    toon = forms.IntegerField(required=False, min_value=1, max_value=TOP_MAX)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["gemeente"].choices = [("", _("kies een gemeente"))] + list(
            Municipality.objects.order_by("name").values_list("code", "name")
        )
        self.fields["domein"].choices = [("", _("alle domeinen"))] + [
            (d.slug, d.name) for d in cooperations.domains()
        ]
        self.fields["regio"].choices = [("", _("geen eis"))] + [
            (code, label) for code, label in REGION_CHOICES
        ]
        self.fields["omvang"].choices = [("", _("alle groottes"))] + [
            (k, v[0]) for k, v in SIZE_BANDS.items()
        ]
        for key, param in WEIGHT_PARAMS.items():
            self.fields[param] = forms.IntegerField(
                label=CRITERION_LABELS[key],
                required=False,
                min_value=0,
                max_value=WEIGHT_MAX,
                initial=default_weight(key),
            )

    def weight_fields(self):
        """(bound field, current value, criterion key) per weight, for the sliders."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        out = []
        for key, param in WEIGHT_PARAMS.items():
            value = data.get(param)
            out.append((self[param], default_weight(key) if value is None else value, key))
        return out

    def query(self) -> FinderQuery:
        data = self.cleaned_data
        weights = {
            key: (default_weight(key) if data.get(param) is None else data[param]) / 100
            for key, param in WEIGHT_PARAMS.items()
        }
        return FinderQuery(
            weights=weights,
            max_km=data.get("maxAfstandKm"),
            region=data.get("regio") or "",
            size=data.get("omvang") or "",
            domain=data.get("domein") or "",
        )

    def top(self) -> int:
        return (self.cleaned_data.get("toon") if hasattr(self, "cleaned_data") else None) or TOP_DEFAULT


class ShortlistForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de shortlist"), max_length=100)
    gemeente = forms.CharField(max_length=6)
    leden = forms.MultipleChoiceField(required=False)
    zoekopdracht = forms.CharField(required=False, max_length=1000)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["leden"].choices = list(Municipality.objects.values_list("code", "code"))
