# SPDX-License-Identifier: EUPL-1.2
"""Distances as people read them, written once (issue 20): every distance the platform shows says
what it measures. Between two municipalities it is always the great-circle distance between their
centroids (`goedebuur.municipalities.models.DISTANCE_POINT`, computed with
`goedebuur.core.geo.haversine_km`); between the two sites of an achtervang agreement it is the
great-circle distance between those sites; a road distance is only ever an estimate.

    distance(4.66)                    -> "4,7 km"
    distance_text(4.66)               -> "4,7 km hemelsbreed tussen de middelpunten van de gemeenten"
    basis_text(SITES)                 -> "hemelsbreed tussen de twee locaties"
"""

from django.utils.translation import gettext as _

from .formatting import NO_VALUE, number

CENTROIDS = "middelpunten"  # between the centroids of two municipalities
SITES = "locaties"  # between two given sites (an agreement's town halls or data centres)
ROAD_ESTIMATE = "weg"  # a road distance estimated from the great-circle one (× a detour factor)
BASES = (CENTROIDS, SITES, ROAD_ESTIMATE)


def distance(km, decimals: int = 1) -> str:
    """A distance in kilometres in the active language: "4,7 km"."""
    if km is None or km == "":
        return NO_VALUE
    return f"{number(km, decimals)}\u00a0km"


def basis_text(basis: str = CENTROIDS, factor=None) -> str:
    """What a distance measures, as a phrase to follow the number."""
    if basis == CENTROIDS:
        return _("hemelsbreed tussen de middelpunten van de gemeenten")
    if basis == SITES:
        return _("hemelsbreed tussen de twee locaties")
    if basis == ROAD_ESTIMATE:
        if factor is None:
            return _("geschat over de weg (geen routeberekening)")
        return _("geschat over de weg: hemelsbreed × %(factor)s, geen routeberekening") % {
            "factor": number(factor, 1)
        }
    raise ValueError(f"unknown distance basis {basis!r}")


def distance_text(km, basis: str = CENTROIDS, decimals: int = 1, factor=None) -> str:
    """A distance with what it measures: "4,7 km hemelsbreed tussen de middelpunten van de gemeenten"."""
    return f"{distance(km, decimals)} {basis_text(basis, factor)}"
