# SPDX-License-Identifier: EUPL-1.2
"""The inputs of the partner finder and the cluster optimiser, as plain arrays (no Django).

One `Features` holds n municipalities (or any local authorities: the benchmark builds 100,000
synthetic ones). Reference data (centroids, population, regions, neighbours) is always there; the
register (existing cooperations) and the ICT profiles (application landscape, suppliers, contract
end years, ambitions) are optional and `None` when not loaded. Within a loaded profile array a
single municipality may still be unknown (`None` entry, or nan)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Region divisions in the order they are explained to users, with their Dutch names.
REGION_TYPES: dict[str, str] = {
    "arbeidsmarktregio": "arbeidsmarktregio",
    "veiligheidsregio": "veiligheidsregio",
    "jeugdregio": "jeugdregio",
    "corop": "COROP-regio",
    "ggdregio": "GGD-regio",
    "res": "RES-regio",
    "provincie": "provincie",
}

# The four K's of the ambitions (Kwaliteit, minder meerKosten, Kwetsbaarheid verlagen, Kansen voor
# personeel): the columns of `Features.ambitions`.
AMBITIONS = ("kwaliteit", "kosten", "kwetsbaarheid", "kansen")


@dataclass
class Features:
    """Per municipality i (0..n-1):

    - `codes[i]`, `names[i]`: CBS code and name;
    - `lat[i]`, `lon[i]`: centroid in degrees (WGS84);
    - `population[i]`: inhabitants as float, nan when unknown;
    - `regions[type_code][i]`: an int label of the region of that division (equal labels = same
      region), -1 when unknown; type codes as in `REGION_TYPES`;
    - `neighbours[i]`: indices sharing a boundary stretch; `point_contacts[i]`: indices touching in a
      single point only (optional, empty sets when not known);
    - `cooperating[i]`: indices with which i currently cooperates in the register (None: register
      not loaded); `cooperation_domains[(i, j)]` with i < j: the ICT domain slugs of those
      cooperations (optional);
    - `landscape[i]`: the application landscape as a set of identifiers (e.g. "component:product"),
      `suppliers[i]`: supplier names, `contract_years[i]`: contract end years — each list None
      when no profiles exist, an entry None when that municipality has no profile;
    - `ambitions`: (n, 4) floats in 0..1 for the four K's (`AMBITIONS`), nan when not filled in;
      None when no profiles exist.
    """

    codes: list[str]
    names: list[str]
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    regions: dict[str, np.ndarray]
    neighbours: list[frozenset[int]]
    point_contacts: list[frozenset[int]] = field(default_factory=list)
    region_names: dict[str, dict[int, str]] = field(default_factory=dict)
    cooperating: list[frozenset[int]] | None = None
    cooperation_domains: dict[tuple[int, int], frozenset[str]] | None = None
    landscape: list[frozenset[str] | None] | None = None
    suppliers: list[frozenset[str] | None] | None = None
    contract_years: list[frozenset[int] | None] | None = None
    ambitions: np.ndarray | None = None
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        n = len(self.codes)
        self.lat = np.asarray(self.lat, dtype=float)
        self.lon = np.asarray(self.lon, dtype=float)
        self.population = np.asarray(self.population, dtype=float)
        self.regions = {k: np.asarray(v, dtype=np.int64) for k, v in self.regions.items()}
        if not self.point_contacts:
            self.point_contacts = [frozenset()] * n
        if len(self.names) != n or self.lat.shape != (n,) or self.lon.shape != (n,):
            raise ValueError("codes, names, lat and lon must have the same length")
        if self.population.shape != (n,) or len(self.neighbours) != n or len(self.point_contacts) != n:
            raise ValueError("population, neighbours and point_contacts must have one entry per municipality")
        for key, labels in self.regions.items():
            if labels.shape != (n,):
                raise ValueError(f"regions[{key!r}] must have one label per municipality")
        if self.ambitions is not None:
            self.ambitions = np.asarray(self.ambitions, dtype=float)
            if self.ambitions.shape != (n, len(AMBITIONS)):
                raise ValueError("ambitions must have shape (n, 4)")
        self._index = {code: i for i, code in enumerate(self.codes)}
        if len(self._index) != n:
            raise ValueError("codes must be unique")

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def n(self) -> int:
        return len(self.codes)

    def index_of(self, code_or_index: str | int) -> int:
        """The index of a CBS code (case-insensitive) or a valid index; KeyError when unknown."""
        if isinstance(code_or_index, int | np.integer):
            if 0 <= int(code_or_index) < self.n:
                return int(code_or_index)
            raise KeyError(code_or_index)
        return self._index[str(code_or_index).upper()]

    def subset(self, indices) -> Features:
        """The features of some municipalities only, re-indexed 0..m-1 in the given order
        (neighbour, contact and cooperation sets keep only members of the subset)."""
        indices = [int(i) for i in indices]
        new = {old: new for new, old in enumerate(indices)}

        def remap(sets):
            return [frozenset(new[j] for j in sets[i] if j in new) for i in indices]

        def pick(values):
            return None if values is None else [values[i] for i in indices]

        domains = None
        if self.cooperation_domains is not None:
            domains = {}
            for (a, b), slugs in self.cooperation_domains.items():
                if a in new and b in new:
                    x, y = sorted((new[a], new[b]))
                    domains[(x, y)] = slugs
        return Features(
            codes=[self.codes[i] for i in indices],
            names=[self.names[i] for i in indices],
            lat=self.lat[indices],
            lon=self.lon[indices],
            population=self.population[indices],
            regions={k: v[indices] for k, v in self.regions.items()},
            neighbours=remap(self.neighbours),
            point_contacts=remap(self.point_contacts),
            region_names=self.region_names,
            cooperating=None if self.cooperating is None else remap(self.cooperating),
            cooperation_domains=domains,
            landscape=pick(self.landscape),
            suppliers=pick(self.suppliers),
            contract_years=pick(self.contract_years),
            ambitions=None if self.ambitions is None else self.ambitions[indices],
        )

    def domains_between(self, i: int, j: int) -> frozenset[str]:
        """ICT domains of the register cooperations of i and j together (empty when none or unknown)."""
        if self.cooperation_domains is None:
            return frozenset()
        return self.cooperation_domains.get((min(i, j), max(i, j)), frozenset())
