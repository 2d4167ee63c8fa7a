# SPDX-License-Identifier: EUPL-1.2
"""Forms of the trajectory pages, with Dutch messages. The rules live in services; the views put
the services' ValidationError messages next to the fields."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import ContactEmailForm, MunicipalitiesPicker, MunicipalityPicker, years_from
from goedebuur.cooperations.models import CooperationForm, IctDomain
from goedebuur.core.trajectory.workflow import ACTIONS
from goedebuur.history.services import revision_field
from goedebuur.municipalities.models import Municipality

from .models import Ambition, ChecklistState, Decision


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _municipalities(label, help_text=""):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Municipality.objects.order_by("name"),
        help_text=help_text,
        widget=MunicipalitiesPicker,
        error_messages={
            "required": _("Kies ten minste één gemeente."),
            "invalid_choice": _("Onbekende gemeente."),
        },
    )


class SettingsForm(forms.Form):
    revision = revision_field()
    name = forms.CharField(
        label=_("Naam van het traject"),
        max_length=200,
        error_messages={"required": _("Geef het traject een naam.")},
    )
    description = forms.CharField(
        label=_("Omschrijving"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("ICT-domeinen"),
        queryset=IctDomain.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    intended_form = forms.ModelChoiceField(
        label=_("Beoogde samenwerkingsvorm"),
        queryset=CooperationForm.objects.all(),
        required=False,
        empty_label=_("nog niet gekozen"),
        help_text=_("Licht vóór zwaar: begin met de lichtste vorm die het doel haalt."),
    )
    public_summary = forms.BooleanField(
        label=_("Openbare samenvatting tonen (naam, deelnemers, domeinen, vorm en fase)"), required=False
    )


class CreateForm(SettingsForm):
    revision = None  # a new trajectory has no revision yet
    invitees = _municipalities(_("Gemeenten uitnodigen"))
    field_order = ["name", "invitees", "description", "domains", "intended_form", "public_summary"]

    def __init__(self, *args, admin=False, **kwargs):
        super().__init__(*args, **kwargs)
        if admin:
            self.fields["initiator"] = forms.ModelChoiceField(
                label=_("Initiatiefnemer"),
                queryset=Municipality.objects.order_by("name"),
                widget=MunicipalityPicker,
                empty_label="",
                error_messages={"required": _("Kies de gemeente die het initiatief neemt.")},
            )
            self.order_fields(["name", "initiator", *self.field_order[1:]])


class InviteForm(forms.Form):
    invitees = _municipalities(_("Gemeenten uitnodigen"))

    def __init__(self, *args, trajectory=None, **kwargs):
        super().__init__(*args, **kwargs)
        if (
            trajectory is not None
        ):  # only who does not take part yet (a municipality that declined may be asked again)
            taking_part = trajectory.participants.exclude(status="afgewezen").values("municipality_id")
            self.fields["invitees"].queryset = Municipality.objects.exclude(pk__in=taking_part).order_by(
                "name"
            )


class ChecklistForm(forms.Form):
    revision = revision_field()
    status = forms.ChoiceField(label=_("Status"), choices=ChecklistState.Status.choices)
    note = forms.CharField(label=_("Notitie"), required=False, max_length=2000)


class DecisionForm(forms.Form):
    """No outcome is chosen beforehand: go or no-go is the decision itself. The date field offers
    the window the service accepts (services.record_decision: not in the future, at most ten years
    back) as the browser's bounds."""

    outcome = forms.ChoiceField(
        label=_("Besluit"),
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies go of no-go.")},
    )
    date = forms.DateField(
        label=_("Datum van het besluit"),
        widget=DateInput(),
        initial=dt.date.today,
        help_text=_("Niet in de toekomst en niet meer dan tien jaar terug."),
        error_messages={
            "required": _("Vul de datum van het besluit in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    body = forms.ChoiceField(label=_("Genomen door"), choices=Decision.Body.choices)
    minutes_url = forms.URLField(
        assume_scheme="https",
        label=_("Link naar besluitenlijst of notulen"),
        required=False,
        max_length=500,
        error_messages={"invalid": _("Vul een volledige URL in, beginnend met https://.")},
    )
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = dt.date.today()
        self.fields["date"].widget.attrs.update(
            {"min": years_from(today, -10).isoformat(), "max": today.isoformat()}
        )


def _score(label):
    return forms.TypedChoiceField(
        label=label,
        choices=[(i, str(i)) for i in range(6)],
        coerce=int,
        help_text=_("0 (speelt geen rol) tot en met 5 (zeer belangrijk)"),
        error_messages={
            "required": _("Kies een score van 0 tot en met 5."),
            "invalid_choice": _("Kies een score van 0 tot en met 5."),
        },
    )


class AmbitionForm(forms.Form):
    revision = revision_field()
    kwaliteit = _score(_("Kwaliteit"))
    kosten = _score(_("minder meerKosten"))
    kwetsbaarheid = _score(_("Kwetsbaarheid verlagen"))
    personeel = _score(_("Kansen voor personeel"))
    motive = forms.ChoiceField(
        label=_("Motief"),
        choices=Ambition.Motive.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het motief: verbeteren of vermijden.")},
    )
    must_haves = forms.CharField(
        label=_("Harde eisen"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel: wat moet de samenwerking uw gemeente in elk geval brengen?"),
    )
    deal_breakers = forms.CharField(
        label=_("Breekpunten"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eén per regel: waarmee kan uw gemeente niet instemmen?"),
    )


class ActionForm(forms.Form):
    revision = revision_field()
    action = forms.ChoiceField(choices=[(code, code) for code in ACTIONS], widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reden"), required=False, max_length=2000)


class BusinessCaseLinkForm(forms.Form):
    business_cases = forms.ModelMultipleChoiceField(
        label=_("Gekoppelde businesscases"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["business_cases"].queryset = cases
        self.fields["business_cases"].label_from_instance = lambda case: f"{case.name} ({case.owner.name})"


class RespondForm(forms.Form):
    """The answer to an invitation: the button that was pressed. Anything else is refused rather
    than read as a refusal."""

    answer = forms.ChoiceField(
        label=_("Antwoord"),
        choices=[("aannemen", "aannemen"), ("afwijzen", "afwijzen")],
        error_messages={
            "required": _("Kies aannemen of afwijzen."),
            "invalid_choice": _("Kies aannemen of afwijzen."),
        },
    )


class ContactInviteForm(ContactEmailForm):
    """Invite a person at an invited municipality by e-mail (the rules: services.invite_contact)."""

    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.all(),
        widget=forms.HiddenInput,
        error_messages={"required": _("Kies een gemeente."), "invalid_choice": _("Onbekende gemeente.")},
    )
