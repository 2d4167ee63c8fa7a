# SPDX-License-Identifier: EUPL-1.2
"""Cluster optimiser against the strongest PySAL spopt configuration, side by side in one run.

Problem (spopt's own graph and objective): all 342 municipalities; groups connected in the neighbour
graph with the product's links (shared boundaries, the point contacts, the ferry links of the five
Wadden islands and the Westerschelde tunnel Terneuzen-Borsele); k = 10, 25, 40, 60, 100; objective =
within-group sum of squared distances of the centroids to the group's mean centre (SSE, Ward's
criterion) in RD New metres, every municipality with weight 1.

Methods, all on the same RD New x/y and the same weights (`libpysal.W` from the same adjacency):

- Goede Buur: `optimiser.partition` as the product runs it (seed 0, default budget), and its single
  start (`budget=0`: agglomeration + local search, the optimiser before the improvement phase);
- spopt WardSpatial; spopt RegionKMeansHeuristic (seed 0);
- spopt AZP with the SSE objective (`ObjectiveFunctionCenter` with squared Euclidean distances and
  the mean as centre) started from WardSpatial's labels: the strongest spopt configuration found
  (AZP started from its own random regions, Skater and the pairwise objective all score worse; see
  bench/RESULTS.md). AZP's moves are random, so it runs with several seeds and its best is the anchor;
- the limit, two ways: "unconstrained k-means, best found" (sklearn KMeans with `--restarts`
  k-means++ restarts, plus Lloyd's iterations started from every contiguous result above and from our
  optimiser run without the product's graph, on the 30-nearest-neighbour graph; the unconstrained
  optimum is at or below it, and only if it were the optimum would it be a lower bound),
  and a certified lower bound: each municipality's squared distances to its s - 1 nearest others
  bound its share of a group of s, summed, with the number of groups taken into the sum by a
  Lagrange multiplier (valid for every partition into k groups, contiguous or not, but loose).

Then the seeds: our optimiser with seeds 0-4, and stability: one water link changed at a time (the
result with and without the change, and how many municipalities change group).

Needs the bench extra (never needed at run time):

    .venv/bin/pip install -e '.[bench]'      # spopt 0.7.0, libpysal 4.14.1 (+ geopandas, scikit-learn)
    .venv/bin/python bench/bench_clusters.py [--repeat 3] [--azp-seeds 3] [--restarts 200]

Times: CPU seconds of this process (`time.process_time`, insensitive to other work on a shared
machine) and wall-clock seconds; medians of `--repeat` runs after one warm-up run for the fast
methods, one run per seed for AZP."""

import argparse
import csv
import io
import statistics
import time
import warnings
from functools import partial
from importlib import resources

import numpy as np

from goedebuur.core.clusters import optimiser as C

LINKS = [("GM0448", "GM0400"), ("GM0096", "GM0072"), ("GM0093", "GM0072"), ("GM0060", "GM1970"),
         ("GM0088", "GM1970"), ("GM0715", "GM0654")]  # fmt: skip
KS = (10, 25, 40, 60, 100)
# One water link changed at a time: (description, link removed, link added)
CHANGES = [
    ("Schiermonnikoog to Het Hogeland instead of Noardeast-Fryslân", ("GM0088", "GM1970"), ("GM0088", "GM1966")),
    ("Terschelling to Vlieland instead of Harlingen", ("GM0093", "GM0072"), ("GM0093", "GM0096")),
    ("Zeeuws-Vlaanderen by the Vlissingen-Breskens ferry instead of the tunnel", ("GM0715", "GM0654"),
     ("GM1714", "GM0718")),
]  # fmt: skip


