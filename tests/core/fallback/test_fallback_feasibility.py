# SPDX-License-Identifier: EUPL-1.2
import math

import pytest

from goedebuur.core.fallback import feasibility as ff


def service(
    key="zaak", *, rto=8, rpo=1, data=900, change=108, vcpu=4, ram=16, workplaces=10, crit=3, deps=()
):
    return ff.ServiceSpec(
        key, key.capitalize(), crit, rto, rpo, data, change, vcpu, ram, workplaces, tuple(deps)
    )


def direction(services, *, link=1000, restore=1000, slots=1, km=9.0, reservation=None, **kw):
    return ff.Direction(
        guest="Rhenen",
        host="Veenendaal",
        services=tuple(services),
        reservation=reservation or ff.Reservation(vcpu=20, ram_gb=64, storage_gb=4000, workplaces=25),
        link_mbps=link,
        restore_mbps=restore,
        restore_slots=slots,
        distance_km=km,
        **kw,
    )


def check(result, topic, subject):
    return next(c for c in result.checks if c.topic == topic and c.subject == subject)


def test_it_spreads_the_daily_change_over_the_rpo_window_with_the_peak_factor():
    # 108 GB a day = 108 * 8000 Mbit / 86400 s = 10 Mbit/s on average.
    assert ff.average_mbps(108) == pytest.approx(10.0)
    assert ff.replication_mbps(service(rpo=1), 3) == pytest.approx(30.0)  # short window: full peak
    assert ff.replication_mbps(service(rpo=12), 3) == pytest.approx(20.0)  # 24/12 = 2
    assert ff.replication_mbps(service(rpo=24), 3) == pytest.approx(10.0)  # a whole day: average
    assert ff.replication_mbps(service(rpo=48), 3) == pytest.approx(10.0)


@pytest.mark.parametrize(("vcpu", "status"), [(16, ff.GREEN), (17, ff.AMBER), (20, ff.AMBER), (21, ff.RED)])
def test_it_compares_the_capacity_need_with_the_reservation(vcpu, status):
    result = ff.assess(direction([service(vcpu=vcpu)]))
    row = check(result, "capaciteit", "vcpu")
    assert (row.needed, row.available, row.status) == (vcpu, 20, status)


def test_it_gives_a_capacity_shortage_as_a_reason_with_the_numbers():
    row = check(ff.assess(direction([service(workplaces=30)])), "capaciteit", "workplaces")
    assert (row.status, row.reason, row.unit) == (ff.RED, "capacity_short", "workplaces")
    assert (row.values["need"], row.values["short"]) == (30, 5)


def test_it_turns_red_when_the_link_cannot_carry_the_rpo_and_green_when_raised():
    services = [service("zaak", rpo=1), service("web", rpo=24)]
    slow = ff.assess(direction(services, link=25))
    assert check(slow, "replicatie", "Zaak").status == ff.RED  # needs 30 Mbit/s
    assert check(slow, "replicatie", "Web").status == ff.GREEN  # needs 10 Mbit/s
    assert check(slow, "replicatie", "all").status == ff.AMBER  # avg 20 fits, peak 40 not
    assert check(slow, "replicatie", "Zaak").values["need"] == pytest.approx(30.0)
    fast = ff.assess(direction(services, link=50))
    assert all(c.status == ff.GREEN for c in fast.by_topic("replicatie"))


def test_it_turns_the_total_red_when_even_the_averages_do_not_fit():
    result = ff.assess(direction([service("a", rpo=24), service("b", rpo=24)], link=15))
    assert check(result, "replicatie", "all").status == ff.RED


def test_it_computes_the_initial_seeding_time():
    # 2700 GB * 8000 Mbit / 1000 Mbit/s = 21,600 s = 6 h.
    result = ff.assess(direction([service(data=1800), service("b", data=900)]))
    row = check(result, "synchronisatie", "first_copy")
    assert row.needed == pytest.approx(6.0)
    assert row.status == ff.GREEN
    slow = check(ff.assess(direction([service(data=2700)], link=10)), "synchronisatie", "first_copy")
    assert slow.needed == pytest.approx(600.0) and slow.status == ff.RED


@pytest.mark.parametrize(
    ("km", "status"), [(3.0, ff.RED), (9.0, ff.GREEN), (55.0, ff.AMBER), (None, ff.AMBER)]
)
def test_it_checks_the_distance_band(km, status):
    assert check(ff.assess(direction([service()], km=km)), "afstand", "sites").status == status


def test_the_distance_band_is_configurable():
    result = ff.assess(direction([service()], km=9.0, min_km=10, max_km=80))
    assert check(result, "afstand", "sites").status == ff.RED


def test_it_says_why_a_service_misses_its_rto():
    services = [
        service("groot", data=9000, rto=4),  # 9000 GB at 1000 Mbit/s = 20 h alone
        service("idm", data=900, rto=48),  # 2 h
        service("zaak", data=450, rto=2, deps=["idm"]),  # 1 h, but only after idm: 3 h
        service("web", data=450, rto=3),  # 1 h, competes for the single slot
    ]
    result = ff.assess(direction(services))
    assert check(result, "hersteltijd", "Groot").status == ff.RED
    assert check(result, "hersteltijd", "Groot").reason == "rto_alone_too_slow"
    assert check(result, "hersteltijd", "Zaak").status == ff.RED
    assert check(result, "hersteltijd", "Zaak").reason == "rto_chain_too_slow"
    assert check(result, "hersteltijd", "Idm").status == ff.GREEN
    assert check(result, "hersteltijd", "Web").status == ff.GREEN
    assert result.status == ff.RED


def test_it_turns_amber_when_only_the_shared_restore_capacity_is_the_problem():
    services = [service("a", data=900, rto=2), service("b", data=900, rto=2)]  # 2 h each
    one = ff.assess(direction(services, slots=1))
    assert sorted(c.status for c in one.by_topic("hersteltijd")) == [ff.GREEN, ff.AMBER]
    # Two slots share the 1000 Mbit/s link: 500 each, so 4 h each: both red.
    two = ff.assess(direction(services, slots=2))
    assert {c.status for c in two.by_topic("hersteltijd")} == {ff.RED}
    # With a faster link two slots restore both in time.
    fast = ff.assess(direction(services, slots=2, link=2000))
    assert {c.status for c in fast.by_topic("hersteltijd")} == {ff.GREEN}


def test_unlimited_bandwidth_meets_every_rto():
    services = [service(str(i), data=5000, rto=1) for i in range(6)]
    result = ff.assess(direction(services, link=math.inf, restore=math.inf))
    assert {c.status for c in result.by_topic("hersteltijd")} == {ff.GREEN}
