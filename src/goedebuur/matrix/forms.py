# SPDX-License-Identifier: EUPL-1.2
"""The filters of the matrix page and its downloads, read from the query string (a GET form that
works without JS). An invalid value is named on the page and left out; the rest still applies."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.municipalities import services as municipalities

from . import services

ONLY_WITH = "met"
ALL_MUNICIPALITIES = "alle"
ICT_COLUMNS = "ict"
ALL_COLUMNS = "alle"


class MatrixFilterForm(forms.Form):
    provincie = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        error_messages={
            "invalid_choice": _("De provincie ‘%(value)s’ bestaat niet; de matrix toont heel Nederland.")
        },
    )
    regio = forms.ChoiceField(
        label=_("Regio"),
        required=False,
        error_messages={
            "invalid_choice": _("De regio ‘%(value)s’ bestaat niet; de matrix toont alle regio's.")
        },
    )
    domein = forms.ChoiceField(
        label=_("Domein"),
        required=False,
        error_messages={
            "invalid_choice": _("Het domein ‘%(value)s’ bestaat niet; de matrix toont alle domeinen.")
        },
    )
    vorm = forms.ChoiceField(
        label=_("Vorm"),
        required=False,
        error_messages={"invalid_choice": _("De vorm ‘%(value)s’ bestaat niet; de matrix telt alle vormen.")},
    )
    kolommen = forms.ChoiceField(
        label=_("Kolommen"),
        required=False,
        choices=[
            (ICT_COLUMNS, _("alleen ICT-domeinen")),
            (ALL_COLUMNS, _("ICT-domeinen en andere beleidsdomeinen")),
        ],
        error_messages={
            "invalid_choice": _("Kies ‘ict’ of ‘alle’ kolommen; de matrix toont de ICT-domeinen.")
        },
    )
    alleen = forms.ChoiceField(
        label=_("Gemeenten"),
        required=False,
        choices=[(ONLY_WITH, _("alleen met samenwerkingen")), (ALL_MUNICIPALITIES, _("alle gemeenten"))],
        error_messages={
            "invalid_choice": _("Kies ‘met’ of ‘alle’ gemeenten; de matrix toont alle gemeenten.")
        },
    )

    def __init__(self, *args, page: bool = False, **kwargs):
        """`page`: the defaults of the page (ICT columns, only municipalities with a cooperation,
        unless a province or region is chosen); the downloads default to all columns and rows."""
        super().__init__(*args, **kwargs)
        self.page = page
        self.provinces = list(municipalities.provinces())
        self.fields["provincie"].choices = [
            ("", _("Heel Nederland")),
            *((p.code, p.name) for p in self.provinces),
        ]
        self.region_groups = [
            (rt, regions) for rt, regions in municipalities.regions_grouped() if rt.code != "provincie"
        ]
        self.fields["regio"].choices = [
            ("", _("Alle regio's")),
            *((f"{rt.code}:{r.code}", r.name) for rt, regions in self.region_groups for r in regions),
        ]
        self.ict_columns = services.ict_columns()
        self.context_columns = services.context_columns()
        self.fields["domein"].choices = [
            ("", _("Alle domeinen")),
            *((c.slug, c.name) for c in self.ict_columns + self.context_columns),
        ]
        self.forms = list(services.forms())
        self.fields["vorm"].choices = [("", _("Alle vormen")), *((f.code, f.name) for f in self.forms)]

    def selection(self) -> dict:
        """The valid filters as keyword arguments for `services.register_matrix`."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        province, region = data.get("provincie", ""), data.get("regio", "")
        columns = data.get("kolommen") or (ICT_COLUMNS if self.page else ALL_COLUMNS)
        only = data.get("alleen") or ""
        if not only:  # the page shows the municipalities with a cooperation unless a place is chosen
            only = ONLY_WITH if self.page and not (province or region) else ALL_MUNICIPALITIES
        return {
            "province": province,
            "region": region,
            "only_with_cooperations": only == ONLY_WITH,
            "domain": data.get("domein", ""),
            "form": data.get("vorm", ""),
            "context": columns == ALL_COLUMNS,
        }

    def selected_region(self):
        region = self.selection()["region"]
        return municipalities.parse_region_key(region) if region else None
