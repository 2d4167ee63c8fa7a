# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings

from goedebuur.cooperations import services
from tests.factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_cooperation

from .helpers import invalid_names


def test_it_gives_the_whole_country_by_default(api_client):
    response = api_client.get("/api/v1/matrix")
    assert response.status_code == 200
    assert response["API-Version"] == settings.API_VERSION
    body = response.json()
    assert len(body["gemeenten"]) == 342
    assert len(body["domeinen"]) == 9
    assert body["domeinen"][0] == {
        "slug": "infrastructuur-beheer",
        "naam": "Infrastructuur en beheer",
        "soort": "ict",
        "aantalGemeenten": 0,
    }
    row = body["gemeenten"][0]
    assert set(row) == {"code", "naam", "url", "cellen", "totaal", "totaalIct"}
    assert body["peildatum"] is None  # no GR-register loaded
    assert set(row["cellen"]) == {d["slug"] for d in body["domeinen"]}


def test_it_puts_cooperations_in_the_cells_of_their_current_members(api_client, editor_a):
    food = make_cooperation(
        user=editor_a, members=(VEENENDAAL, RHENEN), domains=("infrastructuur-beheer", "werkplek")
    )
    other = make_cooperation(user=None, members=(VEENENDAAL, RENSWOUDE), domains=("werkplek",))
    body = api_client.get("/api/v1/matrix?provincie=PV26").json()
    rows = {row["code"]: row for row in body["gemeenten"]}
    assert len(rows) == 26
    assert set(rows[VEENENDAAL]["cellen"]["werkplek"]) == {food.slug, other.slug}
    assert rows[VEENENDAAL]["cellen"]["infrastructuur-beheer"] == [food.slug]
    assert rows[VEENENDAAL]["totaal"] == 2
    assert rows[RHENEN]["cellen"]["werkplek"] == [food.slug]
    assert rows[RHENEN]["totaal"] == 1
    assert rows[UTRECHT]["totaal"] == 0 and rows[UTRECHT]["cellen"]["werkplek"] == []
    assert body["samenwerkingen"][food.slug] == {
        "naam": food.name,
        "url": f"http://testserver/api/v1/samenwerkingen/{food.slug}",
    }
    werkplek = next(d for d in body["domeinen"] if d["slug"] == "werkplek")
    assert werkplek["aantalGemeenten"] == 3


def test_it_leaves_out_deleted_cooperations(api_client, editor_a):
    cooperation = make_cooperation(user=editor_a)
    services.delete_cooperation(cooperation, editor_a)
    body = api_client.get("/api/v1/matrix?provincie=PV26").json()
    assert body["samenwerkingen"] == {}
    assert all(row["totaal"] == 0 for row in body["gemeenten"])


def test_it_filters_by_region_and_can_leave_out_empty_rows(api_client, editor_a):
    cooperation = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN))
    region = api_client.get("/api/v1/matrix?regio=arbeidsmarktregio:AM38").json()
    assert {VEENENDAAL, RHENEN} <= {row["code"] for row in region["gemeenten"]}
    assert len(region["gemeenten"]) < 20
    only = api_client.get("/api/v1/matrix?regio=arbeidsmarktregio:AM38&alleenMetSamenwerkingen=true").json()
    assert [row["code"] for row in only["gemeenten"]] == [RHENEN, VEENENDAAL]
    assert list(only["samenwerkingen"]) == [cooperation.slug]


def test_it_rejects_malformed_parameters(api_client):
    response = api_client.get("/api/v1/matrix?regio=FoodValley&alleenMetSamenwerkingen=misschien")
    assert invalid_names(response) == {"regio", "alleenMetSamenwerkingen"}


def test_it_adds_the_other_policy_domains_as_context_columns_on_request(api_client, editor_a):
    from goedebuur.cooperations.models import PolicyDomain

    waste = make_cooperation(
        user=editor_a,
        members=(VEENENDAAL, RENSWOUDE),
        domains=("werkplek",),
        policy_domains=list(PolicyDomain.objects.filter(slug="afval")),
    )
    body = api_client.get("/api/v1/matrix?provincie=PV26&metBeleidsdomeinen=true").json()
    kinds = [d["soort"] for d in body["domeinen"]]
    assert kinds[:9] == ["ict"] * 9 and set(kinds[9:]) == {"beleid"} and len(kinds) == 24
    rows = {row["code"]: row for row in body["gemeenten"]}
    assert rows[RENSWOUDE]["cellen"]["afval"] == [waste.slug]
    assert rows[RENSWOUDE]["cellen"]["werkplek"] == [waste.slug]
    assert (rows[RENSWOUDE]["totaal"], rows[RENSWOUDE]["totaalIct"]) == (1, 1)


def test_it_gives_one_column_and_one_form_on_request(api_client, editor_a):
    dvo = make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), domains=("werkplek",), form="dvo")
    make_cooperation(user=editor_a, members=(VEENENDAAL, RHENEN), domains=("werkplek",))
    body = api_client.get("/api/v1/matrix?domein=werkplek&vorm=dvo&alleenMetSamenwerkingen=true").json()
    assert [d["slug"] for d in body["domeinen"]] == ["werkplek"]
    assert list(body["samenwerkingen"]) == [dvo.slug]
    assert [row["code"] for row in body["gemeenten"]] == [RHENEN, VEENENDAAL]


def test_it_names_an_unknown_domain_or_form_in_dutch(api_client):
    response = api_client.get("/api/v1/matrix?domein=tuinieren")
    assert invalid_names(response) == {"domein"}
    assert "Het domein ‘tuinieren’ bestaat niet." in response.json()["invalidParams"][0]["reason"]
    assert invalid_names(api_client.get("/api/v1/matrix?vorm=vriendschap")) == {"vorm"}
    assert invalid_names(api_client.get("/api/v1/matrix?domein=niet%20goed")) == {"domein"}
