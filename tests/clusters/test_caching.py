# SPDX-License-Identifier: EUPL-1.2
"""Cluster proposals and fallback pairs from the shared cache (goedebuur/clusters/caching.py): computed
once per request and data version, and anew after an edit of what they are computed from."""

import pytest

from goedebuur.clusters import caching, pairs, services
from goedebuur.cooperations import services as cooperations
from goedebuur.municipalities.models import Municipality
from tests.factories import RHENEN, VEENENDAAL, cooperation_input, make_cooperation

pytestmark = pytest.mark.django_db

UTRECHT_PROVINCE = services.ClusterRequest(area="PV26", keep_cooperations=True)
PAIRS = pairs.PairRequest(min_km=0, max_km=30, max_population_ratio=3, area="PV26")


@pytest.fixture
def computations(monkeypatch):
    calls = []
    for module, name in ((services, "propose_clusters"), (pairs, "fallback_pairs")):
        original = getattr(module, name)

        def counting(req, original=original, name=name):
            calls.append(name)
            return original(req)

        monkeypatch.setattr(module, name, counting)
    return calls


def test_the_same_request_is_computed_once(computations):
    first = caching.proposal(UTRECHT_PROVINCE)
    again = caching.proposal(UTRECHT_PROVINCE)
    assert computations == ["propose_clusters"]
    assert again.group_of == first.group_of


def test_a_renamed_cooperation_shows_in_the_next_proposal(computations, editor_a):
    cooperation = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Oude naam", status="actief")
    assert [c.name for c in caching.proposal(UTRECHT_PROVINCE).cooperations] == ["Oude naam"]
    values = cooperation_input(members=(VEENENDAAL, RHENEN), name="Nieuwe naam", status="actief")
    cooperations.save_cooperation(values, editor_a, instance=cooperation)
    assert [c.name for c in caching.proposal(UTRECHT_PROVINCE).cooperations] == ["Nieuwe naam"]
    assert computations == ["propose_clusters", "propose_clusters"]


def test_the_page_shows_a_new_cooperation_on_the_next_request(anonymous_client, editor_a):
    url = "/clusters?gebied=PV26&min=2&max=8&vast=on"
    assert "Vastgehouden" not in anonymous_client.get(url).content.decode()
    make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Samen Vallei", status="actief")
    assert "Vastgehouden: Samen Vallei" in anonymous_client.get(url).content.decode()


def _leftover_codes(proposal):
    return {left.member.code for left in proposal.leftovers}


def test_a_changed_population_gives_new_fallback_pairs(computations):
    before = caching.fallback_pairs(PAIRS)
    assert caching.fallback_pairs(PAIRS).groups == before.groups
    assert computations == ["fallback_pairs"]
    # Rhenen a hundred times its size: no partner within the capacity ratio of 3 any more.
    _grow(RHENEN)
    after = caching.fallback_pairs(PAIRS)
    assert RHENEN not in _leftover_codes(before)
    assert RHENEN in _leftover_codes(after)
    assert computations == ["fallback_pairs", "fallback_pairs"]


def test_the_pairs_page_and_api_show_the_new_pairs_after_an_edit(anonymous_client):
    page = "/achtervang-koppels?min_km=0&max_km=30&verhouding=3&gebied=PV26"
    api = "/api/v1/achtervang-koppels?minKm=0&maxKm=30&maxVerhoudingInwoners=3&gebied=PV26"

    def api_leftovers():
        return {left["gemeente"]["code"] for left in anonymous_client.get(api).json()["nietGekoppeld"]}

    assert "Rhenen: zonder achtervang" not in anonymous_client.get(page).content.decode()
    assert RHENEN not in api_leftovers()
    _grow(RHENEN)
    assert "Rhenen: zonder achtervang" in anonymous_client.get(page).content.decode()
    assert RHENEN in api_leftovers()


def test_a_refusal_is_not_cached(computations):
    bad = services.ClusterRequest(area="PV26", min_count=4, max_count=2)
    for _ in range(2):
        with pytest.raises(services.ClusterError):
            caching.proposal(bad)
    assert computations == ["propose_clusters", "propose_clusters"]


def test_the_api_and_the_page_share_the_stored_pairs_of_the_same_request(computations):
    caching.fallback_pairs(pairs.PairRequest(min_km=5, max_km=40, area="PV26"))
    caching.fallback_pairs(pairs.PairRequest(min_km=5.0, max_km=40.0, area="PV26"))
    assert computations == ["fallback_pairs"]


def _grow(code):
    """An edit of the reference data (a save: its signal moves the data version, goedebuur.common.cache)."""
    municipality = Municipality.objects.get(code=code)
    municipality.population = 5_000_000
    municipality.save()


def test_a_logged_in_user_gets_the_stored_result_section_until_an_edit(
    editor_a, editor_a_client, monkeypatch
):
    from goedebuur.clusters import views

    rendered = []
    original = views.render_to_string
    monkeypatch.setattr(views, "render_to_string", lambda *a, **k: rendered.append(a[0]) or original(*a, **k))
    url = "/clusters?gebied=PV26&min=2&max=8&vast=on"
    first = editor_a_client.get(url).content.decode()
    assert editor_a_client.get(url).content.decode().count("Vastgehouden") == first.count("Vastgehouden")
    assert rendered == ["clusters/_proposal.html"]
    make_cooperation(editor_a, members=(VEENENDAAL, RHENEN), name="Samen Vallei", status="actief")
    assert "Vastgehouden: Samen Vallei" in editor_a_client.get(url).content.decode()
    assert len(rendered) == 2


def test_the_stored_pairs_section_is_per_what_the_viewer_may_see(
    editor_a_client, anonymous_client, monkeypatch
):
    from goedebuur.clusters import views

    rendered = []
    original = views.render_to_string
    monkeypatch.setattr(views, "render_to_string", lambda *a, **k: rendered.append(a[0]) or original(*a, **k))
    url = "/achtervang-koppels?min_km=0&max_km=30&verhouding=3&gebied=PV26"
    anonymous = anonymous_client.get(url).content.decode()
    logged_in = editor_a_client.get(url).content.decode()
    assert "gedeelde SaaS-leveranciers ziet u na inloggen" in anonymous
    assert "gedeelde SaaS-leveranciers ziet u na inloggen" not in logged_in
    editor_a_client.get(url)
    assert rendered == ["clusters/_pairs.html", "clusters/_pairs.html"]


def test_a_logged_in_users_pairs_section_follows_an_edit_of_the_reference_data(editor_a_client):
    url = "/achtervang-koppels?min_km=0&max_km=30&verhouding=3&gebied=PV26"
    assert "Rhenen: zonder achtervang" not in editor_a_client.get(url).content.decode()
    _grow(RHENEN)
    assert "Rhenen: zonder achtervang" in editor_a_client.get(url).content.decode()
