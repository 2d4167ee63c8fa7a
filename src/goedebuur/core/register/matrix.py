# SPDX-License-Identifier: EUPL-1.2
"""The register's matrix: municipalities x domains (the ICT domains, and the other policy domains as
context), each cell the cooperations behind it. Columns are keys (domain slugs); nothing here
knows which kind a column is."""

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MatrixLink:
    """One municipality taking part, for one domain, in one cooperation."""

    municipality: str
    domain: str
    cooperation: str


@dataclass
class Matrix:
    municipalities: list[str]
    domains: list[str]
    cells: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # totals computed once (a page and the API ask for each several times); cells are not changed later
    _totals: dict = field(default_factory=dict, repr=False, compare=False)

    def cell(self, municipality: str, domain: str) -> list[str]:
        return self.cells.get((municipality, domain), [])

    def row_total(self, municipality: str, domains: Iterable[str] | None = None) -> int:
        """Number of distinct cooperations of a municipality in the matrix, or in some of its columns."""
        columns = tuple(self.domains if domains is None else domains)
        key = ("row", municipality, columns)
        if key not in self._totals:
            cells = self.cells
            self._totals[key] = len({c for d in columns for c in cells.get((municipality, d), ())})
        return self._totals[key]

    def column_total(self, domain: str) -> int:
        """Number of municipalities with at least one cooperation in a domain."""
        key = ("column", domain)
        if key not in self._totals:
            self._totals[key] = sum(1 for m in self.municipalities if (m, domain) in self.cells)
        return self._totals[key]


def build_matrix(municipalities: list[str], domains: list[str], links: Iterable[MatrixLink]) -> Matrix:
    """Cells keep the cooperations in first-seen order, without duplicates; links to a
    municipality or domain outside the requested rows/columns are left out."""
    wanted_m, wanted_d = set(municipalities), set(domains)
    cells: dict[tuple[str, str], list[str]] = {}
    for link in links:
        if link.municipality not in wanted_m or link.domain not in wanted_d:
            continue
        cell = cells.setdefault((link.municipality, link.domain), [])
        if link.cooperation not in cell:
            cell.append(link.cooperation)
    return Matrix(list(municipalities), list(domains), cells)
