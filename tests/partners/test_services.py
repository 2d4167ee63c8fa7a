# SPDX-License-Identifier: EUPL-1.2
"""Known cases of the partner finder on the real reference data, and its refusals."""

import pytest
from django.core.exceptions import ValidationError

from goedebuur.core.partners import scoring
from goedebuur.partners import services
from goedebuur.partners.params import FinderQuery, weights_from_percentages
from goedebuur.partners.reasons import phrase
from tests.factories import RENSWOUDE, RHENEN, VEENENDAAL, make_cooperation

pytestmark = pytest.mark.django_db

WADDEN = ["GM0448", "GM0096", "GM0093", "GM0060", "GM0088"]


def query(**weights):
    return FinderQuery(weights=weights_from_percentages(weights))


def test_it_loads_all_municipalities_with_regions_neighbours_councils_and_the_register():
    features = services.load_features()
    assert features.n == 342
    assert set(features.regions) >= {"provincie", "arbeidsmarktregio", "veiligheidsregio", "jeugdregio"}
    rhenen, veenendaal = features.index_of(RHENEN), features.index_of(VEENENDAAL)
    assert veenendaal in features.neighbours[rhenen]
    assert features.regions["arbeidsmarktregio"][rhenen] == features.regions["arbeidsmarktregio"][veenendaal]
    assert features.council_shares.shape[0] == 342 and features.parties
    assert features.regelingen == []  # the test register starts empty
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


def test_it_rebuilds_the_features_when_the_register_changes_and_names_the_shared_regeling():
    before = services.load_features()
    rhenen, renswoude = before.index_of(RHENEN), before.index_of(RENSWOUDE)
    assert renswoude not in before.cooperating[rhenen]
    make_cooperation(name="Werkplekken Rhenen-Renswoude", members=(RHENEN, RENSWOUDE), domains=("werkplek",))
    after = services.load_features()
    assert after is not before
    assert renswoude in after.cooperating[rhenen]
    assert "werkplek" in after.domains_between(rhenen, renswoude)
    ranking = services.find_partners(RHENEN, top=None, domain="werkplek")
    candidate = next(c for c in ranking.candidates if c.code == RENSWOUDE)
    assert candidate.cooperating and candidate.cooperating_in_domain
    sentence = phrase(candidate.criteria["shared_regelingen"].reason)
    assert sentence.startswith("Delen 1 regeling: Werkplekken Rhenen-Renswoude")


def test_its_pairwise_fit_covers_the_country():
    features = services.load_features(include_register=False)
    fit = scoring.pairwise_fit(features)
    assert fit.shape == (342, 342)
    rhenen, veenendaal = features.index_of(RHENEN), features.index_of(VEENENDAAL)
    assert fit[rhenen, veenendaal] > 0.7


def test_it_refuses_when_all_weight_is_on_criteria_the_viewer_cannot_see():
    weights = dict.fromkeys(services.WEIGHT_PARAMS, 0) | {"landscape": 100}
    with pytest.raises(ValidationError) as caught:
        services.rank_for(None, RHENEN, query(**weights))
    error = caught.value.error_dict["weights"][0]
    assert error.code == "no_data" and error.params["criteria"] == ["landscape"]
    message = error.messages[0]
    assert "geen rangorde" in message and "applicatielandschap" in message and "ingelogde" in message


def test_it_refuses_when_every_weight_is_zero_or_no_candidate_passes_the_filters():
    with pytest.raises(ValidationError) as caught:
        services.rank_for(None, RHENEN, query(**dict.fromkeys(services.WEIGHT_PARAMS, 0)))
    assert caught.value.error_dict["weights"][0].code == "no_weight"
    narrow = FinderQuery(weights=weights_from_percentages({}), max_km=0.5)
    with pytest.raises(ValidationError) as caught:
        services.rank_for(None, RHENEN, narrow)
    assert caught.value.error_dict["filters"][0].code == "no_candidates"


def test_it_raises_key_error_for_an_unknown_municipality():
    with pytest.raises(KeyError):
        services.rank_for(None, "GM9999", query())


def test_it_preselects_the_own_municipality_of_a_municipal_user(editor_a, admin_user):
    assert services.own_municipality(editor_a) == VEENENDAAL
    assert services.own_municipality(admin_user) is None
    assert services.own_municipality(None) is None
