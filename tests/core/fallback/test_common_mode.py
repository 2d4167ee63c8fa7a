# SPDX-License-Identifier: EUPL-1.2
"""Common-mode risk of an achtervang pair: shared fate, version drift and test evidence."""

import datetime as dt

import pytest

from goedebuur.core.fallback import common_mode as cm
from goedebuur.core.fallback.feasibility import AMBER, GREEN, RED

TODAY = dt.date(2026, 12, 7)


def app(key, product="Zaaksysteem", supplier="Leverancier", version="", hosting="on-premises", components=()):
    return cm.App(key, product, supplier, version, hosting, tuple(components))


def party(name="A", region="VR07", site=None, apps=()):
    return cm.Party(name, region, f"Regio {region}", site or cm.Site(), tuple(apps))


def pair(a=None, b=None, **extra):
    extra.setdefault("today", TODAY)
    return cm.PairInput(a or party("A"), b or party("B", region="VR08"), **extra)


def finding(result, topic):
    [found] = result.by_topic(topic)
    return found


def test_it_warns_amber_when_both_share_a_safety_region():
    result = cm.assess(pair(party("A", "VR07"), party("B", "VR07")))
    found = finding(result, "veiligheidsregio")
    assert (found.level, found.reason) == (AMBER, "safety_region_same")
    assert found.values["region_a"] == "Regio VR07"


def test_different_safety_regions_are_green_and_an_unknown_one_amber():
    assert finding(cm.assess(pair()), "veiligheidsregio").level == GREEN
    unknown = finding(cm.assess(pair(b=party("B", region=None))), "veiligheidsregio")
    assert (unknown.level, unknown.reason) == (AMBER, "safety_region_unknown")


def test_the_same_flood_area_is_red_ignoring_case_and_spaces():
    a = party("A", site=cm.Site("Stadhuis", flood_area="Dijkring 14", flood_source="LIWO"))
    b = party("B", "VR08", site=cm.Site("Gemeentehuis", flood_area=" dijkring  14"))
    found = finding(cm.assess(pair(a, b)), "overstroming")
    assert (found.level, found.reason) == (RED, "flood_same")
    assert found.values["source_a"] == "LIWO"


def test_an_unrecorded_flood_area_is_amber_and_different_areas_green():
    assert finding(cm.assess(pair()), "overstroming").reason == "flood_unknown"
    a = party("A", site=cm.Site(flood_area="Dijkring 14"))
    b = party("B", "VR08", site=cm.Site(flood_area="Dijkring 45"))
    assert finding(cm.assess(pair(a, b)), "overstroming").level == GREEN


def test_the_same_data_centre_is_red_and_the_same_network_provider_amber():
    site = cm.Site(data_centre="NorthC Utrecht", network_provider="KPN")
    result = cm.assess(pair(party("A", site=site), party("B", "VR08", site=site)))
    assert (finding(result, "datacenter").level, finding(result, "datacenter").reason) == (
        RED,
        "datacentre_same",
    )
    assert (finding(result, "netwerk").level, finding(result, "netwerk").reason) == (AMBER, "network_same")
    assert result.level == RED


def test_shared_saas_products_are_amber_outside_and_red_inside_the_scope():
    shared_a = app(1, "Burgerzaken", "Centric", hosting=cm.SAAS)
    shared_b = app(1, "Burgerzaken", "Centric", hosting=cm.SAAS)
    own = app(2, "Zaaksysteem", hosting="on-premises")
    a, b = party("A", apps=[shared_a, own]), party("B", "VR08", apps=[shared_b, own])
    outside = finding(cm.assess(pair(a, b)), "leverancier")
    assert (outside.level, outside.values["count"]) == (AMBER, 1)
    assert outside.values["products"] == ["Burgerzaken (Centric)"]
    inside = finding(
        cm.assess(pair(a, b, scope=(cm.ScopeService(0, "Burgerbalie", shared_a),))), "leverancier"
    )
    assert (inside.level, inside.reason, inside.values["in_scope_count"]) == (
        RED,
        "suppliers_shared_in_scope",
        1,
    )


def test_the_same_product_hosted_by_each_municipality_itself_is_no_shared_supplier_risk():
    a = party("A", apps=[app(1, hosting="on-premises")])
    b = party("B", "VR08", apps=[app(1, hosting=cm.SAAS)])
    found = finding(cm.assess(pair(a, b)), "leverancier")
    assert (found.level, found.values["count"]) == (GREEN, 0)


def test_an_empty_landscape_leaves_the_supplier_risk_unknown():
    found = finding(cm.assess(pair(party("A", apps=[app(1)]), party("B", "VR08"))), "leverancier")
    assert (found.level, found.reason, found.values["missing"]) == (AMBER, "suppliers_unknown", ["B"])


