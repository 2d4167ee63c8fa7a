# SPDX-License-Identifier: EUPL-1.2
"""Cluster optimiser against PySAL spopt on the same problem, side by side in one run.

All 342 municipalities, k = 25 and k = 40, contiguity in the neighbour graph (with the ferry links
of the Wadden islands, the Westerschelde tunnel Terneuzen-Borsele and the point contacts, as the
product uses it), compactness objective = within-group sum of squared distances of the centroids in
RD New metres. Two readings of that objective are reported: to the group's mean centre (SSE, Ward's
criterion) and between all member pairs (pairwise = group size x SSE). Our optimiser runs once per
reading (pure compactness, fit weight 0); spopt's methods optimise their own criteria on the same
RD New x/y attributes. The existing 25 veiligheidsregio's and 40 COROP regions are scored too.

Needs the bench extra (never needed at run time):

    .venv/bin/pip install -e '.[bench]'      # spopt 0.7.0, libpysal 4.14.1 (+ geopandas, scikit-learn)
    .venv/bin/python bench/bench_clusters.py [--repeat 3]

Times are wall-clock medians of `--repeat` runs, in one process, after one warm-up run each."""

import argparse
import csv
import io
import statistics
import time
import warnings
from importlib import resources

import numpy as np

from goedebuur.core.clusters import optimiser as C

LINKS = [("GM0448", "GM0400"), ("GM0096", "GM0072"), ("GM0093", "GM0072"), ("GM0060", "GM1970"),
         ("GM0088", "GM1970"), ("GM0715", "GM0654")]  # fmt: skip


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


def timed(run, repeat):
    run()  # warm-up
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return result, statistics.median(times)


def spopt_methods(adjacency, x, y, k):
    import geopandas as gpd
    import libpysal
    from spopt.region import AZP, RegionKMeansHeuristic, Skater, WardSpatial

    w = libpysal.weights.W({i: sorted(a) for i, a in enumerate(adjacency)}, silence_warnings=True)
    gdf = gpd.GeoDataFrame({"x": x, "y": y}, geometry=gpd.points_from_xy(x, y), crs=28992)
    attrs = ["x", "y"]
    data = np.column_stack([x, y])

    def skater():
        model = Skater(gdf, w, attrs, n_clusters=k, floor=1, trace=False)
        model.solve()
        return model.labels_

    def azp():
        model = AZP(gdf, w, attrs, n_clusters=k, random_state=0)
        model.solve()
        return model.labels_

    def ward():
        model = WardSpatial(gdf, w, attrs, n_clusters=k)
        model.solve()
        return model.labels_

    def kmeans():
        model = RegionKMeansHeuristic(data, k, w, seed=0)
        model.solve()
        return model.labels_

    return {
        "spopt Skater": skater,
        "spopt AZP": azp,
        "spopt WardSpatial": ward,
        "spopt RegionKMeansHeuristic": kmeans,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    rows, adjacency, x, y = load()
    print(f"{len(rows)} municipalities, {sum(map(len, adjacency)) // 2} links, "
          f"{len(C.components(adjacency))} connected component(s)")  # fmt: skip
    print(
        "| k | method | SSE to group centre (1e9 m²) | pairwise (1e9 m²) | groups | all contiguous | time (s) |"
    )
    print("|---:|---|---:|---:|---:|---|---:|")
    for k in (25, 40):
        methods = {
            "Goede Buur (SSE)": lambda k=k: C.partition(x, y, adjacency, k=k, compactness="sse").labels,
            "Goede Buur (pairwise)": lambda k=k: (
                C.partition(x, y, adjacency, k=k, compactness="pairwise").labels
            ),
        }
        methods.update(spopt_methods(adjacency, x, y, k))
        for name, run in methods.items():
            labels, seconds = timed(run, args.repeat)
            p = C.evaluate(list(labels), x, y, adjacency=adjacency)
            contiguous = "yes" if not p.violations else f"no ({len(p.violations)} split)"
            print(
                f"| {k} | {name} | {p.sse / 1e9:.2f} | {p.pairwise / 1e9:.1f} | {p.k} | {contiguous} | {seconds:.3f} |"
            )
        division = "veiligheidsregio_code" if k == 25 else "corop_code"
        p = C.evaluate([r[division] for r in rows], x, y, adjacency=adjacency)
        contiguous = "yes" if not p.violations else f"no ({len(p.violations)} split)"
        label = "existing: 25 veiligheidsregio's" if k == 25 else "existing: 40 COROP regions"
        print(f"| {k} | {label} | {p.sse / 1e9:.2f} | {p.pairwise / 1e9:.1f} | {p.k} | {contiguous} | – |")


if __name__ == "__main__":
    main()
