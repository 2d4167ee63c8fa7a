# SPDX-License-Identifier: EUPL-1.2
"""Fallback pairs (/achtervang-koppels, issue 19 item 2): the matching for the whole country, cold.

For each distance band, each in a FRESH Python process (so imports and first calls count: "cold"):
- new: `matching.fallback_pairs` (exact maximum matching over all allowed pairs: LP with blossom
  cuts, OR-Tools GLOP; see docs/decisions.md);
- old: the method before issue 19 (networkx's pure-Python blossom on each municipality's 8 best
  partners, then a second run with all pairs of those left over), copied here;
- exact reference: networkx's blossom on all allowed pairs (the optimum the new method must equal);
- trivial baseline: preparing the input only (distance matrix + allowed pairs from the same arrays).
The distances and fits are those of the product (`clusters.pairs`: inside points, `pairwise_fit`),
read once from a database and stored in a temporary .npz that each process loads.

Run (needs a database with the reference data, e.g. after `goedebuur demo`):

    GOEDEBUUR_DATA_DIR=/tmp/gb-demo PYTHONPATH=src .venv/bin/python bench/bench_pairs.py [--runs 3]

Times: wall-clock and CPU seconds (time.process_time) of the computation in that process, median of
--runs processes; CPU is the fairer figure on a shared machine."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

BANDS = [(5.0, 40.0), (10.0, 30.0), (0.0, 60.0), (5.0, 20.0)]

CHILD = r"""
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
import numpy as np
data = np.load(sys.argv[1]); km, fit = data["km"], data["fit"]
lo, hi, method = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
from goedebuur.core.clusters import matching as M
t, c = time.perf_counter(), time.process_time()
band, allowed = M.allowed_pairs(km, lo, hi)
if method == "new":
    result = M.fallback_pairs(km, fit, lo, hi)
    pairs = [g.members for g in result.pairs]
elif method == "old":
    n = km.shape[0]
    masked = np.where(allowed, fit, -np.inf)
    top = np.argpartition(-masked, 7, axis=1)[:, :8]
    keep = np.zeros_like(allowed); keep[np.arange(n)[:, None], top] = True
    edges = allowed & (keep | keep.T)
    matching = M._blossom(edges, fit)
    matched = {i for p in matching for i in p}
    left = [i for i in range(n) if i not in matched and allowed[i].any()]
    if left:
        edges[left, :] = allowed[left, :]; edges[:, left] = allowed[:, left]
        matching = M._blossom(edges, fit)
    pairs = [tuple(sorted(p)) for p in matching]
elif method == "reference":
    pairs = [tuple(sorted(p)) for p in M._blossom(allowed, fit)]
else:
    pairs = []
wall, cpu = time.perf_counter() - t, time.process_time() - c
rows, cols = np.nonzero(np.triu(allowed, 1))
w = dict(zip(zip(rows.tolist(), cols.tolist()), M._weights(fit, rows, cols).tolist()))
weight = sum(w[tuple(sorted(p))] for p in pairs)
print(json.dumps({"wall": wall, "cpu": cpu, "process_wall": time.perf_counter() - t0,
                  "pairs": len(pairs), "weight": weight, "edges": int(rows.size)}))
"""


def country_arrays(path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    import numpy as np

    from goedebuur.clusters import pairs
    from goedebuur.clusters.inputs import WHOLE_COUNTRY, parse_area
    from goedebuur.core.clusters import matching
    from goedebuur.core.partners.scoring import pairwise_fit
    from goedebuur.partners.services import load_features

    features = load_features()
    area = parse_area(WHOLE_COUNTRY)
    points = pairs._inside_points(area.codes)
    indices = [features.index_of(c) for c in area.codes]
    lat = np.array([points[c][0] for c in area.codes])
    lon = np.array([points[c][1] for c in area.codes])
    np.savez(path, km=matching.distance_matrix_km(lat, lon), fit=pairwise_fit(features, indices=indices))
    return len(indices)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = os.path.join(tempfile.mkdtemp(prefix="bench-pairs-"), "country.npz")
    n = country_arrays(path)
    print(
        f"{n} municipalities; load average {os.getloadavg()[0]:.1f}; median of {args.runs} fresh processes\n"
    )
    print("| band km | method | pairs | total weight | CPU s | wall s | process wall s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for lo, hi in BANDS:
        for method in ("input only", "new", "old", "reference"):
            runs = []
            for _ in range(args.runs):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, path, str(lo), str(hi), method.split()[0]],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.append(json.loads(out.stdout))
            med = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "process_wall")}
            r = runs[0]
            label = {
                "input only": "trivial baseline: input only",
                "new": "**new: LP + blossom cuts, all pairs**",
                "old": "old: networkx blossom, 8 candidates",
                "reference": "networkx blossom, all pairs (exact)",
            }[method]
            pairs = "–" if method == "input only" else r["pairs"]
            weight = "–" if method == "input only" else r["weight"]
            print(
                f"| {lo:g}–{hi:g} ({r['edges']} pairs allowed) | {label} | {pairs} | {weight} | "
                f"{med['cpu']:.3f} | {med['wall']:.3f} | {med['process_wall']:.2f} |"
            )


if __name__ == "__main__":
    main()
