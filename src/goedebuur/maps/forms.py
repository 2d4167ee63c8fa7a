# SPDX-License-Identifier: EUPL-1.2
"""The filters of the map page, read from the query string (a GET form that works without JS)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.cooperations import services as cooperations
from goedebuur.cooperations.models import Cooperation
from goedebuur.municipalities import services as municipalities

from . import services


class MapFilterForm(forms.Form):
    domein = forms.ChoiceField(
        label=_("ICT-domein"),
        required=False,
        error_messages={
            "invalid_choice": _("Het ICT-domein ‘%(value)s’ bestaat niet; de kaart telt alle domeinen.")
        },
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), *Cooperation.Status.choices],
        error_messages={
            "invalid_choice": _("De status ‘%(value)s’ bestaat niet; de kaart telt alle statussen.")
        },
    )
    provincie = forms.ChoiceField(
        label=_("Provincie"),
        required=False,
        error_messages={
            "invalid_choice": _("De provincie ‘%(value)s’ bestaat niet; de kaart toont heel Nederland.")
        },
    )
    samenwerking = forms.CharField(label=_("Markeer de deelnemers van"), required=False, max_length=220)
    telling = forms.ChoiceField(
        label=_("Kleur naar"),
        required=False,
        choices=[
            (services.ICT, _("ICT-samenwerkingen")),
            (services.ALL, _("alle samenwerkingen en regelingen")),
        ],
        error_messages={
            "invalid_choice": _("De telling ‘%(value)s’ bestaat niet; de kaart telt de ICT-samenwerkingen.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domein"].choices = [
            ("", _("Alle domeinen")),
            *((d.slug, d.name) for d in cooperations.domains()),
        ]
        self.fields["provincie"].choices = [
            ("", _("Heel Nederland")),
            *((p.code, p.name) for p in municipalities.provinces()),
        ]
        self.cooperation_choices = list(
            cooperations.live_cooperations()
            .select_related(None)
            .prefetch_related(None)
            .order_by("name")
            .values_list("slug", "name")
        )

    def clean_samenwerking(self):
        slug = self.cleaned_data["samenwerking"].strip()
        if not slug:
            return None
        cooperation = cooperations.get_live(slug)
        if cooperation is None:
            raise forms.ValidationError(
                _(
                    "Er is geen samenwerkingsverband ‘%(slug)s’ in het register (meer); "
                    "de kaart markeert daarom geen deelnemers."
                ),
                params={"slug": slug},
            )
        return cooperation

    def filters(self) -> dict:
        """The valid filters as keyword arguments for `cooperation_count_map`; invalid ones are left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "highlight": data.get("samenwerking"),
            "domain": data.get("domein", ""),
            "status": data.get("status", ""),
            "province": data.get("provincie", ""),
            "measure": data.get("telling") or services.ICT,
        }
