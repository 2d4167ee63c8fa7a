# SPDX-License-Identifier: EUPL-1.2
"""Public API of the fallback app: agreements (`agreements.py`), the services in scope
(`scope.py`), the common-mode risk of a pair and of suggested pairs (`common_mode.py`), the BIO test plan, test log and actions (`testplan.py`), the feasibility check and
restore simulation (`assessment.py`), and history and restore (`history.py`), including deleted
agreements and removed services.

Every change validates first (Dutch messages, nothing saved on error; `ValidationError` per field
or `PermissionDenied`) and records a snapshot in the history. Callers wrap calls in a transaction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from goedebuur.core.fallback.common_mode import expires_on as test_expires_on
from goedebuur.history import services as history

from . import history as trackers
from .agreements import (
    delete_agreement,
    distance_km,
    rotate_calendar,
    save_agreement,
    site_defaults,
)
from .assessment import (
    DirectionResult,
    Report,
    assess,
    direction_for,
    is_finite,
    overall_status,
    rate_per_slot,
    report,
)
from .common_mode import CommonModeReport, agreement_common_mode, pair_warnings
from .models import Agreement, Service
from .scope import application_defaults, delete_service, save_service
from .testplan import (
    complete_action,
    current_by_agreement,
    is_overdue,
    open_actions,
    overdue_tests,
    plan_test,
    record_test,
    restore_action_version,
    save_action,
    tests_current,
    today,
)

__all__ = [
    "CommonModeReport",
    "DirectionResult",
    "Report",
    "agreement_common_mode",
    "agreement_versions",
    "application_defaults",
    "assess",
    "complete_action",
    "current_by_agreement",
    "delete_agreement",
    "delete_service",
    "deleted_agreement",
    "deleted_agreements",
    "deleted_service",
    "deleted_services",
    "direction_for",
    "distance_km",
    "is_finite",
    "is_overdue",
    "may_restore_deleted",
    "may_see_deleted",
    "open_actions",
    "overall_status",
    "overdue_tests",
    "pair_warnings",
    "plan_test",
    "rate_per_slot",
    "record_test",
    "report",
    "restore_action_version",
    "restore_agreement_version",
    "restore_deleted_agreement",
    "restore_deleted_service",
    "restore_service_version",
    "rotate_calendar",
    "save_action",
    "save_agreement",
    "save_service",
    "service_versions",
    "site_defaults",
    "test_expires_on",
    "tests_current",
    "today",
    "versions",
]


def versions(instance):
    """The recorded versions of an agreement, service or follow-up action, newest first."""
    return history.versions(instance)


def agreement_versions(pk: int):
    """The versions of an agreement that may have been deleted."""
    return history.removed_versions(Agreement, pk)


def service_versions(pk: int):
    """The versions of a service that may have been removed."""
    return history.removed_versions(Service, pk)


def restore_agreement_version(agreement: Agreement, record_id: int, user) -> Agreement:
    """Bring the agreement back to one of its recorded versions; the restore is itself recorded."""
    return history.restore(agreement, record_id, user)


def restore_service_version(service: Service, record_id: int, user) -> Service:
    """Bring a service back to one of its recorded versions (dependencies that still exist)."""
    return history.restore(service, record_id, user)


# --- deleted agreements ---------------------------------------------------------------------------


def _party_ids(record) -> set:
    return {record.snapshot.get("party_a_id"), record.snapshot.get("party_b_id")}


def may_see_deleted(user, record) -> bool:
    """Administrators and users of either municipality of a deleted agreement see its history."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return bool(user.is_platform_admin or user.municipality_id in _party_ids(record))


def may_restore_deleted(user, record) -> bool:
    """Whoever may delete the agreement may put it back: its editors and administrators."""
    if not may_see_deleted(user, record):
        return False
    return bool(user.is_platform_admin or user.is_editor)


def deleted_agreements(user) -> list:
    """The last "delete" record of each agreement that is gone (not restored since), newest first,
    limited to administrators and users of either of its two municipalities."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    condition = None
    if not user.is_platform_admin:
        if user.municipality_id is None:
            return []
        mine = user.municipality_id
        condition = Q(snapshot__party_a_id=mine) | Q(snapshot__party_b_id=mine)
    records = list(history.deletions(trackers.AgreementTracker.label, condition))
    ids = {int(r.object_id) for r in records if r.object_id.isdigit()}
    return history.still_gone(records, Agreement.objects.filter(pk__in=ids).values_list("pk", flat=True))


def deleted_agreement(user, pk):
    """The "delete" record of agreement `pk` if it is gone and `user` may see it, else None."""
    return next((r for r in deleted_agreements(user) if r.object_id == str(pk)), None)


@transaction.atomic
def restore_deleted_agreement(pk: int, user, record_id: int | None = None) -> Agreement:
    """Put a deleted agreement back with its old id: the agreement as in version `record_id` (default:
    as it was when deleted), its services, test plan, test log and follow-up actions as they were
    when it was deleted (from their history; dependencies and test results where both ends are
    back). Everything is recorded as a restore; nothing is saved when any part fails."""
    deletion = deleted_agreement(user, pk)
    if deletion is None:
        raise ValidationError(_("Deze achtervangafspraak is niet verwijderd of is al hersteld."))
    if not may_restore_deleted(user, deletion):
        raise PermissionDenied(_("Alleen redacteuren van beide gemeenten mogen deze afspraak herstellen."))
    return history.restore_removed(Agreement, pk, deletion.pk if record_id is None else record_id, user)


# --- removed services -----------------------------------------------------------------------------


def deleted_services(agreement: Agreement) -> list:
    """The last version of each service removed from the agreement and not restored since."""
    records = history.deletions(trackers.ServiceTracker.label, Q(snapshot__agreement_id=agreement.pk))
    return history.still_gone(records, agreement.services.values_list("pk", flat=True))


def deleted_service(agreement: Agreement, service_pk: int) -> Service | None:
    """A removed service of the agreement as it was when removed (unsaved), or None."""
    record = next((r for r in deleted_services(agreement) if r.object_id == str(service_pk)), None)
    if record is None:
        return None
    service = Service(pk=service_pk, agreement=agreement, guest_id=record.snapshot["guest_id"])
    trackers.apply_snapshot(service, record.snapshot)
    return service


@transaction.atomic
def restore_deleted_service(agreement: Agreement, service_pk: int, record_id: int, user) -> Service:
    """Put a removed service back (same id) as it was in one of its recorded versions."""
    found = history.version(trackers.ServiceTracker.label, service_pk, record_id)
    if (
        deleted_service(agreement, service_pk) is None
        or found is None
        or found.snapshot.get("agreement_id") != agreement.pk
    ):
        raise ValidationError(_("Deze versie bestaat niet."))
    return history.restore_removed(Service, service_pk, record_id, user)
