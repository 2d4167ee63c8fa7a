# SPDX-License-Identifier: EUPL-1.2
"""The inputs of the partner finder and the cluster optimiser, as plain arrays (no Django).

One `Features` holds n municipalities (or any local authorities: the benchmark builds 100,000
synthetic ones). Reference data (centroids, population, regions, neighbours) is always there. The
other sources are optional and `None` when not loaded — or when the viewer may not see them (the
partners app builds one `Features` per kind of viewer, `hidden` then names the criteria left out):

- the register: `regelingen`, the current cooperations with their members (regelingen of the
  GR-register and entries added on the platform);
- the councils: `council_shares`, seat shares per party;
- the ICT profiles: application landscape, suppliers, contract end years per reference component,
  ambitions.

Within a loaded source a single municipality may still be unknown (a `None` entry, or nan)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Region divisions in the order they are explained to users.
REGION_TYPES: tuple[str, ...] = (
    "arbeidsmarktregio",
    "veiligheidsregio",
    "jeugdregio",
    "corop",
    "ggdregio",
    "res",
    "provincie",
)

# The four K's of the ambitions (Kwaliteit, minder meerKosten, Kwetsbaarheid verlagen, Kansen voor
# personeel): the columns of `Features.ambitions`.
AMBITIONS = ("kwaliteit", "kosten", "kwetsbaarheid", "kansen")


@dataclass(frozen=True)
class Regeling:
    """One current cooperation: `members` are indices into the Features, `joined` the year each
    member joined (None when unknown, same order), `since` the year the cooperation started,
    `domains` the labels of its policy and ICT domains (for the reasons), `ict_domains` its ICT
    domain slugs, `key` a stable identifier (the slug)."""

    name: str
    members: tuple[int, ...]
    since: int | None = None
    domains: tuple[str, ...] = ()
    ict_domains: frozenset[str] = frozenset()
    joined: tuple[int | None, ...] = ()
    key: str = ""

    def joined_year(self, member: int) -> int | None:
        """The year `member` joined, else the start year of the cooperation."""
        if self.joined:
            year = self.joined[self.members.index(member)]
            if year is not None:
                return year
        return self.since


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
    - `regelingen`: the current cooperations (None: register not loaded). From them, unless given:
      `cooperating[i]` (indices with which i cooperates) and `cooperation_domains[(i, j)]` with
      i < j (the ICT domain slugs of those cooperations);
    - `council_shares`: (n, parties) seat shares (`core.partners.councils.share_matrix`), a row of
      nan when the council is unknown; `parties`: the display names of its columns;
    - `landscape[i]`: the application landscape as a set of (reference component, product)
      pairs; `suppliers[i]`: supplier names; `contract_ends[i]`: reference component -> the year
      its contract ends. Each list None when not loaded, an entry None when that municipality has
      no (visible) data. `contract_access[i]`: why the viewer may see i's contracts ("own",
      "shared", "all"), for the reasons;
    - `ambitions`: (n, 4) floats in 0..1 for the four K's (`AMBITIONS`), nan when not filled in;
      None when not loaded;
    - `hidden`: criteria whose data exists but is not loaded because the viewer may not see it.
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
    regelingen: list[Regeling] | None = None
    cooperating: list[frozenset[int]] | None = None
    cooperation_domains: dict[tuple[int, int], frozenset[str]] | None = None
    council_shares: np.ndarray | None = None
    parties: list[str] = field(default_factory=list)
    landscape: list[frozenset | None] | None = None
    suppliers: list[frozenset[str] | None] | None = None
    contract_ends: list[dict[str, int] | None] | None = None
    contract_access: list[str | None] | None = None
    ambitions: np.ndarray | None = None
    hidden: frozenset[str] = frozenset()
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
        if self.council_shares is not None:
            self.council_shares = np.asarray(self.council_shares, dtype=float)
            if self.council_shares.ndim != 2 or self.council_shares.shape[0] != n:
                raise ValueError("council_shares must have one row per municipality")
        for name in ("landscape", "suppliers", "contract_ends", "contract_access"):
            values = getattr(self, name)
            if values is not None and len(values) != n:
                raise ValueError(f"{name} must have one entry per municipality")
        if self.regelingen is not None:
            for regeling in self.regelingen:
                if any(not 0 <= m < n for m in regeling.members):
                    raise ValueError(f"regeling {regeling.name!r} has a member outside the features")
                if regeling.joined and len(regeling.joined) != len(regeling.members):
                    raise ValueError(f"regeling {regeling.name!r}: one joined year per member")
            if self.cooperating is None:
                self.cooperating, self.cooperation_domains = _pairs(self.regelingen, n)
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

    def replace(self, **changes) -> Features:
        """A copy with some sources replaced (e.g. the register without one regeling, or a viewer's
        profiles); `cooperating` is derived again when `regelingen` changes."""
        values = {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if self.__dataclass_fields__[name].init
        }
        if "regelingen" in changes and "cooperating" not in changes:
            values["cooperating"] = values["cooperation_domains"] = None
        values.update(changes)
        return Features(**values)

    def subset(self, indices) -> Features:
        """The features of some municipalities only, re-indexed 0..m-1 in the given order
        (neighbour, contact and cooperation sets keep only members of the subset)."""
        indices = [int(i) for i in indices]
        new = {old: new for new, old in enumerate(indices)}

        def remap(sets):
            return [frozenset(new[j] for j in sets[i] if j in new) for i in indices]

        def pick(values):
            return None if values is None else [values[i] for i in indices]

        regelingen = cooperating = domains = None
        if self.regelingen is not None:
            regelingen = []
            for r in self.regelingen:
                kept = [k for k, m in enumerate(r.members) if m in new]
                regelingen.append(
                    Regeling(
                        r.name,
                        tuple(new[r.members[k]] for k in kept),
                        r.since,
                        r.domains,
                        r.ict_domains,
                        tuple(r.joined[k] for k in kept) if r.joined else (),
                        r.key,
                    )
                )
        elif self.cooperating is not None:
            cooperating = remap(self.cooperating)
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
            regelingen=regelingen,
            cooperating=cooperating,
            cooperation_domains=domains,
            council_shares=None if self.council_shares is None else self.council_shares[indices],
            parties=self.parties,
            landscape=pick(self.landscape),
            suppliers=pick(self.suppliers),
            contract_ends=pick(self.contract_ends),
            contract_access=pick(self.contract_access),
            ambitions=None if self.ambitions is None else self.ambitions[indices],
            hidden=self.hidden,
        )

    def domains_between(self, i: int, j: int) -> frozenset[str]:
        """ICT domains of the register cooperations of i and j together (empty when none or unknown)."""
        if self.cooperation_domains is None:
            return frozenset()
        return self.cooperation_domains.get((min(i, j), max(i, j)), frozenset())


def _pairs(regelingen: list[Regeling], n: int):
    """Partner sets and the ICT domains per pair of a list of cooperations."""
    sets = [set() for _ in range(n)]
    domains: dict[tuple[int, int], set[str]] = {}
    for regeling in regelingen:
        members = sorted(set(regeling.members))
        for x, a in enumerate(members):
            for b in members[x + 1 :]:
                sets[a].add(b)
                sets[b].add(a)
                if regeling.ict_domains:
                    domains.setdefault((a, b), set()).update(regeling.ict_domains)
    return [frozenset(s) for s in sets], {k: frozenset(v) for k, v in domains.items()}
