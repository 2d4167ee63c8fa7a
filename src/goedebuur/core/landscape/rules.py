# SPDX-License-Identifier: EUPL-1.2
"""Pure rules of the application landscape (no Django): name normalisation for suppliers and
products, criticality (B/I/V) from reference components, and default recovery objectives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Legal-form and country suffixes that make spelling variants of one supplier ("Centric B.V.",
# "Centric Nederland BV", "centric"). Matched as whole words after punctuation is removed, so
# "B.V." and "b v" both become "bv".
LEGAL_WORDS = frozenset(
    {
        "bv",
        "nv",
        "vof",
        "cv",
        "ltd",
        "limited",
        "inc",
        "gmbh",
        "ag",
        "sa",
        "sarl",
        "llc",
        "plc",
        "holding",
        "nederland",
        "netherlands",
        "nl",
    }
)

_NON_WORD = re.compile(r"[\W_]+")
# "B.V.", "N.V.", "V.O.F." and "C.V." written with dots or spaces between the letters.
_DOTTED = re.compile(r"\b(b|n|c)\s*\.?\s*(v)\b\.?|\bv\s*\.?\s*o\s*\.?\s*f\b\.?")


def normalize_name(text: str) -> str:
    """The key under which supplier and product names are compared: case folded, accents removed,
    punctuation and legal suffixes ("B.V.", "BV", "N.V.", "Nederland", ...) removed, whitespace
    collapsed. A name made only of legal words keeps them, so it never normalises to empty."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", str(text).casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("&", " en ")
    folded = _DOTTED.sub(lambda m: " " + re.sub(r"[^a-z]", "", m.group(0)) + " ", folded)
    words = _NON_WORD.sub(" ", folded).split()
    kept = [w for w in words if w not in LEGAL_WORDS]
    return " ".join(kept or words)


# Goede Buur's default recovery tiers per availability score (beschikbaarheid, BIV 1-3): the
# maximum time to restore a service (RTO) and the maximum data loss (RPO), in hours. They are a
# starting point for BIO 8.13.02 ("define maximum data loss and restore time"), not a norm: every
# municipality overrides them per application.
RECOVERY_TIERS: dict[int, tuple[int, int]] = {
    1: (72, 24),  # laag: binnen drie werkdagen terug, hooguit een dag gegevensverlies
    2: (24, 4),  # midden: binnen een werkdag terug, hooguit vier uur gegevensverlies
    3: (4, 1),  # hoog: binnen vier uur terug, hooguit een uur gegevensverlies
}


def default_recovery(beschikbaarheid: int | None) -> tuple[int, int]:
    """(rto_hours, rpo_hours) for an availability score 1-3; unknown or out-of-range scores are
    clamped (None counts as the middle tier)."""
    if beschikbaarheid is None:
        level = 2
    else:
        level = min(3, max(1, int(beschikbaarheid)))
    return RECOVERY_TIERS[level]


def biv_from_components(scores: Iterable[tuple[int | None, int | None, int | None]]) -> tuple[int, int, int]:
    """Criticality of an application that fulfils several reference components: per aspect the
    highest GEMMA score over its components (an application is as critical as its most critical
    function). Missing scores are ignored; an aspect without any score gets the middle value 2."""
    best = [None, None, None]
    for triple in scores:
        for i, value in enumerate(triple):
            if value is None:
                continue
            value = min(3, max(1, int(value)))
            if best[i] is None or value > best[i]:
                best[i] = value
    return tuple(2 if v is None else v for v in best)  # type: ignore[return-value]


# Published benchmark of municipal ICT cost (M&I/Partners, ICT benchmark gemeenten): euro per
# inhabitant per year, by year of measurement, and euro per ICT workplace.
BENCHMARK_SOURCE = "M&I/Partners, ICT-benchmark gemeenten"
BENCHMARK_PER_INHABITANT: dict[int, int] = {2018: 84, 2019: 86, 2020: 93, 2021: 96}
BENCHMARK_PER_WORKPLACE: tuple[int, int] = (2013, 6101)


def per_unit(total: float | None, units: float | None) -> float | None:
    """total / units, or None when either is unknown or units is not positive."""
    if total is None or units is None or units <= 0:
        return None
    return total / units


def difference_pct(value: float | None, benchmark: float) -> float | None:
    """How far `value` lies above (+) or below (-) the benchmark, in percent."""
    if value is None or benchmark <= 0:
        return None
    return (value - benchmark) / benchmark * 100.0


def compare_landscapes(a: dict, b: dict) -> dict[str, list]:
    """Compare two landscapes given as {component: set of products}.

    Returns lists of components: "same" (both have it and share at least one product: easy to
    share), "different" (both have it with no product in common: harmonisation needed), "only_a"
    and "only_b". Components keep the order of sorted keys."""
    same, different, only_a, only_b = [], [], [], []
    for component in sorted(set(a) | set(b)):
        in_a, in_b = component in a, component in b
        if in_a and in_b:
            (same if set(a[component]) & set(b[component]) else different).append(component)
        elif in_a:
            only_a.append(component)
        else:
            only_b.append(component)
    return {"same": same, "different": different, "only_a": only_a, "only_b": only_b}