@pytest.mark.parametrize(("km", "level"), [(12.0, AMBER), (19.99, AMBER), (20.0, GREEN), (35.0, GREEN)])
def test_sites_closer_than_the_regional_distance_are_amber(km, level):
    assert finding(cm.assess(pair(distance_km=km)), "afstand").level == level


def test_without_a_distance_there_is_no_regional_distance_finding():
    assert cm.assess(pair()).by_topic("afstand") == []


def zaak(product_key, version, product="Zaaksysteem"):
    return app(product_key, product, version=version, components=["Zaakregistratiecomponent"])


@pytest.mark.parametrize(
    ("host_app", "level", "reason"),
    [
        (zaak(1, "5.4"), GREEN, "versions_match"),
        (zaak(1, "4.9"), AMBER, "versions_major_drift"),
        (zaak(1, ""), AMBER, "versions_unknown"),
        (zaak(2, "5.4", "Ander zaaksysteem"), RED, "versions_other_product"),
        (app(3, "Financiën", components=["Financiële component"]), GREEN, "versions_host_none"),
    ],
)
def test_version_drift_compares_the_same_gemma_component_on_both_sides(host_app, level, reason):
    guest_app = zaak(1, "5.2")
    p = pair(
        party("A", apps=[guest_app]),
        party("B", "VR08", apps=[host_app]),
        scope=(cm.ScopeService(0, "Zaken", guest_app),),
    )
    found = finding(cm.assess(p), "versies")
    assert (found.subject, found.level, found.reason) == ("Zaken", level, reason)
    assert found.about_service


def test_the_major_drift_names_both_versions_and_the_gap():
    guest_app = zaak(1, "2025.1")
    p = pair(
        party("A", apps=[guest_app]),
        party("B", "VR08", apps=[zaak(1, "v2022.4")]),
        scope=(cm.ScopeService(0, "Zaken", guest_app),),
    )
    found = finding(cm.assess(p), "versies")
    assert (found.values["major"], found.values["host_major"], found.values["apart"]) == (2025, 2022, 3)


def test_services_without_an_application_are_not_compared():
    assert cm.assess(pair(scope=(cm.ScopeService(0, "Handmatig"),))).by_topic("versies") == []


@pytest.mark.parametrize(
    ("grade", "level", "reason"),
    [
        (cm.FULL, GREEN, "evidence_full"),
        (cm.PARTIAL, AMBER, "evidence_partial"),
        (cm.PAPER, RED, "evidence_paper"),
        (None, RED, "evidence_ungraded"),
    ],
)
def test_the_strongest_current_restore_test_decides_the_evidence(grade, level, reason):
    found = finding(
        cm.assess(pair(restore_tests=(cm.RestoreTest(dt.date(2026, 3, 1), grade),))), "testbewijs"
    )
    assert (found.level, found.reason) == (level, reason)
    assert found.values["expires"] == dt.date(2027, 3, 1)


def test_a_full_restore_counts_above_a_later_paper_walkthrough():
    tests = (cm.RestoreTest(dt.date(2026, 2, 1), cm.FULL), cm.RestoreTest(dt.date(2026, 11, 1), cm.PAPER))
    found = finding(cm.assess(pair(restore_tests=tests)), "testbewijs")
    assert (found.reason, found.values["date"]) == ("evidence_full", dt.date(2026, 2, 1))


def test_a_restore_test_expires_after_twelve_months():
    tests = (cm.RestoreTest(dt.date(2025, 12, 7), cm.FULL),)
    found = finding(cm.assess(pair(restore_tests=tests)), "testbewijs")
    assert (found.level, found.reason) == (RED, "evidence_none")
    assert found.values["expired"] == dt.date(2026, 12, 7)
    still = finding(cm.assess(pair(restore_tests=tests, today=dt.date(2026, 12, 6))), "testbewijs")
    assert still.reason == "evidence_full"


def test_expiry_keeps_the_end_of_a_short_month():
    assert cm.expires_on(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert cm.expires_on(dt.date(2026, 1, 31)) == dt.date(2027, 1, 31)


def test_a_suggestion_warns_only_about_what_is_known_without_an_agreement():
    shared = app(1, "Burgerzaken", "Centric", hosting=cm.SAAS)
    warnings = cm.suggestion_warnings(party("A", "VR07", apps=[shared]), party("B", "VR07", apps=[shared]))
    assert [(w.topic, w.level) for w in warnings] == [("veiligheidsregio", AMBER), ("leverancier", AMBER)]
    assert cm.suggestion_warnings(party("A", "VR07"), party("B", "VR08")) == []
    assert cm.suggestion_warnings(party("A", None), party("B", None)) == []


def test_a_suggestion_has_no_site_or_test_findings():
    result = cm.assess(pair(check_sites=False, check_tests=False))
    assert {f.topic for f in result.findings} == {"veiligheidsregio", "leverancier"}
