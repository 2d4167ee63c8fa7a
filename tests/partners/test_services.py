# SPDX-License-Identifier: EUPL-1.2
"""Known cases of the partner finder on the real reference data."""

import pytest

from goedebuur.core.partners import scoring
from goedebuur.partners import services
from goedebuur.partners.reasons import phrase
from tests.factories import RENSWOUDE, RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db

WADDEN = ["GM0448", "GM0096", "GM0093", "GM0060", "GM0088"]


def test_it_loads_all_municipalities_with_regions_and_neighbours():
    features = services.load_features()
    assert features.n == 342
    assert set(features.regions) >= {"provincie", "arbeidsmarktregio", "veiligheidsregio", "jeugdregio"}
    rhenen, veenendaal = features.index_of(RHENEN), features.index_of(VEENENDAAL)
    assert veenendaal in features.neighbours[rhenen]
    assert features.regions["arbeidsmarktregio"][rhenen] == features.regions["arbeidsmarktregio"][veenendaal]
    assert services.load_features() is features  # cached


def test_veenendaal_is_in_rhenens_top_3_with_default_weights_and_no_profiles():
    ranking = services.find_partners(RHENEN, top=3, include_register=False)
    assert VEENENDAAL in [c.code for c in ranking.candidates]


@pytest.mark.parametrize("code", WADDEN)
def test_a_wadden_island_still_gets_an_answer_with_an_explanation(code):
    ranking = services.find_partners(code, top=5)
    assert len(ranking.candidates) == 5
    assert any("eiland" in phrase(note) for note in ranking.notes)
    first = ranking.candidates[0]
    assert not first.criteria["shared_border"].has_data
    assert "eiland" in phrase(first.criteria["shared_border"].reason)
    assert first.confidence < 1


def test_it_rebuilds_the_features_when_the_register_changes():
    before = services.load_features()
    rhenen, renswoude = before.index_of(RHENEN), before.index_of(RENSWOUDE)
    assert renswoude not in before.cooperating[rhenen]
    make_cooperation(members=(RHENEN, RENSWOUDE), domains=("werkplek",))
    after = services.load_features()
    assert after is not before
    assert renswoude in after.cooperating[rhenen]
    assert "werkplek" in after.domains_between(rhenen, renswoude)
    ranking = services.find_partners(RHENEN, top=None, domain="werkplek")
    candidate = next(c for c in ranking.candidates if c.code == RENSWOUDE)
    assert candidate.cooperating and candidate.cooperating_in_domain


def test_its_pairwise_fit_covers_the_country():
    features = services.load_features(include_register=False)
    fit = scoring.pairwise_fit(features)
    assert fit.shape == (342, 342)
    rhenen, veenendaal = features.index_of(RHENEN), features.index_of(VEENENDAAL)
    assert fit[rhenen, veenendaal] > 0.8
