# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

from goedebuur.cooperations import services
from tests.factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, gr_participant, gr_record, write_gr_file

from .helpers import assert_problem, invalid_names

WASTE = {
    "purpose": "Inzameling van huishoudelijk afval.",
    "policy_areas": ("natuur en milieu | afval",),
    "form": "OL",
}


def register(tmp_path):
    records = [
        gr_record(
            "901",
            "ICT Vallei",
            [gr_participant(VEENENDAAL, "2016-03-01"), gr_participant(RHENEN, "2012-01-01")],
        ),
        gr_record(
            "902",
            "Afvalschap",
            [gr_participant(c, "2001-01-01") for c in (VEENENDAAL, RHENEN, RENSWOUDE, UTRECHT)],
            **WASTE,
        ),
    ]
    services.import_register(write_gr_file(tmp_path, records), register_date=dt.date(2026, 5, 16))
    return services.register_entries().get(roo_id="901")


def test_it_ranks_the_partners_with_the_regelingen_they_share(api_client, tmp_path):
    ict = register(tmp_path)
    response = api_client.get("/api/v1/gemeenten/gm0345/netwerk")
    assert response.status_code == 200
    body = response.json()
    assert (body["code"], body["naam"], body["alleenIct"], body["aantalPartners"]) == (
        VEENENDAAL,
        "Veenendaal",
        False,
        3,
    )
    assert body["peildatum"] == "2026-05-16"
    assert [p["code"] for p in body["partners"]] == [RHENEN, RENSWOUDE, UTRECHT]
    rhenen = body["partners"][0]
    assert (rhenen["naam"], rhenen["aantalGedeeld"], rhenen["gewicht"], rhenen["sinds"]) == (
        "Rhenen",
        2,
        1.3333,
        "2001-01-01",
    )
    assert rhenen["url"] == "http://testserver/api/v1/gemeenten/GM0340"
    assert rhenen["regelingen"][0] == {
        "slug": ict.slug,
        "naam": "ICT Vallei",
        "url": f"http://testserver/api/v1/samenwerkingen/{ict.slug}",
        "sinds": "2016-03-01",
        "aantalGemeenten": 2,
        "gewicht": 1.0,
    }


def test_it_limits_the_partners_and_counts_only_ict_on_request(api_client, tmp_path):
    register(tmp_path)
    body = api_client.get("/api/v1/gemeenten/GM0345/netwerk?aantal=1").json()
    assert len(body["partners"]) == 1 and body["aantalPartners"] == 3
    body = api_client.get("/api/v1/gemeenten/GM0345/netwerk?alleenIct=true").json()
    assert [p["code"] for p in body["partners"]] == [RHENEN] and body["alleenIct"] is True


def test_it_answers_an_empty_network_before_the_register_is_loaded(api_client):
    body = api_client.get("/api/v1/gemeenten/GM0345/netwerk").json()
    assert body["partners"] == [] and body["peildatum"] is None


def test_it_refuses_bad_parameters_and_unknown_codes(api_client):
    assert invalid_names(api_client.get("/api/v1/gemeenten/GM0345/netwerk?aantal=0&alleenIct=soms")) == {
        "aantal",
        "alleenIct",
    }
    assert_problem(api_client.get("/api/v1/gemeenten/GM9999/netwerk"), 404)
