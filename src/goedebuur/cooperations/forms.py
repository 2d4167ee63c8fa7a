# SPDX-License-Identifier: EUPL-1.2
"""Forms for register entries. They parse; the register's rules live in services.validate, whose
refusals the page shows through `goedebuur.common.add_to_form(EntryErrors(form, formset), error)`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalityPicker
from goedebuur.history.services import revision_field
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import HEAVY_MEMBER_FIELDS, Municipality

from . import services
from .models import Cooperation, CooperationForm, IctDomain, Membership, PolicyDomain


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CodeChoiceField(forms.ModelChoiceField):
    """A record chosen by its code, case-insensitive (`gm0345` is `GM0345`)."""

    def to_python(self, value):
        return super().to_python(value.upper() if isinstance(value, str) else value)


UNKNOWN_FILTER_VALUE = {"invalid_choice": _("Deze waarde bestaat niet; dit filter is niet toegepast.")}


class CooperationFilterForm(forms.Form):
    """The filters of the list page. A value that is not one of the choices is refused (with a
    message at the filter) and that filter is not applied."""

    STATUS_CHOICES = [
        (services.ONGOING, _("Lopend (niet beëindigd)")),
        ("alle", _("Alle")),
        *Cooperation.Status.choices,
    ]
    ORIGIN_CHOICES = [
        ("", _("Alle")),
        (services.ORIGIN_CODES_BY_VALUE[Cooperation.Origin.REGISTER], _("GR-register")),
        (services.ORIGIN_CODES_BY_VALUE[Cooperation.Origin.PLATFORM], _("Toegevoegd op Goede Buur")),
    ]

    q = forms.CharField(
        label=_("Zoeken"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": _("naam, afkorting of gemeente")}),
    )
    domein = forms.ModelChoiceField(
        label=_("ICT-domein"),
        queryset=IctDomain.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages=UNKNOWN_FILTER_VALUE,
        empty_label=_("Alle ICT-domeinen"),
    )
    beleidsdomein = forms.ModelChoiceField(
        label=_("Beleidsdomein"),
        queryset=PolicyDomain.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages=UNKNOWN_FILTER_VALUE,
        empty_label=_("Alle beleidsdomeinen"),
    )
    vorm = forms.ModelChoiceField(
        label=_("Vorm"),
        queryset=CooperationForm.objects.all(),
        to_field_name="code",
        required=False,
        error_messages=UNKNOWN_FILTER_VALUE,
        empty_label=_("Alle vormen"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=STATUS_CHOICES, required=False, error_messages=UNKNOWN_FILTER_VALUE
    )
    provincie = CodeChoiceField(
        label=_("Provincie"),
        queryset=municipalities.provinces(),
        to_field_name="code",
        required=False,
        error_messages=UNKNOWN_FILTER_VALUE,
        empty_label=_("Alle provincies"),
    )
    gemeente = CodeChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        required=False,
        error_messages=UNKNOWN_FILTER_VALUE,
        empty_label=_("Alle gemeenten"),
        widget=MunicipalityPicker,
    )
    herkomst = forms.ChoiceField(
        label=_("Herkomst"), choices=ORIGIN_CHOICES, required=False, error_messages=UNKNOWN_FILTER_VALUE
    )

    def filters(self) -> dict:
        """The service's filters for the valid fields (an invalid one is left out)."""
        data = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data then holds the valid fields
            data = self.cleaned_data
        status = data.get("status") or services.ONGOING
        return {
            "query": (data.get("q") or "").strip(),
            "domain": data["domein"].slug if data.get("domein") else "",
            "policy_domain": data["beleidsdomein"].slug if data.get("beleidsdomein") else "",
            "form": data["vorm"].code if data.get("vorm") else "",
            "status": "" if status == "alle" else status,
            "province": data["provincie"].code if data.get("provincie") else "",
            "municipality": data["gemeente"].code if data.get("gemeente") else "",
            "origin": services.ORIGIN_CODES.get(data.get("herkomst") or "", ""),
        }

    def any_filter(self) -> bool:
        """Whether the visitor chose anything other than the defaults."""
        return self.is_bound and any(
            value and not (name == "status" and value == services.ONGOING)
            for name, value in self.data.items()
            if name in self.fields
        )


