# SPDX-License-Identifier: EUPL-1.2
"""Public API of the history app: the one history mechanism of the platform.

A model enters history by declaring a `Tracker` once, in its own app (`<app>/history.py`, imported
from the app's `AppConfig.ready()` or its services):

    @history.register
    class CooperationTracker(history.Tracker):
        model = Cooperation
        label = "cooperations.cooperation"      # the stored `ChangeRecord.model`; never change it

        def snapshot(self, cooperation) -> dict:    # the full state, children included, as JSON data
            ...

        def apply(self, cooperation, state, *, user, object_id):   # write a snapshot back
            ...                                     # raise ValidationError when it cannot be applied
            return cooperation

Services then call `history.record(instance, "update", user)` after each change,
`history.versions(instance)` for the history page and the API's versions endpoint, and
`history.restore(instance, record_id, user)` to bring back an earlier version (in one transaction,
itself recorded as a change). Records that were removed from the database (a deleted application,
a removed fallback service) are restored with `history.restore_removed(Model, object_id, record_id,
user)`: the tracker's `apply` then receives `None` and recreates the record.

Lower-level functions (`record_change`, `versions_of`, `version`, `latest`) remain for callers
that write many records at once (the landscape import)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.common import date_time as format_date_time
from goedebuur.core.history import diff_snapshots

from .models import ChangeRecord

Action = ChangeRecord.Action

_TRACKERS: dict[type, Tracker] = {}
_BY_LABEL: dict[str, Tracker] = {}


class Tracker(ABC):
    """How one model's records are snapshotted and restored. Subclass, set `model` and `label`,
    implement `snapshot` (and `apply` when the record can be restored on its own; parts that come back
    only with their whole keep the refusal below), and decorate with `@history.register`. A subclass
    without `snapshot` cannot be instantiated, so registering it fails at start-up."""

    model: ClassVar[type]
    label: ClassVar[str]

    @abstractmethod
    def snapshot(self, instance) -> dict[str, Any]:
        """The record's full state, children included, as JSON data."""

    def apply(self, instance, state: dict[str, Any], *, user, object_id):
        """Write `state` back to `instance` (None: the record no longer exists and is recreated with
        primary key `object_id`), children included. Returns the instance. Raises ValidationError
        when the version cannot be applied (e.g. a referenced record no longer exists)."""
        raise ValidationError(
            _("Dit gegeven komt alleen terug samen met het geheel waar het bij hoort; herstel dat.")
        )

    def describe(self, instance) -> str:
        """The record's name in the history list."""
        return str(instance)

    def object_id(self, instance) -> str:
        return str(instance.pk)

    def restore_note(self, record: ChangeRecord) -> str:
        return _("hersteld naar de versie van %(at)s") % {"at": format_date_time(record.at)}


def register(tracker_class: type[Tracker]) -> type[Tracker]:
    """Class decorator: make a tracker known for its model (and for its stored label)."""
    tracker = tracker_class()
    _TRACKERS[tracker_class.model] = tracker
    _BY_LABEL[tracker_class.label] = tracker
    return tracker_class


def tracker_for(model_or_instance) -> Tracker:
    model = model_or_instance if isinstance(model_or_instance, type) else type(model_or_instance)
    for klass in model.__mro__:
        if klass in _TRACKERS:
            return _TRACKERS[klass]
    raise LookupError(f"{model.__name__} declares no history tracker")


def tracked_labels() -> list[str]:
    return sorted(_BY_LABEL)


def record(instance, action: str, user, note: str = "", *, snapshot: dict | None = None) -> ChangeRecord:
    """Record one change of a tracked record: who, when, the full snapshot and the differences."""
    tracker = tracker_for(instance)
    return record_change(
        model=tracker.label,
        object_id=tracker.object_id(instance),
        object_repr=tracker.describe(instance),
        action=action,
        user=user,
        snapshot=tracker.snapshot(instance) if snapshot is None else snapshot,
        note=note,
    )


def versions(instance, object_id=None):
    """The versions of a tracked record, newest first. (Transitional: `versions(label, object_id)`
    is the lower-level `versions_of` until every app declares a tracker.)"""
    if isinstance(instance, str):
        return versions_of(instance, object_id)
    tracker = tracker_for(instance)
    return versions_of(tracker.label, tracker.object_id(instance))


def removed_versions(model, object_id):
    """The versions of a record that may no longer exist (by model and primary key)."""
    return versions_of(tracker_for(model).label, object_id)


def get_version(instance, record_id: int) -> ChangeRecord:
    tracker = tracker_for(instance)
    found = version(tracker.label, tracker.object_id(instance), record_id)
    if found is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    return found


@transaction.atomic
def restore(instance, record_id: int, user, *, note: str | None = None):
    """Bring a record back to one of its recorded versions; the restore is itself a change."""
    tracker = tracker_for(instance)
    found = get_version(instance, record_id)
    restored = tracker.apply(instance, found.snapshot, user=user, object_id=tracker.object_id(instance))
    record(restored, Action.RESTORE, user, tracker.restore_note(found) if note is None else note)
    return restored


