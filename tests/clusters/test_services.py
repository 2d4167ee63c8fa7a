# SPDX-License-Identifier: EUPL-1.2
"""The clusters app on the real reference data: links stated, groups connected, bounds kept."""

import pytest

from goedebuur.clusters import pairs, services
from goedebuur.core.clusters import optimiser as clustering
from goedebuur.partners.services import load_features

from ..factories import make_cooperation


def graph_of(proposal):
    features = load_features()
    indices = [features.index_of(c) for c in proposal.area.codes]
    adjacency, _links = services.area_graph(features, indices)
    return {code: i for i, code in enumerate(proposal.area.codes)}, adjacency


def test_it_partitions_the_whole_country_into_connected_groups_within_bounds(db):
    proposal = services.propose_clusters(services.ClusterRequest(min_count=2, max_count=8))
    assert proposal.municipalities == 342 and proposal.feasible
    index, adjacency = graph_of(proposal)
    for group in proposal.groups:
        assert 2 <= group.count <= 8
        assert clustering.is_connected([index[m.code] for m in group.members], adjacency)
    kinds = {(link.code_a, link.code_b): link.kind for link in proposal.links}
    assert kinds[("GM0448", "GM0400")] == "veer"  # Texel - Den Helder
    assert kinds[("GM0715", "GM0654")] == "tunnel"  # Terneuzen - Borsele
    assert "puntcontact" in kinds.values()


def test_it_gives_the_same_proposal_for_the_same_request(db):
    """The optimiser's search is seeded and its budget counts work, not seconds."""
    request = services.ClusterRequest(area="PV21", min_count=2, max_count=6)
    first, again = services.propose_clusters(request), services.propose_clusters(request)
    assert first.group_of == again.group_of


def test_it_links_zeeuws_vlaanderen_through_the_tunnel(db):
    proposal = services.propose_clusters(services.ClusterRequest(area="PV29", min_count=2, max_count=8))
    assert [link.kind for link in proposal.links] == ["tunnel"]
    assert "Westerscheldetunnel" in proposal.links[0].description


def test_it_keeps_existing_cooperations_together_when_asked(db):
    make_cooperation(members=("GM0340", "GM0345"), name="ICT-samenwerking Rhenen-Veenendaal", status="actief")
    make_cooperation(members=("GM0339", "GM0345"), name="Dienstverlening Veenendaal aan Renswoude")
    make_cooperation(members=("GM0344", "GM0340"), name="Ver uit elkaar", status="actief")
    proposal = services.propose_clusters(
        services.ClusterRequest(area="PV26", min_count=2, max_count=8, keep_cooperations=True)
    )
    kept = {c.name for c in proposal.cooperations if c.kept}
    assert "ICT-samenwerking Rhenen-Veenendaal" in kept
    not_kept = {c.name: c.reason for c in proposal.cooperations if not c.kept}
    assert "grenzen niet aan elkaar" in not_kept["Ver uit elkaar"]
    assert proposal.group_of["GM0340"] == proposal.group_of["GM0345"] == proposal.group_of["GM0339"]


def test_it_says_in_dutch_when_a_cooperation_is_larger_than_the_maximum(db):
    make_cooperation(members=("GM0345", "GM0340", "GM0339"), status="actief")
    with pytest.raises(services.ClusterError) as error:
        services.propose_clusters(
            services.ClusterRequest(area="PV26", min_count=1, max_count=2, keep_cooperations=True)
        )
    assert error.value.field == "max_count"
    assert "meer dan het maximum van 2 per groep" in error.value.message


def test_it_compares_with_an_existing_division_at_the_same_number_of_groups(db):
    proposal = services.propose_clusters(
        services.ClusterRequest(min_count=1, max_count=None, groups=25, compare_with="veiligheidsregio")
    )
    comparison = proposal.comparison
    assert comparison.existing.groups == comparison.optimised.groups == 25
    assert comparison.optimised.sse_km2 < comparison.existing.sse_km2
    assert comparison.existing.connected == 25


def test_it_rejects_an_unknown_area(db):
    with pytest.raises(services.ClusterError) as error:
        services.parse_area("PV99")
    assert error.value.field == "area"


def test_fallback_pairs_respect_the_band_and_explain_leftovers(db):
    proposal = pairs.fallback_pairs(pairs.PairRequest(min_km=0, max_km=15))
    for group in proposal.groups:
        assert all(0 <= km <= 15 for km in group.km)
    left = {lo.member.code: lo for lo in proposal.leftovers}
    assert left["GM0093"].reason == "no_partner_in_band"  # Terschelling
    assert "afstandsband" in left["GM0093"].explanation
    counted = sum(len(g.members) for g in proposal.groups) + len(proposal.leftovers)
    assert counted == 342


def test_page_cli_and_api_refuse_the_same_impossible_capacity(db, anonymous_client):
    """The capacity ratio is bounded in the service (it bounds the arithmetic): the page and the
    command line give the service's sentence, the API its bounded parameter."""
    import io

    from django.core.management import CommandError, call_command

    message = "De verhouding in inwoners is hooguit 10.000."
    with pytest.raises(services.ClusterError) as error:
        pairs.fallback_pairs(pairs.PairRequest(max_population_ratio=20_000))
    assert error.value.message_dict == {"max_population_ratio": [message]}
    html = anonymous_client.get("/achtervang-koppels?min_km=5&max_km=40&verhouding=20000").content.decode()
    assert message in html
    with pytest.raises(CommandError, match=message):
        call_command("achtervang-koppels", "--max-ratio", "20000", stdout=io.StringIO())
    response = anonymous_client.get("/api/v1/achtervang-koppels?maxVerhoudingInwoners=20000")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "maxVerhoudingInwoners"
