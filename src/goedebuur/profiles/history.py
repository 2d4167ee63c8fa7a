# SPDX-License-Identifier: EUPL-1.2
"""How ICT profiles and applications enter the history: their full state (sharing, components and
contract included) as plain JSON data, and how such a snapshot is written back on restore. The
labels and snapshot keys are those stored since the start; never change them.

`record_many` writes the history of many applications at once (the landscape import); it is the
only code of the app that touches `ChangeRecord` directly (see its docstring)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from goedebuur.common import date
from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from . import landscape
from .models import AMBITIONS, Application, Contract, Profile

PROFILE_FIELDS = (
    "inhabitants",
    "inhabitants_year",
    "ict_spend_eur",
    "ict_spend_year",
    "workplaces",
    "hosting_model",
    "contact_name",
    "contact_email",
    "is_demo",
    *(f"ambition_{key}" for key, _label in AMBITIONS),
    *(f"ambition_{key}_motivation" for key, _label in AMBITIONS),
)


def _iso(value):
    return value.isoformat() if value else None


def _real(user):
    return user if user is not None and user.is_authenticated else None


def _restore_note(record) -> str:
    return _("versie van %(when)s hersteld") % {
        "when": date(timezone.localtime(record.at), "DATETIME_FORMAT")
    }


@history.register
class ProfileTracker(history.Tracker):
    model = Profile
    label = "profiles.profile"

    def describe(self, profile):
        return str(profile.municipality)

    def restore_note(self, record):
        return _restore_note(record)

    def snapshot(self, profile):
        data = {
            "municipality": profile.municipality.code,
            "inhabitants": profile.inhabitants,
            "inhabitants_year": profile.inhabitants_year,
            "ict_spend_eur": profile.ict_spend_eur,
            "ict_spend_year": profile.ict_spend_year,
            "ict_fte": None if profile.ict_fte is None else str(profile.ict_fte),
            "workplaces": profile.workplaces,
            "hosting_model": profile.hosting_model,
            "open_domains": sorted(profile.open_domains.values_list("slug", flat=True)),
            "contact_name": profile.contact_name,
            "contact_email": profile.contact_email,
            "share_contracts_with": sorted(profile.share_contracts_with.values_list("slug", flat=True)),
            "is_demo": profile.is_demo,
        }
        for key, _label in AMBITIONS:
            data[f"ambition_{key}"] = getattr(profile, f"ambition_{key}")
            data[f"ambition_{key}_motivation"] = getattr(profile, f"ambition_{key}_motivation")
        return data

    def apply(self, profile, state, *, user, object_id):
        """Cooperations that no longer exist are left out of the sharing."""
        for name in PROFILE_FIELDS:
            if name in state:
                setattr(profile, name, state[name])
        profile.ict_fte = None if state.get("ict_fte") is None else Decimal(state["ict_fte"])
        profile.updated_by = _real(user)
        profile.save()
        profile.open_domains.set(IctDomain.objects.filter(slug__in=state.get("open_domains", [])))
        profile.share_contracts_with.set(
            Cooperation.objects.filter(
                slug__in=state.get("share_contracts_with", []), deleted_at__isnull=True
            )
        )
        return profile


@history.register
class ApplicationTracker(history.Tracker):
    model = Application
    label = "profiles.application"

    def describe(self, application):
        return f"{application.product.name} ({application.municipality.code})"

    def restore_note(self, record):
        return _restore_note(record)

    def snapshot(self, application):
        return self.state(
            application,
            application.components.values_list("gemma_id", flat=True),
            Contract.objects.filter(application=application).first(),
        )

    @staticmethod
    def state(application, gemma_ids, contract) -> dict:
        """The snapshot from parts already loaded (the import builds many at once)."""
        return {
            "municipality": application.municipality.code,
            "supplier": application.product.supplier.name,
            "product": application.product.name,
            "version": application.version,
            "components": sorted(gemma_ids),
            "hosting": application.hosting,
            "beschikbaarheid": application.beschikbaarheid,
            "integriteit": application.integriteit,
            "vertrouwelijkheid": application.vertrouwelijkheid,
            "rto_hours": application.rto_hours,
            "rpo_hours": application.rpo_hours,
            "is_demo": application.is_demo,
            "contract": None
            if contract is None
            else {
                "start_date": _iso(contract.start_date),
                "end_date": _iso(contract.end_date),
                "notice_months": contract.notice_months,
                "yearly_cost_eur": contract.yearly_cost_eur,
                "extension_options": contract.extension_options,
            },
        }

    def apply(self, application, state, *, user, object_id):
        """Also for a deleted application (None): it comes back with the same id. The values go
        through the same checks as an edit; a product the municipality meanwhile has as another
        application refuses the restore."""
        municipality = (
            application.municipality
            if application is not None
            else Municipality.objects.get(code=state["municipality"])
        )
        values = {name: value for name, value in state.items() if name != "municipality"}
        values.setdefault("is_demo", False)
        values.setdefault("contract", None)
        cleaned = landscape.clean_application_values(values)
        product = landscape.get_or_create_product(cleaned["supplier"], cleaned["product"])
        clash = Application.objects.filter(municipality=municipality, product=product).exclude(pk=object_id)
        if clash.exists():
            raise ValidationError(
                {
                    "product": _(
                        "Deze gemeente heeft dit product al in het landschap; herstel is niet mogelijk."
                    )
                }
            )
        return landscape.write_application(municipality, application, product, cleaned, pk=int(object_id))