@transaction.atomic
def restore_removed(model, object_id, record_id: int, user, *, note: str | None = None):
    """Recreate a record that was removed from the database from one of its recorded versions."""
    tracker = tracker_for(model)
    found = version(tracker.label, object_id, record_id)
    if found is None:
        raise ValidationError(_("Deze versie bestaat niet."))
    existing = model._base_manager.filter(pk=object_id).first()
    restored = tracker.apply(existing, found.snapshot, user=user, object_id=object_id)
    record(restored, Action.RESTORE, user, tracker.restore_note(found) if note is None else note)
    return restored


def record_many(model_or_tracker, changes, user, note: str = "") -> None:
    """Record many changes of one tracker's records at once: `changes` are (instance, action,
    snapshot) with the snapshot built by the tracker. Same records as `record` per instance
    (differences against each record's previous version), in three queries instead of two per record
    (the landscape import)."""
    tracker = model_or_tracker if isinstance(model_or_tracker, Tracker) else tracker_for(model_or_tracker)
    changes = list(changes)
    ids = [tracker.object_id(instance) for instance, action, _snapshot in changes if action != "create"]
    previous: dict[str, dict] = {}
    if ids:
        for record in (
            ChangeRecord.objects.filter(model=tracker.label, object_id__in=ids)
            .order_by("object_id", "-at", "-id")
            .only("object_id", "snapshot")
        ):
            previous.setdefault(record.object_id, record.snapshot)
    real_user = user if user is not None and user.is_authenticated else None
    user_repr = user.get_username() if real_user else "systeem"
    records = []
    for instance, action, snapshot in changes:
        object_id = tracker.object_id(instance)
        records.append(
            ChangeRecord(
                model=tracker.label,
                object_id=object_id,
                object_repr=tracker.describe(instance)[:300],
                action=action,
                user=real_user,
                user_repr=user_repr,
                snapshot=snapshot,
                changes=diff_snapshots(previous.get(object_id), snapshot),
                note=note[:300],
            )
        )
    ChangeRecord.objects.bulk_create(records, batch_size=500)


# Lower level: by stored label and object id.


def record_change(*, model: str, object_id, object_repr: str, action: str, user, snapshot: dict, note=""):
    previous = latest(model, object_id)
    return ChangeRecord.objects.create(
        model=model,
        object_id=str(object_id),
        object_repr=object_repr[:300],
        action=action,
        user=user if user is not None and user.is_authenticated else None,
        user_repr=(user.get_username() if user is not None and user.is_authenticated else "systeem"),
        snapshot=snapshot,
        changes=diff_snapshots(previous.snapshot if previous else None, snapshot),
        note=note[:300],
    )


def latest(model: str, object_id):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id)).order_by("-at", "-id").first()


def versions_of(model: str, object_id):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id)).select_related("user")


def version(model: str, object_id, record_id: int):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id), pk=record_id).first()


# Queries by label: removed records and the state of children before a deletion (achtervang).


def deletions(label: str, condition=None):
    """The "delete" records of `label` (optionally filtered by a Q on the snapshot), newest first."""
    records = ChangeRecord.objects.filter(model=label, action=Action.DELETE)
    if condition is not None:
        records = records.filter(condition)
    return records.select_related("user").order_by("-at", "-id")


def still_gone(records, live_ids) -> list:
    """Of `records` (newest first), the newest per object that is not among `live_ids`."""
    live = {str(pk) for pk in live_ids}
    seen, found = set(), []
    for record in records:
        if record.object_id not in live and record.object_id not in seen:
            seen.add(record.object_id)
            found.append(record)
    return found


def latest_before(label: str, lookup: dict, before_id: int) -> list:
    """Per object, its newest history record older than `before_id`, unless that one is a delete."""
    records = ChangeRecord.objects.filter(model=label, id__lt=before_id, **lookup).order_by("-id")
    seen, found = set(), []
    for record in records:
        if record.object_id in seen:
            continue
        seen.add(record.object_id)
        if record.action != Action.DELETE and record.object_id.isdigit():
            found.append(record)
    return sorted(found, key=lambda r: int(r.object_id))


# Optimistic locking, published here for the apps' models, services and API (see `locking`).
# Page helpers of the history app (the versions page, the revision field of edit forms).
from .forms import revision_field  # noqa: E402
from .locking import (  # noqa: E402
    EditConflict,
    Versioned,
    conflict_message,
    etag,
    expect_revision,
    parse_if_match,
    revision_from,
)
from .views import render_versions  # noqa: E402

__all__ = [
    "Action",
    "deletions",
    "latest_before",
    "still_gone",
    "record_many",
    "render_versions",
    "revision_field",
    "EditConflict",
    "Tracker",
    "Versioned",
    "conflict_message",
    "etag",
    "expect_revision",
    "get_version",
    "latest",
    "parse_if_match",
    "record",
    "record_change",
    "register",
    "removed_versions",
    "restore",
    "restore_removed",
    "revision_from",
    "tracked_labels",
    "tracker_for",
    "version",
    "versions",
    "versions_of",
]
