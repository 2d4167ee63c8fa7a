# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.utils import translation

from goedebuur.common import distances
from goedebuur.core.geo import haversine_km
from goedebuur.municipalities.models import DISTANCE_POINT, Municipality


def test_it_writes_a_distance_in_dutch_with_what_it_measures():
    with translation.override("nl"):
        assert distances.distance(4.66) == "4,7\u00a0km"
        assert (
            distances.distance_text(4.66) == "4,7\u00a0km hemelsbreed tussen de middelpunten van de gemeenten"
        )
        assert (
            distances.distance_text(8.81, distances.SITES)
            == "8,8\u00a0km hemelsbreed tussen de twee locaties"
        )
        assert distances.basis_text(distances.ROAD_ESTIMATE, 1.3) == (
            "geschat over de weg: hemelsbreed × 1,3, geen routeberekening"
        )


def test_it_speaks_english_on_the_english_interface():
    with translation.override("en"):
        assert distances.distance_text(1234.5, decimals=0) == (
            "1,234\u00a0km as the crow flies between the centroids of the municipalities"
        )


def test_it_refuses_an_unknown_basis():
    with pytest.raises(ValueError):
        distances.basis_text("gemeentehuizen")


@pytest.mark.django_db
def test_rhenen_and_veenendaal_are_the_same_distance_apart_for_partners_and_pairs():
    """Issue 20: 4,7 km (partners) and 5,8 km 'tussen de gemeentehuizen' (pairs) were two distances."""
    from django.contrib.auth.models import AnonymousUser

    from goedebuur.clusters import services as clusters
    from goedebuur.partners import services as partners

    rhenen, veenendaal = (
        Municipality.objects.values_list(*DISTANCE_POINT).get(code=code) for code in ("GM0340", "GM0345")
    )
    expected = haversine_km(*rhenen, *veenendaal)
    candidate, _ranking = partners.pair(AnonymousUser(), "GM0340", "GM0345")
    assert candidate.distance_km == pytest.approx(expected, abs=0.01)
    proposal = clusters.fallback_pairs(clusters.PairRequest(area="PV26", min_km=0, max_km=40))
    assert proposal.points["GM0340"] == pytest.approx(rhenen)
    assert proposal.points["GM0345"] == pytest.approx(veenendaal)
