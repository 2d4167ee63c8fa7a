# SPDX-License-Identifier: EUPL-1.2
"""Field-level differences between two snapshots (plain dicts) of a record."""

from typing import Any


def diff_snapshots(before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields whose value differs, as [{"field", "old", "new"}], in the order of `after`
    followed by fields only in `before`. Lists are compared as given (callers sort them)."""
    before = before or {}
    changes = []
    for field, new in after.items():
        old = before.get(field)
        if old != new:
            changes.append({"field": field, "old": old, "new": new})
    for field, old in before.items():
        if field not in after:
            changes.append({"field": field, "old": old, "new": None})
    return changes
