# SPDX-License-Identifier: EUPL-1.2
"""Forms of the ICT profile and the application landscape, with Dutch messages. They only parse:
the rules (a year with each count, sharing only with the municipality's own cooperations,
normalised names, pre-filled B/I/V and RTO/RPO, contract checks) live in services; the view
shows their ValidationError next to the fields (`goedebuur.common.add_to_form`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalityPicker
from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.gemma.services import reference_components
from goedebuur.history.services import revision_field
from goedebuur.municipalities.models import Municipality

from .models import AMBITIONS, Application, Profile


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _count(label, *, help_text="", max_value=2_000_000_000):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=max_value,
        help_text=help_text,
        error_messages={
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Vul een getal van 0 of meer in."),
            "max_value": _("Dit getal is te groot."),
        },
    )


def _year(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1990,
        max_value=2100,
        error_messages={
            "invalid": _("Vul een jaartal in, bijvoorbeeld 2024."),
            "min_value": _("Vul een jaartal vanaf 1990 in."),
            "max_value": _("Vul een jaartal tot 2100 in."),
        },
    )


def _ambition(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=5,
        help_text=_("0 (geen ambitie) tot en met 5 (zeer belangrijk)"),
        error_messages={
            "invalid": _("Kies een gewicht van 0 tot en met 5."),
            "min_value": _("Kies een gewicht van 0 tot en met 5."),
            "max_value": _("Kies een gewicht van 0 tot en met 5."),
        },
    )


class ProfileForm(forms.ModelForm):
    revision = revision_field()
    inhabitants = _count(_("Inwoners"))
    inhabitants_year = _year(_("Peiljaar inwoners"))
    ict_spend_eur = _count(
        _("ICT-uitgaven per jaar (€)"), help_text=_("Alle ICT-kosten in hele euro's per jaar.")
    )
    ict_spend_year = _year(_("Jaar van de ICT-uitgaven"))
    ict_fte = forms.DecimalField(
        label=_("ICT-personeel (fte)"),
        required=False,
        localize=True,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        error_messages={
            "invalid": _("Vul een getal in, bijvoorbeeld 12,5."),
            "min_value": _("Vul een getal van 0 of meer in."),
            "max_digits": _("Dit getal is te groot."),
            "max_decimal_places": _("Gebruik hooguit twee decimalen."),
        },
    )
    workplaces = _count(_("Werkplekken"))
    ambition_kwaliteit = _ambition(_("Kwaliteit"))
    ambition_kosten = _ambition(_("minder meerKosten"))
    ambition_kwetsbaarheid = _ambition(_("Kwetsbaarheid verlagen"))
    ambition_personeel = _ambition(_("Kansen voor personeel"))
    open_domains = forms.ModelMultipleChoiceField(
        label=_("Open voor samenwerking op deze ICT-domeinen"),
        queryset=IctDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    share_contracts_with = forms.ModelMultipleChoiceField(
        label=_("Contracten en kosten delen met"),
        queryset=Cooperation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "De huidige deelnemers van deze samenwerkingsverbanden zien uw contracten en ICT-uitgaven. "
            "Andere gemeenten zien alleen welke applicaties u gebruikt."
        ),
    )

    class Meta:
        model = Profile
        fields = [
            "inhabitants",
            "inhabitants_year",
            "ict_spend_eur",
            "ict_spend_year",
            "ict_fte",
            "workplaces",
            "hosting_model",
            "ambition_kwaliteit",
            "ambition_kwaliteit_motivation",
            "ambition_kosten",
            "ambition_kosten_motivation",
            "ambition_kwetsbaarheid",
            "ambition_kwetsbaarheid_motivation",
            "ambition_personeel",
            "ambition_personeel_motivation",
            "open_domains",
            "contact_name",
            "contact_email",
            "share_contracts_with",
        ]
        widgets = {
            f"ambition_{key}_motivation": forms.Textarea(attrs={"rows": 2}) for key, _label in AMBITIONS
        }
        labels = {f"ambition_{key}_motivation": _("Motivatie") for key, _label in AMBITIONS}
        error_messages = {"contact_email": {"invalid": _("Vul een geldig e-mailadres in.")}}

    def __init__(self, *args, cooperations=None, **kwargs):
        """`cooperations`: the ones offered for sharing; any existing cooperation is read back, the
        service decides which may be shared with (the same refusal as the API)."""
        super().__init__(*args, **kwargs)
        field = self.fields["share_contracts_with"]
        field.queryset = Cooperation.objects.filter(deleted_at__isnull=True)
        field.widget.choices = [(c.pk, str(c)) for c in (cooperations if cooperations is not None else [])]
        self.fields["hosting_model"].choices = [("", _("onbekend"))] + list(Profile.HostingModel.choices)


BIV_CHOICES = [("", _("volgens GEMMA")), ("1", "1"), ("2", "2"), ("3", "3")]


class ApplicationForm(forms.Form):
    revision = revision_field()
    supplier = forms.CharField(
        label=_("Leverancier"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de leverancier in.")},
        widget=forms.TextInput(attrs={"list": "leveranciers", "autocomplete": "off"}),
        help_text=_(
            "Kies een bestaande leverancier uit de lijst; schrijfwijzen als 'B.V.' maken geen verschil."
        ),
    )
    product = forms.CharField(
        label=_("Product"),
        max_length=200,
        error_messages={"required": _("Vul de naam van het product in.")},
        widget=forms.TextInput(attrs={"list": "producten", "autocomplete": "off"}),
    )
    version = forms.CharField(label=_("Versie"), max_length=60, required=False)
    components = forms.ModelMultipleChoiceField(
        label=_("GEMMA-referentiecomponenten"),
        queryset=reference_components().order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"required": _("Kies ten minste één GEMMA-referentiecomponent.")},
        help_text=_("Houd Ctrl (of Cmd) ingedrukt om meer componenten te kiezen."),
    )
    hosting = forms.ChoiceField(
        label=_("Hosting"),
        choices=[("", _("Kies de hosting"))] + list(Application.Hosting.choices),
        error_messages={"required": _("Kies de hosting.")},
    )
    beschikbaarheid = forms.ChoiceField(label=_("Beschikbaarheid (B)"), choices=BIV_CHOICES, required=False)
    integriteit = forms.ChoiceField(label=_("Integriteit (I)"), choices=BIV_CHOICES, required=False)
    vertrouwelijkheid = forms.ChoiceField(
        label=_("Vertrouwelijkheid (V)"), choices=BIV_CHOICES, required=False
    )
    rto_hours = _count(_("RTO (uur)"), help_text=_("Leeg: volgens de standaardniveaus van Goede Buur."))
    rpo_hours = _count(_("RPO (uur)"), help_text=_("Leeg: volgens de standaardniveaus van Goede Buur."))
    start_date = forms.DateField(
        label=_("Startdatum contract"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    end_date = forms.DateField(
        label=_("Einddatum contract"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Vul een geldige datum in.")},
    )
    notice_months = _count(_("Opzegtermijn (maanden)"), max_value=600)
    yearly_cost_eur = _count(_("Kosten per jaar (€)"))
    extension_options = forms.CharField(
        label=_("Verlengingsopties"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    CONTRACT_FIELDS = ("start_date", "end_date", "notice_months", "yearly_cost_eur", "extension_options")

    # services name the contract's fields "contract.<name>" (for messages next to the fields)
    SERVICE_FIELDS = {f"contract.{name}": name for name in CONTRACT_FIELDS}

    def values(self) -> dict:
        """The cleaned data in the shape `services.save_application` takes (the same names; the
        contract's fields together under `contract`)."""
        data = self.cleaned_data
        values = {
            name: value
            for name, value in data.items()
            if name != "revision" and name not in self.CONTRACT_FIELDS
        }
        values["components"] = list(data.get("components") or [])
        values["contract"] = {name: data.get(name) for name in self.CONTRACT_FIELDS}
        return values

    @classmethod
    def initial_for(cls, application: Application) -> dict:
        initial = {
            "revision": application.revision,
            "supplier": application.product.supplier.name,
            "product": application.product.name,
            "version": application.version,
            "components": list(application.components.all()),
            "hosting": application.hosting,
            "beschikbaarheid": str(application.beschikbaarheid),
            "integriteit": str(application.integriteit),
            "vertrouwelijkheid": str(application.vertrouwelijkheid),
            "rto_hours": application.rto_hours,
            "rpo_hours": application.rpo_hours,
        }
        contract = getattr(application, "contract", None)
        if contract is not None:
            for name in cls.CONTRACT_FIELDS:
                initial[name] = getattr(contract, name)
        return initial


def _compare_side(label):
    return forms.ModelChoiceField(
        label=label,
        queryset=Municipality.objects.order_by("name").only("code", "name"),
        to_field_name="code",
        required=False,
        empty_label=_("Kies een gemeente"),
        widget=MunicipalityPicker,
        error_messages={"invalid_choice": _("Onbekende gemeente: kies er een uit de lijst.")},
    )


class CompareForm(forms.Form):
    """The two municipalities of /landschappen/vergelijk (`a` and `b`, CBS codes)."""

    a = _compare_side(_("Gemeente A"))
    b = _compare_side(_("Gemeente B"))
