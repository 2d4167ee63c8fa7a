# SPDX-License-Identifier: EUPL-1.2
"""The GET form of /inkoopkansen (and its CSV export): the result is a link one can share."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalityPicker
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import Municipality

from . import services

MODE_CHOICES = [
    ("component", _("zelfde referentiecomponent")),
    ("leverancier", _("zelfde leverancier")),
]


class OpportunityForm(forms.Form):
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    regio = forms.ChoiceField(label=_("Partners in regio"), required=False)
    provincie = forms.ChoiceField(label=_("Partners in provincie"), required=False)
    venster = forms.IntegerField(
        label=_("Venster (maanden)"),
        min_value=1,
        max_value=services.MAX_MONTHS,
        initial=services.DEFAULT_MONTHS,
        required=False,
        help_text=_("Contracten die binnen zoveel maanden van elkaar aflopen, vormen een groep."),
    )
    modus = forms.ChoiceField(label=_("Groeperen op"), choices=MODE_CHOICES, required=False)
    horizon = forms.DateField(
        label=_("Horizon"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Alleen contracten die uiterlijk dan aflopen. Leeg: vijf jaar vooruit."),
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.user = user
        if user.is_platform_admin:  # any of the 342: the municipality picker
            self.fields["gemeente"].widget = MunicipalityPicker()
            self.fields["gemeente"].choices = [("", _("alle gemeenten"))] + list(
                Municipality.objects.order_by("name").values_list("code", "name")
            )
        else:
            own = Municipality.objects.get(pk=user.municipality_id)
            self.fields["gemeente"].choices = [(own.code, own.name)]
            self.fields["gemeente"].initial = own.code
            self.fields["gemeente"].help_text = _("U ziet de inkoopkansen van uw eigen gemeente.")
        self.fields["regio"].choices = [("", _("heel Nederland"))] + [
            (
                region_type.name,
                [(f"{region_type.code}:{r.code}", r.name) for r in sorted(regions, key=lambda r: r.name)],
            )
            for region_type, regions in municipalities.regions_grouped()
            if region_type.code != "provincie"
        ]
        self.fields["provincie"].choices = [("", _("heel Nederland"))] + [
            (p.code, p.name) for p in municipalities.provinces()
        ]

    def opportunity_request(self) -> services.OpportunityRequest:
        d = self.cleaned_data
        return services.OpportunityRequest(
            municipality=d.get("gemeente") or "",
            region=d.get("regio") or "",
            province=d.get("provincie") or "",
            months=d.get("venster") or services.DEFAULT_MONTHS,
            mode=d.get("modus") or "component",
            horizon=d.get("horizon"),
        )

    FIELDS = {
        "municipality": "gemeente",
        "region": "regio",
        "province": "provincie",
        "months": "venster",
        "mode": "modus",
        "horizon": "horizon",
    }
