# SPDX-License-Identifier: EUPL-1.2
"""Features for the partner benchmarks without a database: the packaged reference data (342
municipalities) and a reproducible synthetic set of local authorities at European scale."""

import csv
from importlib import resources

import numpy as np

from goedebuur.core.partners.features import Features

REGION_COLUMNS = {
    "provincie": "province_code",
    "corop": "corop_code",
    "veiligheidsregio": "veiligheidsregio_code",
    "ggdregio": "ggdregio_code",
    "arbeidsmarktregio": "arbeidsmarktregio_code",
    "jeugdregio": "jeugdregio_code",
    "res": "res_code",
}


def reference_features() -> Features:
    """The 342 municipalities from src/goedebuur/data/municipalities.csv: reference data only (no
    register, no profiles)."""
    text = resources.files("goedebuur.data").joinpath("municipalities.csv").read_text(encoding="utf-8")
    rows = sorted(csv.DictReader(text.splitlines()), key=lambda r: r["code"])
    index = {r["code"]: i for i, r in enumerate(rows)}
    regions, names = {}, {}
    for key, column in REGION_COLUMNS.items():
        labels = sorted({r[column] for r in rows})
        label_of = {code: k for k, code in enumerate(labels)}
        regions[key] = np.array([label_of[r[column]] for r in rows])
        name_column = "province" if key == "provincie" else column.replace("_code", "_name")
        names[key] = {label_of[r[column]]: r[name_column] for r in rows}

    def sets(column):
        return [frozenset(index[c] for c in r[column].split(";") if c) for r in rows]

    return Features(
        codes=[r["code"] for r in rows],
        names=[r["name"] for r in rows],
        lat=np.array([float(r["centroid_lat"]) for r in rows]),
        lon=np.array([float(r["centroid_lon"]) for r in rows]),
        population=np.array([float(r["population"]) if r["population"] else np.nan for r in rows]),
        regions=regions,
        region_names=names,
        neighbours=sets("neighbors"),
        point_contacts=sets("neighbors_point_contact"),
    )


def synthetic_features(n: int = 100_000, seed: int = 20260101) -> Features:
    """n local authorities spread over a Europe-sized box (35-70 N, -10-30 E) with log-normal
    populations (median ~ 8,000), regions as coarse grid cells of several sizes (like provinces,
    labour-market and safety regions) and the 6 nearest authorities in the same fine cell as
    neighbours. Deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    lat = rng.uniform(35.0, 70.0, n)
    lon = rng.uniform(-10.0, 30.0, n)
    population = np.round(np.exp(rng.normal(9.0, 1.2, n)))
    population[rng.random(n) < 0.02] = np.nan  # some unknown

    def grid(cell_deg):
        return (np.floor(lat / cell_deg) * 1000 + np.floor((lon + 20) / cell_deg)).astype(np.int64)

    regions = {
        "provincie": grid(3.0),
        "corop": grid(1.0),
        "veiligheidsregio": grid(1.2),
        "arbeidsmarktregio": grid(0.9),
        "jeugdregio": grid(0.8),
        "ggdregio": grid(1.1),
        "res": grid(1.3),
    }
    # Neighbours: within a 0.25° cell, each authority linked to the next in longitude order (cheap,
    # symmetric; enough structure for the border criterion).
    cell = grid(0.25)
    order = np.lexsort((lon, cell))
    neighbours = [set() for _ in range(n)]
    for a, b in zip(order[:-1], order[1:], strict=True):
        if cell[a] == cell[b]:
            neighbours[a].add(int(b))
            neighbours[b].add(int(a))
    return Features(
        codes=[f"LA{i:06d}" for i in range(n)],
        names=[f"Authority {i}" for i in range(n)],
        lat=lat,
        lon=lon,
        population=population,
        regions=regions,
        neighbours=[frozenset(s) for s in neighbours],
    )
