# SPDX-License-Identifier: EUPL-1.2
"""Forms of the step-by-step business case, with Dutch messages. Rows (one partner, one domain,
one hidden cost) are small forms with a prefix; the whole case is validated again by the core
in services, whose messages the view shows in the error summary."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalitiesPicker
from goedebuur.cooperations.models import IctDomain
from goedebuur.core.businesscase.model import MAX_HORIZON
from goedebuur.history.services import revision_field
from goedebuur.municipalities.models import Municipality

from .models import BusinessCase

MAX_EUR = 10_000_000_000


def _int(label, *, min_value=0, max_value=MAX_EUR, required=True, negative=None):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=min_value,
        max_value=max_value,
        error_messages={
            "required": _("Vul dit veld in."),
            "invalid": _("Vul een geheel getal in."),
            "min_value": negative or _("Vul een getal van %(limit_value)s of meer in."),
            "max_value": _("Vul een getal van hooguit %(limit_value)s in."),
        },
    )


def _percent(label, *, max_value=100):
    return forms.DecimalField(
        label=label,
        min_value=0,
        max_value=max_value,
        max_digits=7,
        decimal_places=3,
        localize=True,
        error_messages={
            "required": _("Vul dit veld in."),
            "invalid": _("Vul een getal in, bijvoorbeeld 5 of 2,5."),
            "min_value": _("Een percentage kan niet negatief zijn."),
            "max_value": _("Vul een percentage van hooguit %(limit_value)s in."),
        },
    )


def _source(*, long=False):
    """The source of an input; `long`: a text area that shows a default's whole source and
    reasoning (read before confirming), not a one-line field that cuts it off."""
    widget = forms.Textarea(attrs={"rows": 7, "class": "bc-source"}) if long else None
    return forms.CharField(label=_("Bron of toelichting"), max_length=500, required=False, widget=widget)


class RevisionForm(forms.Form):
    """The revision of the case a step was opened with; every step of the wizard carries it."""

    revision = revision_field()


class PartnersForm(forms.Form):
    name = forms.CharField(label=_("Naam van de businesscase"), max_length=200)
    scenario = forms.CharField(
        label=_("Scenario"),
        max_length=60,
        required=False,
        help_text=_("Bijvoorbeeld ‘licht’ (gezamenlijk inkopen) of ‘zwaar’ (gedeelde ICT-afdeling)."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Deelnemende gemeenten"),
        queryset=Municipality.objects.order_by("name").only("code", "name"),
        widget=MunicipalitiesPicker,
        help_text=_("Kies twee of meer gemeenten, waaronder uw eigen gemeente."),
        error_messages={"required": _("Kies ten minste twee gemeenten.")},
    )

    def clean_partners(self):
        partners = self.cleaned_data["partners"]
        if len(partners) < 2:
            raise forms.ValidationError(_("Kies ten minste twee gemeenten."))
        return partners


class ScopeForm(forms.Form):
    domains = forms.ModelMultipleChoiceField(
        label=_("ICT-domeinen waarop u samenwerkt"),
        queryset=IctDomain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    horizon = _int(
        _("Horizon (jaren)"),
        min_value=1,
        max_value=MAX_HORIZON,
        negative=_("De horizon moet 1 tot en met 30 jaar zijn."),
    )
    start_year = _int(_("Eerste jaar"), min_value=2000, max_value=2100)
    go_live_year = _int(
        _("Jaar van de overstap (jaar van de horizon)"),
        min_value=1,
        max_value=MAX_HORIZON,
    )

    def clean(self):
        data = super().clean()
        if data.get("horizon") and data.get("go_live_year") and data["go_live_year"] > data["horizon"]:
            self.add_error("go_live_year", _("Het jaar van de overstap valt buiten de horizon."))
        return data


class BaselineRowForm(forms.Form):
    eur = _int(_("ICT-kosten per jaar (€)"), negative=_("De ICT-kosten kunnen niet negatief zijn."))
    source = _source()
    inhabitants = _int(
        _("Inwoners"), required=False, negative=_("Het aantal inwoners kan niet negatief zijn.")
    )
    ict_spend_eur = _int(
        _("Eerdere ICT-uitgaven (€)"),
        required=False,
        negative=_("De ICT-uitgaven kunnen niet negatief zijn."),
    )
    workplaces = _int(
        _("Werkplekken"), required=False, negative=_("Het aantal werkplekken kan niet negatief zijn.")
    )


class RangeMixin:
    def clean(self):
        data = super().clean()
        low, likely, high = data.get("low"), data.get("likely"), data.get("high")
        if None not in (low, likely, high):
            if low > high:
                self.add_error("low", _("De laagste waarde is hoger dan de hoogste."))
            elif not low <= likely <= high:
                self.add_error(
                    "likely", _("De meest waarschijnlijke waarde moet tussen laag en hoog liggen.")
                )
        return data


class SavingRowForm(RangeMixin, forms.Form):
    domain_share_pct = _percent(_("Aandeel in de ICT-kosten (%)"))
    low = _percent(_("Besparing laag (%)"))
    likely = _percent(_("Besparing waarschijnlijk (%)"))
    high = _percent(_("Besparing hoog (%)"))
    start_year = _int(_("Vanaf jaar"), min_value=1, max_value=MAX_HORIZON)
    ramp_years = _int(_("Ingroei (jaren)"), min_value=1, max_value=MAX_HORIZON)
    source = _source(long=True)


class HiddenCostRowForm(RangeMixin, forms.Form):
    low = _int(_("Laag (€)"), negative=_("Een bedrag kan niet negatief zijn."))
    likely = _int(_("Waarschijnlijk (€)"), negative=_("Een bedrag kan niet negatief zijn."))
    high = _int(_("Hoog (€)"), negative=_("Een bedrag kan niet negatief zijn."))
    year = _int(_("Jaar (0 = laatste jaar)"), min_value=0, max_value=MAX_HORIZON)
    source = _source(long=True)
    confirmed = forms.BooleanField(label=_("Bevestigd"), required=False)
    zero = forms.BooleanField(label=_("Zet op nul"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("zero"):
            data.update(low=0, likely=0, high=0, confirmed=True)
            for name in ("low", "likely", "high"):
                self.errors.pop(name, None)
        return data


class AllocationForm(forms.Form):
    allocation_key = forms.ChoiceField(
        label=_("Verdeelsleutel voor de gezamenlijke kosten"),
        choices=BusinessCase.AllocationKey.choices,
        widget=forms.RadioSelect,
    )
    discount_rate_pct = forms.DecimalField(
        label=_("Discontovoet (%)"),
        min_value=Decimal("-5"),
        max_value=Decimal("50"),
        max_digits=6,
        decimal_places=2,
        localize=True,
        error_messages={"invalid": _("Vul een percentage in, bijvoorbeeld 2,25.")},
    )
    distribution = forms.ChoiceField(label=_("Kansverdeling"), choices=BusinessCase.Distribution.choices)
    baseline_uncertainty_pct = _percent(_("Onzekerheid van de basislijn (± %)"))
    draws = _int(_("Aantal trekkingen"), min_value=1_000, max_value=100_000)
    seed = _int(_("Startgetal (seed)"), min_value=0, max_value=2_147_483_647)

    def __init__(self, *args, partners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.partner_fields = []
        for municipality in partners:
            name = f"weight_{municipality.code}"
            self.fields[name] = forms.DecimalField(
                label=_("Eigen aandeel %(name)s") % {"name": municipality.name},
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=4,
                localize=True,
                error_messages={"min_value": _("Een aandeel kan niet negatief zijn.")},
            )
            self.partner_fields.append(name)

    def custom_weights(self) -> dict:
        return {
            name.removeprefix("weight_"): float(self.cleaned_data[name])
            for name in self.partner_fields
            if self.cleaned_data.get(name) is not None
        }

    def weight_fields(self):
        return [self[name] for name in self.partner_fields]