class MemberFieldsForm(forms.Form):
    """What members add to every entry, also to one from the GR-register."""

    revision = revision_field()
    description = forms.CharField(
        label=_("Omschrijving"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat doen de partners samen, en wat niet?"),
    )
    policy_domains = forms.ModelMultipleChoiceField(
        label=_("Beleidsdomeinen"),
        queryset=PolicyDomain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("De andere beleidsterreinen waarop de partners samenwerken (afval, belastingen, …)."),
    )
    shared_services = forms.CharField(
        label=_("Gedeelde diensten"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Welke diensten de partners delen, bijvoorbeeld servicedesk, netwerkbeheer, inkoop."),
    )
    contact = forms.CharField(
        label=_("Contact"),
        required=False,
        max_length=300,
        help_text=_("Een functioneel adres of een afdeling; geen persoonsgegevens zonder toestemming."),
    )
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

    @staticmethod
    def member_initial_for(cooperation: Cooperation) -> dict:
        return {
            "revision": cooperation.revision,
            "description": cooperation.description,
            "domains": list(cooperation.domains.all()),
            "policy_domains": list(cooperation.policy_domains.all()),
            "shared_services": cooperation.shared_services,
            "contact": cooperation.contact,
            "sources": "\n".join(
                " ".join(
                    p
                    for p in (s.url, f"({s.description})" if s.url and s.description else s.description)
                    if p
                )
                for s in cooperation.sources.all()
            ),
        }


class CooperationEntryForm(MemberFieldsForm):
    """A cooperation added on the platform: every field."""

    name = forms.CharField(label=_("Naam"), max_length=200)
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

    @classmethod
    def initial_for(cls, cooperation: Cooperation):
        return cls.member_initial_for(cooperation) | {
            "name": cooperation.name,
            "form": cooperation.form,
            "form_text": cooperation.form_text,
            "status": cooperation.status,
            "start_date": cooperation.start_date,
            "start_year_only": cooperation.start_precision == Cooperation.Precision.YEAR,
            "end_date": cooperation.end_date,
            "end_year_only": cooperation.end_precision == Cooperation.Precision.YEAR,
        }


class RegisterEntryForm(MemberFieldsForm):
    """An entry from the GR-register: only what members add. The register's own data (name, form,
    status, dates, members and their dates) is not part of the form; it is shown read-only and
    anything posted for it is ignored. The role of each member is a field `role_<CBS code>`."""

    domains = forms.ModelMultipleChoiceField(
        label=_("ICT-domeinen"),
        queryset=IctDomain.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leeg als de regeling geen ICT-samenwerking is."),
    )

    def __init__(self, *args, cooperation: Cooperation, **kwargs):
        super().__init__(*args, **kwargs)
        self.cooperation = cooperation
        self.memberships = list(
            cooperation.memberships.select_related("municipality").defer(*HEAVY_MEMBER_FIELDS)
        )
        for membership in self.memberships:
            self.fields[self.role_field(membership)] = forms.ChoiceField(
                label=membership.municipality.name,
                choices=Membership.Role.choices,
                initial=membership.role,
            )

    @staticmethod
    def role_field(membership: Membership) -> str:
        return f"role_{membership.municipality.code}"

    def member_rows(self):
        """(membership, its role field) for the template."""
        return [(m, self[self.role_field(m)]) for m in self.memberships]

    @classmethod
    def initial_for(cls, cooperation: Cooperation):
        return cls.member_initial_for(cooperation)

    def to_input(self) -> services.CooperationInput:
        """The entry's current state with the member fields of the form: official data unchanged."""
        data = self.cleaned_data
        values = services.input_from(self.cooperation)
        values.description = data["description"]
        values.domains = list(data["domains"])
        values.policy_domains = list(data["policy_domains"])
        values.shared_services = data["shared_services"]
        values.contact = data["contact"]
        values.sources = data["sources"]
        roles = {m.municipality.code: data[self.role_field(m)] for m in self.memberships}
        for member in values.members:
            member.role = roles.get(member.municipality.code, member.role)
        return values


class MemberForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        empty_label=_("Kies een gemeente"),
        widget=MunicipalityPicker,
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
        policy_domains=list(data["policy_domains"]),
        shared_services=data["shared_services"],
        contact=data["contact"],
        members=members,
        sources=data["sources"],
    )
