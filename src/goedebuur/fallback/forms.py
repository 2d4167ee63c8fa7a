# SPDX-License-Identifier: EUPL-1.2
"""Forms of the achtervang planner, with Dutch messages. They parse; the rules (parties, guests,
dependencies, cycles, default sites) live in the services, whose refusals the views put next to
the fields (`goedebuur.common.add_to_form`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from goedebuur.common import MunicipalityPicker
from goedebuur.history.services import revision_field
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services as profiles

from .models import Agreement, FollowUpAction, Service, TestGrade, TestKind
from .scope import application_defaults


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


SITE_PARTS = ("name", "kind", "lat", "lon", "data_centre", "network_provider", "flood_area", "flood_source")
RESERVED_PARTS = ("vcpu", "ram_gb", "storage_gb", "workplaces")
SIDES = ("a", "b")


def site_fields(side: str) -> list[str]:
    """The fields of the site of party `side` ("a" or "b"), in the order of the form."""
    return [f"site_{side}_{part}" for part in SITE_PARTS]


def reserved_fields(side: str) -> list[str]:
    """The capacity party `side` reserves as host, in the order of the form."""
    return [f"reserved_{part}_{side}" for part in RESERVED_PARTS]


def _coordinate(label, limit: int, **kwargs) -> forms.FloatField:
    return forms.FloatField(
        label=label, required=False, min_value=-limit, max_value=limit, localize=True, **kwargs
    )


CENTRE = _("Leeg: het middelpunt van de gemeente.")


class AgreementForm(forms.ModelForm):
    revision = revision_field()
    site_a_lat = _coordinate(_("Breedtegraad locatie A"), 90, help_text=CENTRE)
    site_a_lon = _coordinate(_("Lengtegraad locatie A"), 180)
    site_b_lat = _coordinate(_("Breedtegraad locatie B"), 90, help_text=CENTRE)
    site_b_lon = _coordinate(_("Lengtegraad locatie B"), 180)

    class Meta:
        model = Agreement
        fields = [
            "party_a",
            "party_b",
            "mutual",
            "cooperation",
            *site_fields("a"),
            *site_fields("b"),
            "link_type",
            "link_mbps",
            "restore_mbps",
            "restore_slots",
            "peak_factor",
            "min_km",
            "max_km",
            *reserved_fields("a"),
            *reserved_fields("b"),
            "contacts_a",
            "contacts_b",
            "escalation",
            "start_date",
            "review_date",
        ]
        widgets = {
            "party_a": MunicipalityPicker,
            "party_b": MunicipalityPicker,
            "start_date": DateInput(),
            "review_date": DateInput(),
            "contacts_a": forms.Textarea(attrs={"rows": 3}),
            "contacts_b": forms.Textarea(attrs={"rows": 3}),
            "escalation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("revision", self.instance.revision)
        municipalities = Municipality.objects.order_by("name")
        self.fields["party_a"].queryset = municipalities
        self.fields["party_b"].queryset = municipalities
        self.fields["cooperation"].queryset = (
            self.fields["cooperation"].queryset.filter(deleted_at__isnull=True).order_by("name")
        )
        for name in ("site_a_name", "site_b_name"):
            self.fields[name].required = False
            self.fields[name].help_text = _("Leeg: het gemeentehuis.")

    def _columns(self, names) -> list[list]:
        return [[self[name] for name in names(side)] for side in SIDES]

    @property
    def site_columns(self) -> list[list]:
        """The bound fields of site A and of site B, side by side on the page."""
        return self._columns(site_fields)

    @property
    def reserved_columns(self) -> list[list]:
        """The reserved capacity of A and of B, side by side on the page."""
        return self._columns(reserved_fields)


class ServiceForm(forms.ModelForm):
    """A service of one guest. Name, B/I/V, RTO and RPO may stay empty when an application from the
    guest's landscape is chosen: they are then taken from it."""

    revision = revision_field()

    class Meta:
        model = Service
        fields = [
            "application",
            "name",
            "beschikbaarheid",
            "integriteit",
            "vertrouwelijkheid",
            "rto_hours",
            "rpo_hours",
            "data_gb",
            "daily_change_gb",
            "vcpu",
            "ram_gb",
            "workplaces",
            "depends_on",
        ]
        widgets = {"depends_on": forms.CheckboxSelectMultiple}

    def __init__(self, *args, agreement, guest, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("revision", self.instance.revision)
        self.fields["application"].queryset = profiles.landscape(guest)
        self.fields["application"].label_from_instance = lambda a: a.product.name
        self.fields["application"].help_text = _(
            "Kies een applicatie uit het landschap van %(name)s, of vul de dienst hieronder zelf in."
        ) % {"name": guest.name}
        others = agreement.services.filter(guest=guest)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["depends_on"].queryset = others
        self.fields["depends_on"].help_text = _("Diensten die eerst hersteld moeten zijn.")
        self.fields["daily_change_gb"].localize = True
        self.fields["daily_change_gb"].widget.is_localized = True
        for name in ("name", "beschikbaarheid", "integriteit", "vertrouwelijkheid", "rto_hours", "rpo_hours"):
            self.fields[name].required = False

    def clean(self):
        data = super().clean()
        application = data.get("application")
        if application is not None:
            for key, value in application_defaults(application).items():
                if data.get(key) in (None, ""):
                    data[key] = value
        labels = {
            "name": _("Vul de naam van de dienst in of kies een applicatie."),
            "beschikbaarheid": _("Kies 1, 2 of 3."),
            "integriteit": _("Kies 1, 2 of 3."),
            "vertrouwelijkheid": _("Kies 1, 2 of 3."),
            "rto_hours": _("Vul de maximale hersteltijd in uren in."),
            "rpo_hours": _("Vul het maximale gegevensverlies in uren in."),
        }
        for key, message in labels.items():
            if data.get(key) in (None, "") and key not in self.errors:
                self.add_error(key, message)
        return data


class PlannedTestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort test"), choices=TestKind.choices)
    planned_date = forms.DateField(label=_("Geplande datum"), widget=DateInput())


class TestRecordForm(forms.Form):
    """A test log entry, with per tested service the achieved restore time and data loss."""

    kind = forms.ChoiceField(label=_("Soort test"), choices=TestKind.choices)
    date = forms.DateField(label=_("Datum"), widget=DateInput())
    scenario = forms.CharField(label=_("Scenario"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    passed = forms.TypedChoiceField(
        label=_("Uitkomst"),
        choices=[("ja", _("geslaagd")), ("nee", _("niet geslaagd"))],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
    )
    grade = forms.ChoiceField(
        label=_("Zwaarte van de test"),
        choices=TestGrade.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Alleen een gedeeltelijk of volledig herstel telt als hersteltest; elke test geldt twaalf maanden."
        ),
    )
    findings = forms.CharField(
        label=_("Bevindingen"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.services = list(services)
        for service in self.services:
            # Both parties of a mutual agreement may have a service of the same name: name the guest.
            for key, label in (
                ("restore", _("Hersteltijd van %(name)s van %(municipality)s (uur)")),
                ("loss", _("Gegevensverlies van %(name)s van %(municipality)s (uur)")),
            ):
                self.fields[f"{key}_{service.pk}"] = forms.DecimalField(
                    label=label % {"name": service.name, "municipality": service.guest.name},
                    required=False,
                    min_value=0,
                    max_digits=7,
                    decimal_places=2,
                    localize=True,
                )

    def service_rows(self):
        return [(s, self[f"restore_{s.pk}"], self[f"loss_{s.pk}"]) for s in self.services]

    def results(self) -> list[dict]:
        rows = []
        for service in self.services:
            restore = self.cleaned_data.get(f"restore_{service.pk}")
            loss = self.cleaned_data.get(f"loss_{service.pk}")
            if restore is None and loss is None:
                continue
            rows.append({"service": service, "restore_hours": restore or 0, "data_loss_hours": loss or 0})
        return rows

    def values(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("kind", "date", "scenario", "passed", "grade", "findings")}


class ActionForm(forms.ModelForm):
    class Meta:
        model = FollowUpAction
        fields = ["description", "owner", "owner_municipality", "due_date", "record"]
        widgets = {"due_date": DateInput()}

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_municipality"].queryset = Municipality.objects.filter(
            pk__in=agreement.party_ids
        ).order_by("name")
        self.fields["record"].queryset = agreement.test_records.all()
