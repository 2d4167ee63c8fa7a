# SPDX-License-Identifier: EUPL-1.2
"""The stored result of a case: the core's output in JSON and back, and the fingerprint of the
inputs it was computed from (docs/decisions.md, "Business case: the result is stored").

What is stored is what the core computes, before any translation (the total's name and the
tornado's labels are given in the user's language when the result is read), so one stored result
serves every language. The fingerprint is a hash of the pure case (every figure, partner and
setting, as canonical JSON), the draws, the seed, the format of this module and the source of the
core's business-case package: an edit of any input, or new calculation code, gives another
fingerprint, and a result with another fingerprint than the case's is never shown."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path

from goedebuur.core.businesscase import model as core
from goedebuur.core.businesscase import montecarlo

FORMAT = 1  # change when the JSON below changes meaning


@dataclasses.dataclass(frozen=True)
class Computed:
    """The core's result for one pure case, draws and seed (untranslated)."""

    deterministic: montecarlo.Deterministic
    simulation: montecarlo.Simulation
    tornado_base: int
    tornado: tuple[montecarlo.TornadoBar, ...]


def compute(pure: core.Case, draws: int, seed: int) -> Computed:
    """The Monte Carlo, the deterministic schedule and the tornado of a pure case."""
    base, bars = montecarlo.tornado(pure)
    return Computed(
        deterministic=montecarlo.deterministic(pure),
        simulation=montecarlo.simulate(pure, draws=draws, seed=seed),
        tornado_base=base,
        tornado=bars,
    )


@functools.cache
def _code_version() -> str:
    """A hash of the core business-case package's source (the calculation itself)."""
    digest = hashlib.sha256()
    for path in sorted(Path(montecarlo.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(pure: core.Case, draws: int, seed: int) -> str:
    """The fingerprint of the inputs of a result (64 hexadecimal characters)."""
    inputs = {"case": dataclasses.asdict(pure), "draws": draws, "seed": seed}
    text = json.dumps(inputs, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(f"{FORMAT}:{_code_version()}:{text}".encode()).hexdigest()


# --- to JSON and back ------------------------------------------------------------------------------


def to_json(computed: Computed) -> dict:
    """`computed` as JSON (tuples become lists; `from_json` turns them back)."""
    return {"format": FORMAT, **dataclasses.asdict(computed)}


def _tuples(value):
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def from_json(data: dict) -> Computed:
    det, sim = data["deterministic"], data["simulation"]
    deterministic = montecarlo.Deterministic(
        npv=dict(det["npv"]),
        payback=dict(det["payback"]),
        discounted_payback=dict(det["discounted_payback"]),
        schedule={
            code: tuple(montecarlo.YearRow(**row) for row in rows) for code, rows in det["schedule"].items()
        },
        joint_costs=tuple(det["joint_costs"]),
        allocation=dict(det["allocation"]),
    )
    simulation = montecarlo.Simulation(
        draws=sim["draws"],
        seed=sim["seed"],
        distribution=sim["distribution"],
        outcomes=tuple(
            montecarlo.Outcome(
                code=o["code"],
                name=o["name"],
                npv=tuple(o["npv"]),
                p_negative=o["p_negative"],
                payback=tuple(o["payback"]),
            )
            for o in sim["outcomes"]
        ),
        band={code: _tuples(rows) for code, rows in sim["band"].items()},
    )
    return Computed(
        deterministic=deterministic,
        simulation=simulation,
        tornado_base=data["tornado_base"],
        tornado=tuple(montecarlo.TornadoBar(**bar) for bar in data["tornado"]),
    )
