# SPDX-License-Identifier: EUPL-1.2
"""Public API of the matrix app: municipalities x ICT domains, from the live register."""

from dataclasses import dataclass

from goedebuur.cooperations import services as cooperation_services
from goedebuur.cooperations.models import Cooperation, IctDomain
from goedebuur.core.register.matrix import Matrix, MatrixLink, build_matrix
from goedebuur.municipalities import services as municipalities
from goedebuur.municipalities.models import HEAVY_MEMBER_FIELDS, Municipality


@dataclass
class RegisterMatrix:
    matrix: Matrix
    municipalities: list[Municipality]
    domains: list[IctDomain]
    cooperations: dict[str, Cooperation]  # by slug

    def rows(self):
        """[(municipality, [(domain, [cooperation, ...]), ...], total), ...] for templates and exports."""
        for m in self.municipalities:
            cells = [
                (d, [self.cooperations[s] for s in self.matrix.cell(m.code, d.slug)]) for d in self.domains
            ]
            yield m, cells, self.matrix.row_total(m.code)


def register_matrix(
    province: str = "", region: str = "", only_with_cooperations: bool = False
) -> RegisterMatrix:
    """The matrix for all municipalities, or those of a province (`PV26`) or region (`type:code`).
    Only current memberships (no leave date) of cooperations that are not deleted count."""
    rows = list(municipalities.search_municipalities(province=province, region=region))
    domains = list(IctDomain.objects.order_by("order"))
    memberships = (
        cooperation_services.current_memberships()
        .filter(municipality__in=rows)
        .select_related("municipality", "cooperation")
        .defer(*HEAVY_MEMBER_FIELDS)
        .prefetch_related("cooperation__domains")
    )
    links, cooperations = [], {}
    for membership in memberships:
        cooperation = membership.cooperation
        cooperations[cooperation.slug] = cooperation
        for domain in cooperation.domains.all():
            links.append(MatrixLink(membership.municipality.code, domain.slug, cooperation.slug))
    matrix = build_matrix([m.code for m in rows], [d.slug for d in domains], links)
    if only_with_cooperations:
        rows = [m for m in rows if matrix.row_total(m.code)]
        matrix = build_matrix([m.code for m in rows], matrix.domains, links)
    return RegisterMatrix(matrix, rows, domains, cooperations)
