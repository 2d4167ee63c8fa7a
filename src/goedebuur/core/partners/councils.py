# SPDX-License-Identifier: EUPL-1.2
"""Political similarity of two municipalities from their councils' seats per party (no Django).

A council is a mapping party name -> seats. Two councils are compared on their seat shares:
similarity = 1 - total variation distance = 1 - ½ Σ_p |share_a(p) - share_b(p)| over the union of
their (normalised) party names, computed as the equal overlap Σ_p min(share_a(p), share_b(p)) (exactly
0 without a party in common). 1 means the same shares of the same parties.

Party names are normalised before they are compared (`normalise_party`): case, accents kept, white
space dropped, and a joint list's parts in a fixed order, so that "GroenLinks-PvdA", "PvdA/GroenLinks"
and "groenlinks - pvda" are one party and "Gemeente Belangen" is "Gemeentebelangen". Nothing else is
matched: a local party matches a party elsewhere only when it carries the same name.

Shares are taken over the seats the source assigns to a party; seats it does not assign (a source
that names fewer seats than the council has) are left out rather than counted as a party of their own.
A council without seats is unknown: the similarity is then None, never 0."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

import numpy as np

_JOINT_LIST_SEPARATORS = re.compile(r"\s*[/+&]\s*|\s+-\s+|-")
_WHITESPACE = re.compile(r"\s+")


def normalise_party(name: str) -> str:
    """The key under which a party name is compared: case-folded, without white space, the parts of a
    joint list ("ChristenUnie-SGP", "SGP/ChristenUnie") sorted and joined with "/"."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("\u2013", "-").replace("\u2014", "-")
    parts = (_WHITESPACE.sub("", part) for part in _JOINT_LIST_SEPARATORS.split(text))
    return "/".join(sorted(part for part in parts if part))


def seat_shares(seats: Mapping[str, int]) -> dict[str, float]:
    """Normalised party -> share of the assigned seats (parties of the same normalised name summed).
    Empty when no seat is assigned."""
    merged: dict[str, int] = {}
    for party, count in seats.items():
        if count > 0:
            key = normalise_party(party)
            merged[key] = merged.get(key, 0) + count
    total = sum(merged.values())
    return {party: count / total for party, count in merged.items()} if total else {}


def council_similarity(a_seats: Mapping[str, int], b_seats: Mapping[str, int]) -> float | None:
    """1 - total variation distance between the seat shares of two councils, in 0..1; None when either
    council has no seats (unknown)."""
    a, b = seat_shares(a_seats), seat_shares(b_seats)
    if not a or not b:
        return None
    overlap = sum(min(share, b[party]) for party, share in a.items() if party in b)
    return min(1.0, overlap)


def share_matrix(councils: Sequence[Mapping[str, int] | None]) -> tuple[np.ndarray, list[str]]:
    """Seat shares of n councils as an (n, parties) array for ranking many at once, with the
    normalised party names of its columns. A council that is None or has no seats is a row of nan."""
    rows = [seat_shares(seats) if seats else {} for seats in councils]
    parties = sorted({party for row in rows for party in row})
    column = {party: j for j, party in enumerate(parties)}
    shares = np.zeros((len(rows), len(parties)))
    for i, row in enumerate(rows):
        if not row:
            shares[i, :] = np.nan
        for party, share in row.items():
            shares[i, column[party]] = share
    return shares, parties


def similarities_to(shares: np.ndarray, i: int) -> np.ndarray:
    """`council_similarity` of council i with every row of `share_matrix`'s array: n values in 0..1,
    nan where either council is unknown."""
    if shares.shape[1] == 0:
        return np.full(shares.shape[0], np.nan)
    return np.minimum(np.minimum(shares, shares[i]).sum(axis=1), 1.0)
