# SPDX-License-Identifier: EUPL-1.2
"""Who shares most regelingen with whom: the pairs of municipalities that take part in the same
regelingen (cooperations), and a ranking of a municipality's partners that counts a small regeling
more than a large one.

The weight of one shared regeling with n current municipal members is 1 / (n - 1): a bilateral
regeling counts 1 for the partner, a GGD of 30 municipalities 1/29 for each of the 29 others. So
every regeling weighs 1 in total for each of its members, spread evenly over the partners it gives
them, and a municipality's network is not dominated by the few regelingen the whole region is in.
The weight of a pair is the sum over the regelingen they share (an exact fraction, so that the
ranking does not depend on the order of additions).

Regelingen are identified by any hashable key (the caller's records); municipalities by their CBS
code. No Django, no sentences."""

import datetime as dt
import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple


@dataclass(frozen=True)
class Participation:
    """A municipality taking part now in a regeling, since a date (None when unknown)."""

    regeling: Hashable
    municipality: str
    since: dt.date | None = None


class Shared(NamedTuple):
    """One regeling two municipalities both take part in."""

    regeling: Hashable
    since: dt.date | None  # since when both take part: the later of their two dates (None if unknown)
    members: int  # current municipal members of the regeling

    @property
    def weight(self) -> Fraction:
        return regeling_weight(self.members)


def regeling_weight(members: int) -> Fraction:
    """The weight of a regeling with `members` municipal members for each pair in it: 1 / (members - 1)."""
    if members < 2:
        raise ValueError("a regeling with fewer than two members has no pairs")
    return Fraction(1, members - 1)


def _groups(participations: Iterable[Participation]) -> dict[Hashable, dict[str, dt.date | None]]:
    """Regeling -> {municipality: since}; a municipality listed twice keeps its earliest known date."""
    groups: dict[Hashable, dict[str, dt.date | None]] = {}
    for p in participations:
        members = groups.setdefault(p.regeling, {})
        if p.municipality in members:
            known = [d for d in (members[p.municipality], p.since) if d is not None]
            members[p.municipality] = min(known) if known else None
        else:
            members[p.municipality] = p.since
    return groups


def _both_since(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return None if a is None or b is None else max(a, b)


def _ordered(shared: list[Shared]) -> list[Shared]:
    """Smallest regelingen first (they weigh most), then the oldest; otherwise in the given order."""
    return sorted(shared, key=lambda s: (s.members, s.since or dt.date.max))


def shared_with(code: str, participations: Iterable[Participation]) -> dict[str, list[Shared]]:
    """Partner code -> the regelingen `code` shares with that partner."""
    result: dict[str, list[Shared]] = {}
    for regeling, members in _groups(participations).items():
        if code not in members or len(members) < 2:
            continue
        for partner, since in members.items():
            if partner != code:
                result.setdefault(partner, []).append(
                    Shared(regeling, _both_since(members[code], since), len(members))
                )
    return {partner: _ordered(shared) for partner, shared in result.items()}


def shared_by_pair(participations: Iterable[Participation]) -> dict[tuple[str, str], list[Shared]]:
    """(code a, code b) with a < b -> the regelingen both take part in; pairs sharing none are absent."""
    result: dict[tuple[str, str], list[Shared]] = {}
    for regeling, members in _groups(participations).items():
        codes = sorted(members)
        size = len(codes)
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                result.setdefault((a, b), []).append(
                    Shared(regeling, _both_since(members[a], members[b]), size)
                )
    return {pair: _ordered(shared) for pair, shared in result.items()}


def partners_from_pairs(code: str, pairs: dict[tuple[str, str], list[Shared]]) -> dict[str, list[Shared]]:
    """The `shared_with` view of one municipality, read from a `shared_by_pair` result."""
    result = {}
    for (a, b), shared in pairs.items():
        if a == code:
            result[b] = shared
        elif b == code:
            result[a] = shared
    return result


@dataclass(frozen=True)
class Partner:
    """A partner of a municipality in its network of shared regelingen."""

    code: str
    shared: tuple[Shared, ...]

    @property
    def count(self) -> int:
        return len(self.shared)

    @property
    def weight(self) -> Fraction:
        return sum((s.weight for s in self.shared), Fraction(0))

    @property
    def since(self) -> dt.date | None:
        """Since when they work together: the earliest known date of a shared regeling."""
        known = [s.since for s in self.shared if s.since is not None]
        return min(known) if known else None


def rank(shared: dict[str, list[Shared]]) -> list[Partner]:
    """Partners by weight (most first), then by number of shared regelingen, then by code."""
    partners = [Partner(code, tuple(items)) for code, items in shared.items() if items]
    return sorted(partners, key=lambda p: (-p.weight, -p.count, p.code))


# --- drawing (numbers only; the markup is built by the app) -----------------------------------------


def ring(count: int, radius: float, centre: tuple[float, float] = (0.0, 0.0)) -> list[tuple[float, float]]:
    """`count` points evenly on a circle, the first at the top, then clockwise (SVG's y points down)."""
    cx, cy = centre
    return [
        (
            cx + radius * math.sin(2 * math.pi * i / count),
            cy - radius * math.cos(2 * math.pi * i / count),
        )
        for i in range(count)
    ]


def widths(values: list[int], thinnest: float = 1.0, thickest: float = 8.0) -> list[float]:
    """Line widths in proportion to the values: the largest value gets `thickest`, a value of 1 at
    least `thinnest`; all equal values get the same width."""
    top = max(values, default=0)
    if top <= 0:
        return [thinnest for _ in values]
    return [max(thinnest, thickest * v / top) for v in values]
