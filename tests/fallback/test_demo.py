# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.cooperations.services import load_demo_cooperations
from goedebuur.fallback import services, testplan
from goedebuur.fallback.demo import load_demo
from goedebuur.fallback.models import Agreement
from goedebuur.profiles.demo import load_demo_profiles

pytestmark = pytest.mark.django_db


def test_it_loads_a_mutual_rhenen_veenendaal_agreement_once():
    load_demo_cooperations()
    load_demo_profiles()
    assert load_demo()
    assert load_demo() == ""
    agreement = Agreement.objects.get()
    assert agreement.mutual and agreement.is_demo
    assert {agreement.party_a.code, agreement.party_b.code} == {"GM0340", "GM0345"}
    assert 8 < services.distance_km(agreement) < 10
    assert agreement.link_type == Agreement.LinkType.DARK_FIBRE
    # Services come from both demo landscapes.
    assert agreement.services.filter(guest=agreement.party_a, application__isnull=False).count() == 7
    assert agreement.services.filter(guest=agreement.party_b, application__isnull=False).count() == 7
    assert testplan.overdue_tests([agreement]).count() == 1
    assert testplan.open_actions([agreement]).count() == 1
    # The planner beats the naive order for Veenendaal: the demo shows the difference.
    veenendaal = services.assess(agreement)[0]
    assert veenendaal.best.met_count > veenendaal.naive.met_count


def test_the_demo_pair_has_a_labelled_common_mode_finding():
    load_demo_cooperations()
    load_demo_profiles()
    load_demo()
    agreement = Agreement.objects.get()
    report = services.agreement_common_mode(agreement)
    reasons = {f.reason: f for f in report.findings}
    assert report.level == "rood"
    assert "(demo)" in reasons["datacentre_same"].explanation
    assert reasons["suppliers_shared_in_scope"].level == "rood"
    assert "Burgerbalie" in reasons["suppliers_shared_in_scope"].explanation
    assert reasons["safety_region_same"].level == "oranje"
    assert reasons["evidence_partial"].level == "oranje"
