# SPDX-License-Identifier: EUPL-1.2
"""Ambition alignment between the partners of a trajectory (issue 7).

Each partner scores the four K's (0-5), gives its motive (improve or avoid problems), its
must-haves and its deal-breakers. `divergences` lists where partners differ, largest gap first;
`gate` says what still blocks the move to "Overeenkomen": partners that have not filled it in, and
partners that have not acknowledged the current divergences."""

import hashlib
import re
from dataclasses import dataclass

from goedebuur.core.trajectory.workflow import AMBITIONS_MISSING, UNACKNOWLEDGED, Blocker

FOUR_KS: tuple[tuple[str, str], ...] = (
    ("kwaliteit", "Kwaliteit"),
    ("kosten", "minder meerKosten"),
    ("kwetsbaarheid", "Kwetsbaarheid verlagen"),
    ("personeel", "Kansen voor personeel"),
)
K_CODES = tuple(code for code, _ in FOUR_KS)
MOTIVES = {"verbeteren": "beter worden (verbeteren)", "vermijden": "problemen voorkomen (vermijden)"}

SCORE_GAP_THRESHOLD = 2  # a gap of one point on a 0-5 scale is noise, two is worth a conversation
MOTIVE_GAP = 3  # different motives weigh like a clear score gap
CONFLICT_GAP = 5  # one partner's deal-breaker is another's must-have: the largest possible gap


@dataclass(frozen=True)
class PartnerAmbition:
    partner: str
    scores: dict[str, int]
    motive: str
    must_haves: tuple[str, ...] = ()
    deal_breakers: tuple[str, ...] = ()

    def __post_init__(self):
        if set(self.scores) != set(K_CODES):
            raise ValueError(f"Scores voor precies de vier K's nodig, niet {sorted(self.scores)}")
        if any(not 0 <= value <= 5 for value in self.scores.values()):
            raise ValueError("Een score ligt tussen 0 en 5.")
        if self.motive not in MOTIVES:
            raise ValueError(f"Onbekend motief: {self.motive!r}")


@dataclass(frozen=True)
class Divergence:
    kind: str  # "score", "motief" or "breekpunt"
    topic: str  # K code, "motief" or the conflicting item
    label: str
    gap: int
    detail: str


def split_lines(text: str) -> tuple[str, ...]:
    """Must-haves and deal-breakers are typed one per line."""
    return tuple(line.strip(" -*•\t") for line in text.splitlines() if line.strip(" -*•\t"))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def score_gaps(ambitions: list[PartnerAmbition]) -> list[tuple[str, str, int]]:
    """(code, label, max - min) for each K, in the fixed order (the picture shows all four)."""
    if not ambitions:
        return [(code, label, 0) for code, label in FOUR_KS]
    return [
        (code, label, max(a.scores[code] for a in ambitions) - min(a.scores[code] for a in ambitions))
        for code, label in FOUR_KS
    ]


def divergences(ambitions: list[PartnerAmbition]) -> list[Divergence]:
    """Where the partners differ, largest gap first (ties in a fixed order: conflicts, motive, K's)."""
    found: list[tuple[int, int, int, Divergence]] = []
    for order, (code, label, gap) in enumerate(score_gaps(ambitions)):
        if gap >= SCORE_GAP_THRESHOLD:
            values = ", ".join(f"{a.partner} {a.scores[code]}" for a in ambitions)
            found.append((gap, 2, order, Divergence("score", code, label, gap, f"Scores: {values}.")))
    motives = {a.motive for a in ambitions}
    if len(motives) > 1:
        detail = "; ".join(f"{a.partner}: {MOTIVES[a.motive]}" for a in ambitions)
        found.append((MOTIVE_GAP, 1, 0, Divergence("motief", "motief", "Motief", MOTIVE_GAP, f"{detail}.")))
    needs = [{_key(need) for need in a.must_haves} for a in ambitions]
    for owner_index, breaker_owner in enumerate(ambitions):
        for breaker in breaker_owner.deal_breakers:
            key = _key(breaker)
            for other_index, other in enumerate(ambitions):
                if other_index == owner_index or key not in needs[other_index]:
                    continue
                detail = f"'{breaker}' is een breekpunt voor {breaker_owner.partner} en een harde eis van {other.partner}."
                found.append(
                    (CONFLICT_GAP, 0, len(found), Divergence("breekpunt", key, breaker, CONFLICT_GAP, detail))
                )
    found.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [divergence for *_, divergence in found]


def avoidance_warnings(ambitions: list[PartnerAmbition]) -> list[str]:
    """Partners whose motive is avoiding problems: a known reason why trajectories fail early."""
    return [a.partner for a in ambitions if a.motive == "vermijden"]


def fingerprint(found: list[Divergence]) -> str:
    """Identifies one set of divergences: an acknowledgement holds until the divergences change."""
    text = "\n".join(f"{d.kind}|{d.topic}|{d.gap}|{d.detail}" for d in found)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def gate(
    partners: list[str], ambitions: list[PartnerAmbition], acknowledged: dict[str, str]
) -> list[Blocker]:
    """What blocks the move to "Overeenkomen". `partners`: names of the accepted partners;
    `acknowledged`: partner name -> fingerprint it acknowledged."""
    filled = {a.partner for a in ambitions}
    missing = tuple(p for p in partners if p not in filled)
    found = []
    if missing:
        found.append(Blocker(AMBITIONS_MISSING, missing))
        return found
    current = divergences([a for a in ambitions if a.partner in partners])
    if current:
        current_print = fingerprint(current)
        pending = tuple(p for p in partners if acknowledged.get(p) != current_print)
        if pending:
            found.append(Blocker(UNACKNOWLEDGED, pending))
    return found
