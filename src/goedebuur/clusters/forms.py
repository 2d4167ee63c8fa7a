# SPDX-License-Identifier: EUPL-1.2
"""The forms of the cluster and achtervang pages: GET forms (the result is a link one can share)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import pairs, services

SPREAD_CHOICES = [("", _("geen vergelijking"))]


class ClusterForm(forms.Form):
    gebied = forms.ChoiceField(label=_("Gebied"), initial=services.WHOLE_COUNTRY)
    min = forms.IntegerField(label=_("Minimum aantal gemeenten per groep"), min_value=1, initial=2)
    max = forms.IntegerField(
        label=_("Maximum aantal gemeenten per groep"), min_value=1, initial=8, required=False
    )
    min_inwoners = forms.IntegerField(
        label=_("Minimum aantal inwoners per groep"), min_value=1, required=False
    )
    max_inwoners = forms.IntegerField(
        label=_("Maximum aantal inwoners per groep"), min_value=1, required=False
    )
    groepen = forms.IntegerField(
        label=_("Aantal groepen"),
        min_value=1,
        required=False,
        help_text=_("Leeg: groepen van gemiddelde grootte tussen minimum en maximum."),
    )
    vast = forms.BooleanField(label=_("Bestaande samenwerkingen vasthouden"), required=False)
    vergelijk = forms.ChoiceField(label=_("Vergelijk met de indeling"), required=False)
    fit = forms.IntegerField(
        label=_("Gewicht van de fit (%)"),
        min_value=0,
        max_value=100,
        initial=50,
        required=False,
        help_text=_("0: alleen compactheid; 100: alleen hoe goed de gemeenten bij elkaar passen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].choices = services.area_choices()
        names = dict(services.division_names())
        self.fields["vergelijk"].choices = SPREAD_CHOICES + [
            (code, names.get(code, code)) for code in services.COMPARABLE_DIVISIONS
        ]

    def cluster_request(self) -> services.ClusterRequest:
        d = self.cleaned_data
        return services.ClusterRequest(
            area=d["gebied"],
            min_count=d["min"],
            max_count=d.get("max"),
            min_population=d.get("min_inwoners"),
            max_population=d.get("max_inwoners"),
            groups=d.get("groepen"),
            keep_cooperations=d.get("vast", False),
            compare_with=d.get("vergelijk") or "",
            fit_weight=(50 if d.get("fit") is None else d["fit"]) / 100,
        )

    FIELDS = {
        "min_count": "min",
        "max_count": "max",
        "min_population": "min_inwoners",
        "max_population": "max_inwoners",
        "groups": "groepen",
        "area": "gebied",
        "compare_with": "vergelijk",
        "fit_weight": "fit",
    }


class PairForm(forms.Form):
    min_km = forms.FloatField(label=_("Minimale afstand (km)"), min_value=0, initial=5)
    max_km = forms.FloatField(label=_("Maximale afstand (km)"), min_value=1, initial=40)
    verhouding = forms.FloatField(
        label=_("Hoogstens zoveel keer meer inwoners (capaciteit)"),
        min_value=1,
        required=False,
        help_text=_(
            "Bijvoorbeeld 3: de grotere gemeente van een koppel heeft hoogstens 3 keer zoveel inwoners."
        ),
    )
    gebied = forms.ChoiceField(label=_("Gebied"), initial=services.WHOLE_COUNTRY, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].choices = services.area_choices()

    def pair_request(self) -> pairs.PairRequest:
        d = self.cleaned_data
        return pairs.PairRequest(
            min_km=d["min_km"],
            max_km=d["max_km"],
            max_population_ratio=d.get("verhouding"),
            area=d.get("gebied") or services.WHOLE_COUNTRY,
        )

    FIELDS = {"min_km": "min_km", "max_km": "max_km", "max_population_ratio": "verhouding", "area": "gebied"}
