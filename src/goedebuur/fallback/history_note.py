# SPDX-License-Identifier: EUPL-1.2
"""History entries for changes that are not a full save (the calendar key is never stored)."""

from goedebuur.history import services as history

from .services import AGREEMENT_HISTORY_MODEL, agreement_snapshot


def calendar_rotated(agreement, user) -> None:
    history.record_change(
        model=AGREEMENT_HISTORY_MODEL,
        object_id=agreement.pk,
        object_repr=str(agreement),
        action="update",
        user=user,
        snapshot=agreement_snapshot(agreement),
        note="nieuwe agendasleutel",
    )
