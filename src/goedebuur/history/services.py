# SPDX-License-Identifier: EUPL-1.2
"""Public API of the history app: record a change with a full snapshot, list and fetch versions."""

from goedebuur.core.history import diff_snapshots

from .models import ChangeRecord


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


def versions(model: str, object_id):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id)).select_related("user")


def version(model: str, object_id, record_id: int):
    return ChangeRecord.objects.filter(model=model, object_id=str(object_id), pk=record_id).first()
