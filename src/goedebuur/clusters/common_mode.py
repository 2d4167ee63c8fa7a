# SPDX-License-Identifier: EUPL-1.2
"""Common-mode warnings on the suggested achtervang pairs: can both fail together? Presentation only:
the matching (`pairs`, `goedebuur.core.clusters.matching`) is untouched, the rules and their words are
the fallback app's (`goedebuur.fallback.services.pair_warnings`): the same safety region for every
visitor, products both take as SaaS from the same supplier only for users who may see landscapes."""

from __future__ import annotations

from dataclasses import dataclass, field

from goedebuur.fallback import services as fallback
from goedebuur.profiles import services as profiles


def group_codes(group) -> tuple[str, ...]:
    return tuple(m.code for m in group.members)


def checks_suppliers(user) -> bool:
    """Does `user` get the shared-supplier warnings (landscapes are not public)?"""
    return profiles.can_view_landscape(user)


def warnings_for(proposal, user, *, operator: bool = False) -> dict:
    """group codes -> its warnings (worded); empty without a proposal."""
    if proposal is None:
        return {}
    return fallback.pair_warnings([group_codes(g) for g in proposal.groups], user, operator=operator)


@dataclass
class Row:
    group: object  # pairs.FallbackGroup
    warnings: list = field(default_factory=list)


def rows(proposal, warnings: dict) -> list[Row]:
    return [Row(g, warnings.get(group_codes(g), [])) for g in proposal.groups] if proposal else []
