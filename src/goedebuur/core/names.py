# SPDX-License-Identifier: EUPL-1.2
"""Finding a municipality by any name people use for it: the official name, a common name
('Den Haag' for 's-Gravenhage), a former name of a merged municipality or the name of a region
it belongs to ('FoodValley').

`search_key` folds a name to what a search compares: no case, no accents, no spaces or
punctuation, so 'Den Bosch', 'den-bosch' and 'DENBOSCH' are the same key and 'sgravenhage' finds
's-Gravenhage. `rank` orders the names that match a query. Pure: codes and names in, codes out."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

NAME, ALIAS, FORMER, REGION = "name", "alias", "former", "region"
KIND_ORDER = {NAME: 0, ALIAS: 1, FORMER: 2, REGION: 3}


def search_key(text: str) -> str:
    """`text` case-folded, without accents and without anything but letters and digits."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed.casefold() if c.isalnum() and not unicodedata.combining(c))


@dataclass(frozen=True)
class Name:
    """One name of one or more municipalities (a region name names all its members)."""

    label: str
    kind: str  # NAME, ALIAS, FORMER or REGION
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    code: str
    label: str  # the name that matched
    kind: str


def _quality(query_key: str, label: str) -> int | None:
    """0 exact, 1 prefix, 2 a word of the name starts with the query, 3 anywhere; None: no match."""
    key = search_key(label)
    if key == query_key:
        return 0
    if key.startswith(query_key):
        return 1
    if any(search_key(word).startswith(query_key) for word in label.replace("-", " ").split()[1:]):
        return 2
    if query_key in key:
        return 3
    return None


def rank(query: str, names: list[Name]) -> list[Match]:
    """The codes whose names match `query`, best first, each once with the best name it matched.

    Municipality names (official, common, former) match anywhere in the name; a region matches only
    by its whole name ('FoodValley', 'Food Valley'), and not when a municipality has that very name
    ('Utrecht' is the municipality, not the province). Order: the quality of the match (exact,
    start, start of a word, anywhere), then official before common before former names before
    regions, then the name."""
    query_key = search_key(query)
    if not query_key:
        return []
    scored: dict[str, tuple[tuple, Match]] = {}
    exact_municipality = False
    regions = []
    for name in names:
        if name.kind == REGION:
            if search_key(name.label) == query_key:
                regions.append(name)
            continue
        quality = _quality(query_key, name.label)
        if quality is None:
            continue
        exact_municipality = exact_municipality or quality == 0
        for code in name.codes:
            score = (quality, KIND_ORDER[name.kind], search_key(name.label))
            if code not in scored or score < scored[code][0]:
                scored[code] = (score, Match(code, name.label, name.kind))
    if not exact_municipality:
        for name in regions:
            for code in name.codes:
                score = (0, KIND_ORDER[REGION], "")
                if code not in scored:
                    scored[code] = (score, Match(code, name.label, REGION))
    return [match for _score, match in sorted(scored.values(), key=lambda item: item[0])]
