# SPDX-License-Identifier: EUPL-1.2
"""Forms for register entries. They parse; the register's rules live in services.validate, whose
refusals the page shows through `goedebuur.common.add_to_form(EntryErrors(form, formset), error)`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.history.services import revision_field
from goedebuur.municipalities.models import Municipality

from . import services
from .models import Cooperation, CooperationForm, IctDomain, Membership


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CooperationEntryForm(forms.Form):
    revision = revision_field()
    name = forms.CharField(label=_("Naam"), max_length=200)
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat doen de partners samen, en wat niet?"),
    )
    domains = forms.ModelMultipleChoiceField(
        label=_("ICT-domeinen"),
        queryset=IctDomain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één ICT-domein.")},
    )
    form = forms.ModelChoiceField(
        label=_("Vorm"),
        queryset=CooperationForm.objects.all(),
        empty_label=_("Kies een vorm"),
        error_messages={"required": _("Kies de juridische of organisatorische vorm.")},
    )
    form_text = forms.CharField(
        label=_("Vorm volgens de bronnen"),
        max_length=300,
        required=False,
        help_text=_(
            "Bijvoorbeeld: eerst een overeenkomst (2010), sinds 2017 een bedrijfsvoeringsorganisatie."
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Cooperation.Status.choices, initial=Cooperation.Status.VERKENNING
    )
    start_date = forms.DateField(label=_("Startdatum"), required=False, widget=DateInput())
    start_year_only = forms.BooleanField(label=_("Alleen het jaar van de start is bekend"), required=False)
    end_date = forms.DateField(label=_("Einddatum"), required=False, widget=DateInput())
    end_year_only = forms.BooleanField(label=_("Alleen het jaar van het einde is bekend"), required=False)
    sources = forms.CharField(
        label=_("Bronnen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Eén bron per regel: een webadres, eventueel gevolgd door een toelichting, of een beschrijving."
        ),
    )

    def clean_sources(self):
        return services.parse_sources(self.cleaned_data["sources"])

    @classmethod
    def initial_for(cls, cooperation: Cooperation):
        return {
            "revision": cooperation.revision,
            "name": cooperation.name,
            "description": cooperation.description,
            "domains": list(cooperation.domains.all()),
            "form": cooperation.form,
            "form_text": cooperation.form_text,
            "status": cooperation.status,
            "start_date": cooperation.start_date,
            "start_year_only": cooperation.start_precision == Cooperation.Precision.YEAR,
            "end_date": cooperation.end_date,
            "end_year_only": cooperation.end_precision == Cooperation.Precision.YEAR,
            "sources": "\n".join(
                " ".join(
                    p
                    for p in (s.url, f"({s.description})" if s.url and s.description else s.description)
                    if p
                )
                for s in cooperation.sources.all()
            ),
        }


class MemberForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("Kies een gemeente"),
    )
    role = forms.ChoiceField(
        label=_("Rol"), choices=Membership.Role.choices, initial=Membership.Role.DEELNEMER, required=False
    )
    joined_on = forms.DateField(label=_("Toegetreden op"), required=False, widget=DateInput())
    left_on = forms.DateField(label=_("Uitgetreden op"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if (data.get("joined_on") or data.get("left_on")) and not data.get("municipality"):
            self.add_error("municipality", _("Kies de gemeente bij deze data."))
        if data.get("joined_on") and data.get("left_on") and data["left_on"] < data["joined_on"]:
            self.add_error("left_on", _("De uittreedatum ligt vóór de toetredingsdatum."))
        return data


class BaseMemberFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.member_errors = []  # the register's refusals about the members as a whole


MemberFormSet = forms.formset_factory(
    MemberForm, formset=BaseMemberFormSet, extra=3, max_num=100, validate_max=True
)


class EntryErrors:
    """The entry page as the target of `add_to_form`: a refusal about a field of the form goes with
    that field, one about the members above the member rows, anything else at the top."""

    def __init__(self, form: CooperationEntryForm, formset: BaseMemberFormSet):
        self.form = form
        self.formset = formset
        self.fields = {**form.fields, "members": None}

    def add_error(self, field, message):
        if field == "members":
            self.formset.member_errors.append(message)
        else:
            self.form.add_error(field, message)


def member_initial(cooperation: Cooperation):
    """The members and the open invitations (saving the form keeps an invitation it still lists)."""
    return [
        {"municipality": m.municipality, "role": m.role, "joined_on": m.joined_on, "left_on": m.left_on}
        for m in cooperation.members
    ]


def to_input(form: CooperationEntryForm, formset) -> services.CooperationInput:
    data = form.cleaned_data
    members = [
        services.MemberInput(
            f.cleaned_data["municipality"],
            f.cleaned_data["role"] or Membership.Role.DEELNEMER,
            f.cleaned_data.get("joined_on"),
            f.cleaned_data.get("left_on"),
        )
        for f in formset.forms
        if f.cleaned_data.get("municipality")
    ]
    year = Cooperation.Precision.YEAR
    day = Cooperation.Precision.DAY
    return services.CooperationInput(
        name=data["name"],
        description=data["description"],
        form=data["form"],
        form_text=data["form_text"],
        status=data["status"],
        start_date=data["start_date"],
        start_precision=year if data["start_year_only"] else day,
        end_date=data["end_date"],
        end_precision=year if data["end_year_only"] else day,
        domains=list(data["domains"]),
        members=members,
        sources=data["sources"],
    )
