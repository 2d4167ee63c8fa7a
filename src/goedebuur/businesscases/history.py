# SPDX-License-Identifier: EUPL-1.2
"""How a business case enters the history: its full state (owner, partners, domains and every
input with its source and author) as plain JSON data, and how such a snapshot is written back on
restore, also for a deleted case (it comes back with the same id)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from goedebuur.cooperations.models import IctDomain
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import BusinessCase

# Written back as they are; the two decimals and the relations are converted.
RESTORED_FIELDS = (
    "name",
    "scenario",
    "horizon",
    "start_year",
    "go_live_year",
    "distribution",
    "draws",
    "seed",
    "allocation_key",
    "custom_weights",
    "baselines",
    "savings",
    "hidden_costs",
    "double_contracts",
    "status",
    "is_demo",
)


@history.register
class BusinessCaseTracker(history.Tracker):
    model = BusinessCase
    label = "businesscases.businesscase"

    def snapshot(self, case):
        return {
            "owner": case.owner.code,
            "name": case.name,
            "scenario": case.scenario,
            "partners": sorted(case.partners.values_list("code", flat=True)) if case.pk else [],
            "domains": sorted(case.domains.values_list("slug", flat=True)) if case.pk else [],
            "horizon": case.horizon,
            "start_year": case.start_year,
            "go_live_year": case.go_live_year,
            "discount_rate": str(case.discount_rate),
            "distribution": case.distribution,
            "baseline_uncertainty_pct": str(case.baseline_uncertainty_pct),
            "draws": case.draws,
            "seed": case.seed,
            "allocation_key": case.allocation_key,
            "custom_weights": case.custom_weights,
            "baselines": case.baselines,
            "savings": case.savings,
            "hidden_costs": case.hidden_costs,
            "double_contracts": case.double_contracts,
            "status": case.status,
            "is_demo": case.is_demo,
        }

    def apply(self, case, state, *, user, object_id):
        owner = Municipality.objects.filter(code=state["owner"]).first()
        if owner is None:
            raise ValidationError(_("De eigenaar van deze versie bestaat niet meer."))
        if case is None:
            case = BusinessCase(pk=object_id, owner=owner, step="resultaat")
        case.owner = owner
        for name in RESTORED_FIELDS:
            if name in state:
                setattr(case, name, state[name])
        case.discount_rate = Decimal(state["discount_rate"])
        case.baseline_uncertainty_pct = Decimal(state["baseline_uncertainty_pct"])
        case.updated_by = user if user is not None and user.is_authenticated else None
        case.save()
        case.partners.set(Municipality.objects.filter(code__in=state["partners"]))
        case.domains.set(IctDomain.objects.filter(slug__in=state["domains"]))
        return case

    def restore_note(self, record):
        return _("versie van %(when)s hersteld") % {
            "when": formats.date_format(timezone.localtime(record.at), "DATETIME_FORMAT")
        }
