# SPDX-License-Identifier: EUPL-1.2
"""Validity of the partner finder against real cooperations, and the choice of its default weights.

Evaluated cooperations: the regional seed cooperations (src/goedebuur/data/cooperations_seed.csv;
the nationwide 'Open Formulieren' joint procurement is skipped) and the regelingen of the
GR-register with an ICT domain or the policy domain 'bedrijfsvoering', each with two or more current
municipal members. For each evaluated cooperation C and each member m of C:

1. C is left out of the data (and any other entry with exactly the same members: the same
   partnership recorded twice), so the finder cannot rediscover what it was given;
2. all other municipalities are ranked for m on the public criteria (reference data, the other
   cooperations of the register, the councils; no ICT profiles exist to validate on);
3. hit@k = the real partners (the other members of C) in m's top k, divided by min(k, number of
   real partners): 1 means the top k is as full of real partners as it can be. Ties are counted by
   their expectation under a random order, so a ranking that cannot tell candidates apart gets no
   credit from the order of the codes.

Figures are averaged per cooperation first (each cooperation counts once), then over cooperations.

The default weights are chosen by 5-fold cross-validation over cooperations (seeded): within each
fold, coordinate ascent on the training cooperations maximises the mean of hit@5 and hit@10; the
held-out fold is scored with the weights found. The CV figure is the honest estimate of the chosen
weights; the final default is the same search on all cooperations, rounded to the sliders' step of 5.

Run (needs a database with the register: `goedebuur init`, about a minute; without
GOEDEBUUR_DATA_DIR a throw-away data directory is initialised):

    GOEDEBUUR_DATA_DIR=/tmp/gb-val PYTHONPATH=src .venv/bin/python bench/validity_partners.py [--write]

With --write the '### Validity' part of '## Partner finder' in bench/RESULTS.md is replaced."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

SKIP = "Open Formulieren"
PUBLIC = ("shared_regelingen", "shared_regions", "distance", "shared_border", "size", "council")
STEPS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
FOLDS = 5
SEED = 20261201
KS = (5, 10)


@dataclass
class Query:
    cooperation: int  # index into the evaluated cooperations
    scores: np.ndarray  # (candidates × criteria) effective scores (missing data imputed)
    relevant: np.ndarray  # (candidates,) bool: the other members of the cooperation


def setup_django() -> None:
    if "GOEDEBUUR_DATA_DIR" not in os.environ:
        os.environ["GOEDEBUUR_DATA_DIR"] = tempfile.mkdtemp(prefix="goedebuur-validity-")
        fresh = True
    else:
        fresh = False
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    if fresh:
        from django.core.management import call_command

        print("Initialising a throw-away database (goedebuur init, about a minute) ...", file=sys.stderr)
        call_command("init", stdout=open(os.devnull, "w"))


def evaluated_cooperations(entries, features):
    """(entry, member indices, group) of the cooperations the finder is validated on."""
    from django.utils.text import slugify

    from goedebuur.data import read_csv

    seeds = {
        slugify(row["name"])[:200]: row["name"]
        for row in read_csv("cooperations_seed.csv")
        if SKIP not in row["name"]
    }
    chosen = []
    for entry in entries:
        members = sorted(
            {features.index_of(code) for code, _year in entry.members if code in features._index}
        )
        if len(members) < 2:
            continue
        if entry.slug in seeds:
            group = "seed"
        elif entry.origin == "register" and entry.ict_domains:
            group = "register ICT"
        elif entry.origin == "register" and "bedrijfsvoering" in entry.policy_domains:
            group = "register bedrijfsvoering"
        else:
            continue
        chosen.append((entry, members, group))
    return chosen


def build_queries(features, chosen):
    from goedebuur.core.partners import scoring

    queries = []
    for c, (entry, members, _group) in enumerate(chosen):
        same = frozenset(members)
        kept = [r for r in features.regelingen if r.key != entry.slug and frozenset(r.members) != same]
        left_out = features.replace(regelingen=kept)
        for m in members:
            cols = np.array([j for j in range(features.n) if j != m])
            matrices = scoring.criterion_matrices(left_out, [m], cols, keys=PUBLIC)
            scores = np.column_stack(
                [
                    scoring.impute(matrices[k][0], matrices[k][1])[0]
                    if k in matrices
                    else np.zeros(len(cols))
                    for k in PUBLIC
                ]
            )
            relevant = np.isin(cols, [x for x in members if x != m])
            queries.append(Query(c, scores, relevant))
    return queries


def expected_hits(totals: np.ndarray, relevant: np.ndarray, k: int) -> np.ndarray:
    """Expected number of relevant candidates in the top k per row, ties in random order."""
    rounded = np.round(totals, 9)
    kth = -np.partition(-rounded, k - 1, axis=1)[:, k - 1 : k]
    above = rounded > kth
    tie = rounded == kth
    slots = k - above.sum(axis=1)
    return (relevant & above).sum(axis=1) + (relevant & tie).sum(axis=1) * slots / tie.sum(axis=1)


class Evaluation:
    """Stacked queries for fast scoring of many weight vectors."""

    def __init__(self, queries, n_cooperations):
        self.scores = np.stack([q.scores for q in queries])  # (Q, candidates, criteria)
        self.relevant = np.stack([q.relevant for q in queries])
        self.cooperation = np.array([q.cooperation for q in queries])
        self.n_relevant = self.relevant.sum(axis=1)
        self.n_cooperations = n_cooperations

    def per_cooperation(self, weights: np.ndarray, rows=None) -> dict[int, np.ndarray]:
        """hit@k per evaluated cooperation (mean over its members), for each k in KS."""
        rows = np.arange(len(self.scores)) if rows is None else rows
        totals = self.scores[rows] @ weights
        result = {}
        for k in KS:
            hits = expected_hits(totals, self.relevant[rows], k) / np.minimum(k, self.n_relevant[rows])
            sums = np.bincount(self.cooperation[rows], weights=hits, minlength=self.n_cooperations)
            counts = np.bincount(self.cooperation[rows], minlength=self.n_cooperations)
            result[k] = np.divide(sums, counts, out=np.full(self.n_cooperations, np.nan), where=counts > 0)
        return result

    def score(self, weights: np.ndarray, cooperations) -> tuple[float, float]:
        rows = np.flatnonzero(np.isin(self.cooperation, cooperations))
        result = self.per_cooperation(weights, rows)
        return tuple(float(np.nanmean(result[k][cooperations])) for k in KS)

    def objective(self, weights, cooperations) -> float:
        return float(np.mean(self.score(weights, cooperations)))


def fit_weights(evaluation: Evaluation, cooperations, passes: int = 3) -> np.ndarray:
    """Coordinate ascent over STEPS per criterion, starting from equal weights; ties keep the
    current value (prefer fewer changes)."""
    weights = np.full(len(PUBLIC), 0.2)
    best = evaluation.objective(weights, cooperations)
    for _pass in range(passes):
        changed = False
        for c in range(len(PUBLIC)):
            for value in STEPS:
                if value == weights[c]:
                    continue
                trial = weights.copy()
                trial[c] = value
                if not trial.any():
                    continue
                found = evaluation.objective(trial, cooperations)
                if found > best + 1e-9:
                    best, weights, changed = found, trial, True
        if not changed:
            break
    return weights


def as_percentages(weights: np.ndarray) -> np.ndarray:
    """Scaled to a total of 100 and rounded to the sliders' step of 5."""
    scaled = weights / weights.sum() * 100
    return np.round(scaled / 5) * 5


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    setup_django()

    from goedebuur.cooperations import services as cooperations
    from goedebuur.core.partners import scoring
    from goedebuur.partners import services

    started = time.perf_counter()
    features = services.load_features()
    if not features.regelingen or len(features.regelingen) < 100:
        sys.exit("The register is (nearly) empty: run `goedebuur init` for this GOEDEBUUR_DATA_DIR first.")
    entries = cooperations.current_cooperation_members()
    chosen = evaluated_cooperations(entries, features)
    queries = build_queries(features, chosen)
    evaluation = Evaluation(queries, len(chosen))
    everyone = np.arange(len(chosen))
    groups = {}
    for c, (_entry, _members, group) in enumerate(chosen):
        groups.setdefault(group, []).append(c)

    def vector(mapping):
        return np.array([mapping.get(k, 0.0) for k in PUBLIC], dtype=float)

    current_default = vector(scoring.DEFAULT_WEIGHTS)
    baselines = {
        "distance only": vector({"distance": 1}),
        "regions only": vector({"shared_regions": 1}),
        "shared regelingen only": vector({"shared_regelingen": 1}),
        "shared border only": vector({"shared_border": 1}),
        "council similarity only": vector({"council": 1}),
    }

    # Cross-validation: folds over cooperations; entries with the same members (one partnership
    # recorded twice) stay in the same fold.
    rng = np.random.default_rng(SEED)
    by_members: dict[frozenset, list[int]] = {}
    for c, (_entry, members, _group) in enumerate(chosen):
        by_members.setdefault(frozenset(members), []).append(c)
    units = list(by_members.values())
    order = rng.permutation(len(units))
    folds = [np.array([c for u in order[f::FOLDS] for c in units[u]]) for f in range(FOLDS)]
    held_out = {k: np.full(len(chosen), np.nan) for k in KS}
    fold_weights = []
    for f, test in enumerate(folds):
        train = np.concatenate([folds[g] for g in range(FOLDS) if g != f])
        w = fit_weights(evaluation, train)
        fold_weights.append(as_percentages(w))
        result = evaluation.per_cooperation(w, np.flatnonzero(np.isin(evaluation.cooperation, test)))
        for k in KS:
            held_out[k][test] = result[k][test]
    final = as_percentages(fit_weights(evaluation, everyone))

    def row(name, per):
        cells = []
        for subset in [everyone, *groups.values()]:
            cells.append(" / ".join(f"{np.nanmean(per[k][subset]):.0%}" for k in KS))
        return f"| {name} | " + " | ".join(cells) + " |"

    lines = [
        f"{len(chosen)} evaluated cooperations ({', '.join(f'{len(v)} {g}' for g, v in groups.items())}), "
        f"{len(queries)} member rankings; each cooperation left out of the data before ranking its members. "
        "Cells: hit@5 / hit@10 (the real partners in a member's top k out of at most k; ties counted by "
        "their expectation), averaged per cooperation, then over cooperations.",
        "",
        "| ranking | all | " + " | ".join(groups) + " |",
        "|---|" + "---:|" * (1 + len(groups)),
    ]
    for name, w in baselines.items():
        lines.append(row(name, evaluation.per_cooperation(w)))
    lines.append(row("**chosen weights, cross-validated** (held-out folds)", held_out))
    lines.append(
        row("`DEFAULT_WEIGHTS` (public criteria), in-sample", evaluation.per_cooperation(current_default))
    )
    without_council = current_default.copy()
    without_council[PUBLIC.index("council")] = 0
    lines.append(
        row("the same without council similarity, in-sample", evaluation.per_cooperation(without_council))
    )
    distance = evaluation.per_cooperation(baselines["distance only"])
    council_alone = evaluation.per_cooperation(baselines["council similarity only"])
    with_all, without = (
        evaluation.per_cooperation(current_default),
        evaluation.per_cooperation(without_council),
    )
    gain = {k: 100 * (np.nanmean(without[k]) - np.nanmean(with_all[k])) for k in KS}
    miss = {k: (1 - np.nanmean(distance[k]), 1 - np.nanmean(held_out[k])) for k in KS}
    lines += [
        "",
        "Against distance only, the cross-validated weights miss "
        + " and ".join(
            f"{(a - b) / a:.0%} fewer of the top-{k} places ({a:.0%} -> {b:.0%} missed)"
            for k, (a, b) in miss.items()
        )
        + f". Council similarity alone: {np.nanmean(council_alone[5]):.0%} / {np.nanmean(council_alone[10]):.0%}; "
        f"in the combination the search gives it {final[PUBLIC.index('council')]:.0f} of {final.sum():.0f}, and "
        f"leaving it out of the defaults changes hit@5 / hit@10 by {gain[5]:+.1f} / {gain[10]:+.1f} points in-sample.",
    ]
    lines += [
        "",
        "Weights found per fold and on all cooperations (public criteria, scaled to 100, step 5): "
        + ", ".join(PUBLIC)
        + ".",
        "",
        "| search on | " + " | ".join(PUBLIC) + " |",
        "|---|" + "---:|" * len(PUBLIC),
    ]
    for f, w in enumerate(fold_weights, start=1):
        lines.append(
            f"| fold {f} (without its held-out cooperations) | " + " | ".join(f"{x:.0f}" for x in w) + " |"
        )
    lines.append("| all cooperations (-> the defaults) | " + " | ".join(f"{x:.0f}" for x in final) + " |")
    lines.append(
        "| `DEFAULT_WEIGHTS` now (× 100) | "
        + " | ".join(f"{scoring.DEFAULT_WEIGHTS[k] * 100:.0f}" for k in PUBLIC)
        + " |"
    )
    lines += ["", f"Run time: {time.perf_counter() - started:.0f} s."]
    text = "\n".join(lines)
    print(text)
    if args.write:
        from bench_partners import write_section

        write_section(
            "### Validity",
            text + "\n\nReproduce: `GOEDEBUUR_DATA_DIR=<a directory after goedebuur init> PYTHONPATH=src "
            ".venv/bin/python bench/validity_partners.py --write` (without `GOEDEBUUR_DATA_DIR` it initialises "
            "a throw-away one first).",
        )


if __name__ == "__main__":
    main()