def load():
    text = resources.files("goedebuur.data").joinpath("municipalities.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    index = {r["code"]: i for i, r in enumerate(rows)}
    adjacency = [set() for _ in rows]
    for i, r in enumerate(rows):
        for column in ("neighbors", "neighbors_point_contact"):
            for code in filter(None, r[column].split(";")):
                adjacency[i].add(index[code])
                adjacency[index[code]].add(i)
    for a, b in LINKS:
        adjacency[index[a]].add(index[b])
        adjacency[index[b]].add(index[a])
    x, y = C.rd_new([float(r["centroid_lat"]) for r in rows], [float(r["centroid_lon"]) for r in rows])
    return rows, adjacency, x, y


def changed(rows, adjacency, removed, added):
    index = {r["code"]: i for i, r in enumerate(rows)}
    out = [set(a) for a in adjacency]
    a, b = index[removed[0]], index[removed[1]]
    out[a].discard(b)
    out[b].discard(a)
    a, b = index[added[0]], index[added[1]]
    out[a].add(b)
    out[b].add(a)
    return out


def timed(run, repeat, warm_up=True):
    """(result, median CPU seconds, median wall seconds)."""
    if warm_up:
        run()
    cpu, wall, result = [], [], None
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        result = run()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return result, statistics.median(cpu), statistics.median(wall)


class Spopt:
    def __init__(self, adjacency, x, y):
        import geopandas as gpd
        import libpysal
        from sklearn.metrics.pairwise import euclidean_distances
        from spopt.region.objective_function import ObjectiveFunctionCenter

        self.w = libpysal.weights.W({i: sorted(a) for i, a in enumerate(adjacency)}, silence_warnings=True)
        self.gdf = gpd.GeoDataFrame({"x": x, "y": y}, geometry=gpd.points_from_xy(x, y), crs=28992)
        self.data = np.column_stack([x, y])
        # SSE: squared Euclidean distance of each member to the group's mean, summed
        self.sse = ObjectiveFunctionCenter(metric=partial(euclidean_distances, squared=True))

    def ward(self, k):
        from spopt.region import WardSpatial

        model = WardSpatial(self.gdf, self.w, ["x", "y"], n_clusters=k)
        model.solve()
        return np.asarray(model.labels_)

    def region_kmeans(self, k):
        from spopt.region import RegionKMeansHeuristic

        model = RegionKMeansHeuristic(self.data, k, self.w, seed=0)
        model.solve()
        return np.asarray(model.labels_)

    def azp_from_ward(self, k, seed, ward_labels):
        from spopt.region import AZP

        model = AZP(self.gdf, self.w, ["x", "y"], n_clusters=k, random_state=seed,
                    initial_labels=np.array(ward_labels), objective_func=self.sse)  # fmt: skip
        model.solve()
        return np.asarray(model.labels_)


def kmeans_best(x, y, k, restarts, starts):
    """The lowest unconstrained SSE found: k-means++ restarts, and Lloyd's iterations from each given
    labelling and from our optimiser run on the 30-nearest-neighbour graph (no contiguity in the
    product's graph; seeds 0-2, budget 500,000), which finds lower SSE than k-means++ restarts."""
    from sklearn.cluster import KMeans

    points = np.column_stack([x - x.mean(), y - y.mean()])
    best = min(KMeans(k, n_init=1, random_state=seed).fit(points).inertia_ for seed in range(restarts))
    d2 = ((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)
    nearest = C.symmetric([np.argsort(row)[1:31].tolist() for row in d2], len(points))
    starts = list(starts) + [
        C.partition(x, y, nearest, k=k, seed=seed, budget=500_000).labels for seed in range(3)
    ]
    for labels in starts:
        centres = np.array([points[labels == g].mean(axis=0) for g in np.unique(labels)])
        best = min(best, KMeans(k, init=centres, n_init=1).fit(points).inertia_)
    return float(best)


def nearest_neighbour_bound(x, y, k):
    """A certified lower bound on the SSE of any partition into k groups (see the module doc).
    For a group G of s members, SSE(G) = sum over i in G of (1 / 2s) sum over j in G of d_ij²,
    and the inner sum is at least the sum of i's s - 1 smallest d_ij²; the group sizes satisfy
    sum over i of 1 / s_i = number of groups <= k. Relaxing that with a multiplier l >= 0 gives
    the bound  max over l of  sum over i of min over s of (g_i(s) + l / s) - l k."""
    n = len(x)
    d2 = (x[:, None] - x[None, :]) ** 2 + (y[:, None] - y[None, :]) ** 2
    nearest = np.sort(d2, axis=1)[:, 1:]
    sums = np.concatenate([np.zeros((n, 1)), np.cumsum(nearest, axis=1)], axis=1)[:, :n]
    sizes = np.arange(1, n + 1)
    g = sums / (2 * sizes)
    best = 0.0
    for lam in np.geomspace(1e3, 1e14, 3000):
        best = max(best, float((g + lam / sizes).min(axis=1).sum() - lam * k))
    return best


def moved(a, b):
    """Municipalities in a different group, after matching the groups of a and b one to one."""
    from scipy.optimize import linear_sum_assignment

    _ga, ia = np.unique(a, return_inverse=True)
    _gb, ib = np.unique(b, return_inverse=True)
    table = np.zeros((ia.max() + 1, ib.max() + 1), dtype=int)
    np.add.at(table, (ia, ib), 1)
    rows, cols = linear_sum_assignment(-table)
    return int(len(a) - table[rows, cols].sum())


def sse(labels, x, y, adjacency):
    p = C.evaluate(list(labels), x, y, adjacency=adjacency)
    return p.sse, not p.violations


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--azp-seeds", type=int, default=3)
    parser.add_argument("--restarts", type=int, default=200, help="k-means++ restarts for the estimate")
    parser.add_argument("--k", type=int, nargs="*", default=list(KS))
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    rows, adjacency, x, y = load()
    spopt = Spopt(adjacency, x, y)
    print(f"{len(rows)} municipalities, {sum(map(len, adjacency)) // 2} links, "
          f"{len(C.components(adjacency))} connected component(s); SSE in 1e9 m²; "
          f"'vs anchor' = against AZP(SSE)∘WardSpatial, best of {args.azp_seeds} seeds\n")  # fmt: skip
    print("| k | method | SSE | vs anchor | contiguous | CPU s | wall s |")
    print("|---:|---|---:|---:|---|---:|---:|")
    summary = []
    for k in args.k:
        lines, found = [], {}
        ours, cpu, wall = timed(lambda k=k: C.partition(x, y, adjacency, k=k), args.repeat)
        lines.append(("Goede Buur (seed 0, default budget)", ours.labels, cpu, wall))
        single, cpu, wall = timed(lambda k=k: C.partition(x, y, adjacency, k=k, budget=0), args.repeat)
        lines.append(("Goede Buur, single start (budget 0)", single.labels, cpu, wall))
        ward, cpu, wall = timed(lambda k=k: spopt.ward(k), args.repeat)
        lines.append(("spopt WardSpatial", ward, cpu, wall))
        rkm, cpu, wall = timed(lambda k=k: spopt.region_kmeans(k), args.repeat)
        lines.append(("spopt RegionKMeansHeuristic", rkm, cpu, wall))
        azp = []
        for seed in range(args.azp_seeds):
            labels, cpu, wall = timed(
                lambda k=k, s=seed, w=ward: spopt.azp_from_ward(k, s, w), 1, warm_up=False
            )
            azp.append((sse(labels, x, y, adjacency)[0], seed, labels, cpu, wall))
        for _value, seed, labels, cpu, wall in azp:
            lines.append((f"spopt AZP(SSE)∘WardSpatial, seed {seed}", labels, cpu, wall))
        anchor = min(a[0] for a in azp)
        for name, labels, cpu, wall in lines:
            value, contiguous = sse(labels, x, y, adjacency)
            found[name] = value
            print(f"| {k} | {name} | {value / 1e9:.3f} | {100 * (value / anchor - 1):+.2f} % | "
                  f"{'yes' if contiguous else 'NO'} | {cpu:.3f} | {wall:.3f} |")  # fmt: skip
        if k in (25, 40):
            division = "veiligheidsregio_code" if k == 25 else "corop_code"
            label = "existing: 25 veiligheidsregio's" if k == 25 else "existing: 40 COROP regions"
            value, contiguous = sse([r[division] for r in rows], x, y, adjacency)
            print(f"| {k} | {label} | {value / 1e9:.3f} | {100 * (value / anchor - 1):+.2f} % | "
                  f"{'yes' if contiguous else 'NO'} | – | – |")  # fmt: skip
        c, w = time.process_time(), time.perf_counter()
        estimate = kmeans_best(x, y, k, args.restarts, [lab for _n, lab, _c, _w in lines])
        cpu, wall = time.process_time() - c, time.perf_counter() - w
        print(f"| {k} | unconstrained k-means, best found ({args.restarts} restarts, Lloyd from each "
              f"result above and from ours on the 30-NN graph; a lower bound only if optimal) | {estimate / 1e9:.3f} | "
              f"{100 * (estimate / anchor - 1):+.2f} % | not required | {cpu:.3f} | {wall:.3f} |")  # fmt: skip
        c, w = time.process_time(), time.perf_counter()
        bound = nearest_neighbour_bound(x, y, k)
        cpu, wall = time.process_time() - c, time.perf_counter() - w
        print(f"| {k} | certified lower bound (nearest neighbours, Lagrangian) | {bound / 1e9:.3f} | "
              f"{100 * (bound / anchor - 1):+.2f} % | not required | {cpu:.3f} | {wall:.3f} |")  # fmt: skip
        summary.append((k, found["Goede Buur (seed 0, default budget)"], anchor, estimate, bound, ours))

    print("\nSummary (SSE, 1e9 m²): ours against the anchor and the limit\n")
    print("| k | ours | anchor (AZP(SSE)∘WardSpatial, best seed) | ours vs anchor | k-means best found |"
          " ours above it | certified bound | steps | work |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k, value, anchor, estimate, bound, ours in summary:
        print(f"| {k} | {value / 1e9:.3f} | {anchor / 1e9:.3f} | {100 * (value / anchor - 1):+.2f} % | "
              f"{estimate / 1e9:.3f} | {100 * (value / estimate - 1):+.2f} % | {bound / 1e9:.3f} | "
              f"{ours.steps} | {ours.work} |")  # fmt: skip

    print("\nSeeds: our optimiser with seeds 0-4 (SSE, 1e9 m²; CPU s of each run)\n")
    print("| k | " + " | ".join(f"seed {s}" for s in range(5)) + " | worst vs anchor |")
    print("|---:|" + "---:|" * 6)
    for k, _value, anchor, *_rest in summary:
        cells, worst = [], 0.0
        for seed in range(5):
            c = time.process_time()
            p = C.partition(x, y, adjacency, k=k, seed=seed)
            cells.append(f"{p.sse / 1e9:.3f} ({time.process_time() - c:.2f})")
            worst = max(worst, p.sse)
        print(f"| {k} | " + " | ".join(cells) + f" | {100 * (worst / anchor - 1):+.2f} % |")

    print("\nStability: one water link changed; SSE with the change (change against the product's graph)"
          " and municipalities in another group\n")  # fmt: skip
    print("| change | k | ours: SSE | ours: moved | single start: SSE | single start: moved |")
    print("|---|---:|---:|---:|---:|---:|")
    for description, removed, added in CHANGES:
        other = changed(rows, adjacency, removed, added)
        for k, *_rest, ours in summary:
            single = C.partition(x, y, adjacency, k=k, budget=0)
            ours_changed = C.partition(x, y, other, k=k)
            single_changed = C.partition(x, y, other, k=k, budget=0)
            print(f"| {description} | {k} | {ours_changed.sse / 1e9:.3f} "
                  f"({100 * (ours_changed.sse / ours.sse - 1):+.2f} %) | {moved(ours.labels, ours_changed.labels)} | "
                  f"{single_changed.sse / 1e9:.3f} ({100 * (single_changed.sse / single.sse - 1):+.2f} %) | "
                  f"{moved(single.labels, single_changed.labels)} |")  # fmt: skip


if __name__ == "__main__":
    main()
