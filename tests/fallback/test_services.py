# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.exceptions import ValidationError

from goedebuur.core.fallback import feasibility as ff
from goedebuur.fallback import services
from goedebuur.fallback.models import PlannedTest, Service
from goedebuur.history.models import ChangeRecord

from ..factories import RHENEN, UTRECHT, VEENENDAAL
from .factories import make_agreement, make_service, municipality

pytestmark = pytest.mark.django_db


def test_it_computes_the_distance_between_the_sites():
    agreement = make_agreement()
    # Veenendaal and Rhenen: their inside points lie about 9 km apart.
    assert 5 < services.distance_km(agreement) < 15


def test_it_refuses_an_agreement_with_itself_and_saves_nothing():
    with pytest.raises(ValidationError) as error:
        make_agreement(VEENENDAAL, VEENENDAAL)
    assert "twee verschillende" in str(error.value)
    assert not PlannedTest.objects.exists()


def test_it_plans_both_yearly_tests_and_records_history(editor_a):
    agreement = make_agreement(user=editor_a)
    assert sorted(agreement.planned_tests.values_list("kind", "planned_date__year")) == [
        ("continuiteitsplan", 2026),
        ("hersteltest", 2026),
    ]
    record = ChangeRecord.objects.get(model="fallback.agreement", object_id=str(agreement.pk))
    assert record.user == editor_a and record.action == "create"


def test_it_refuses_a_service_of_the_host_in_a_one_way_agreement():
    agreement = make_agreement(mutual=False)
    with pytest.raises(ValidationError):
        make_service(agreement, guest=agreement.party_b)
    assert not Service.objects.exists()


def test_it_refuses_circular_dependencies_and_keeps_the_old_ones():
    agreement = make_agreement()
    idm = make_service(agreement, name="Identiteit")
    zaak = make_service(agreement, name="Zaaksysteem", depends_on=[idm])
    with pytest.raises(ValidationError) as error:
        from django.db import transaction

        with transaction.atomic():
            services.save_service(idm, None, depends_on=[zaak])
    assert "rond" in str(error.value)
    assert list(idm.depends_on.all()) == []


def test_it_refuses_a_dependency_on_the_other_municipality():
    agreement = make_agreement()
    theirs = make_service(agreement, guest=agreement.party_b, name="Hun dienst")
    with pytest.raises(ValidationError):
        make_service(agreement, name="Onze dienst", depends_on=[theirs])


def test_it_assesses_both_directions_of_a_mutual_agreement():
    agreement = make_agreement(link_mbps=10)
    make_service(agreement, name="Zaaksysteem", daily_change_gb=108, rpo_hours=1)  # needs 30 Mbit/s
    make_service(agreement, guest=agreement.party_b, name="Web", daily_change_gb=1)
    results = services.assess(agreement)
    assert [r.guest.code for r in results] == [VEENENDAAL, RHENEN]
    assert results[0].feasibility.status == ff.RED
    replication = results[0].feasibility.by_topic("replicatie")[0]
    assert replication.subject == "Zaaksysteem" and replication.status == ff.RED
    agreement.link_mbps = 100
    services.save_agreement(agreement, None)
    again = services.assess(agreement)[0].feasibility.by_topic("replicatie")[0]
    assert again.status == ff.GREEN


def test_it_uses_the_host_reservation_for_the_guest():
    agreement = make_agreement(reserved_vcpu_b=2, reserved_vcpu_a=64)
    make_service(agreement, vcpu=8)  # guest Veenendaal (A), host Rhenen (B) reserves 2
    result = services.assess(agreement)[0]
    vcpu = next(c for c in result.checks if c.subject == "vCPU")
    assert (vcpu.needed, vcpu.available, vcpu.status) == (8, 2, ff.RED)


def test_turning_an_agreement_one_way_drops_the_hosts_services():
    agreement = make_agreement()
    make_service(agreement, guest=agreement.party_b)
    agreement.mutual = False
    services.save_agreement(agreement, None)
    assert not agreement.services.filter(guest=agreement.party_b).exists()


def test_application_defaults_come_from_the_landscape():
    from goedebuur.profiles.demo import load_demo_profiles

    load_demo_profiles()
    application = municipality(RHENEN).applications.select_related("product").first()
    values = services.application_defaults(application)
    assert values["name"] == application.product.name
    assert values["rto_hours"] == application.rto_hours
    assert municipality(UTRECHT).applications.count() == 0
