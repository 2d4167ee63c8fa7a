# SPDX-License-Identifier: EUPL-1.2
import datetime as dt

from goedebuur.gemma.models import ReferenceComponent
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import services
from goedebuur.profiles.demo import LANDSCAPES, PRODUCTS, SEED_COOPERATION, load_demo_profiles
from goedebuur.profiles.models import Application, Contract, Profile
from goedebuur.profiles.permissions import can_view_contracts

from ..factories import make_user


def test_demo_products_use_real_gemma_component_names(db):
    names = {name for _s, _p, components, _v in PRODUCTS.values() for name in components}
    assert names <= set(ReferenceComponent.objects.values_list("name", flat=True))


def test_demo_profiles_load_idempotently_and_are_labelled(db):
    from goedebuur.cooperations.services import load_seed_cooperations

    load_seed_cooperations()
    first = load_demo_profiles()
    assert first == {"profiles": 6, "applications": sum(len(rows) for rows in LANDSCAPES.values())}
    assert load_demo_profiles() == {"profiles": 0, "applications": 0}
    assert Profile.objects.filter(is_demo=True).count() == 6
    for code in LANDSCAPES:
        count = Application.objects.filter(municipality__code=code, is_demo=True).count()
        assert 10 <= count <= 20
    assert not Application.objects.filter(is_demo=False).exists()
    # Rhenen and Veenendaal share their contracts with their seed cooperation
    veenendaal = Municipality.objects.get(code="GM0345")
    assert veenendaal.ict_profile.share_contracts_with.get().name == SEED_COOPERATION
    assert can_view_contracts(make_user("GM0340", username="rhenen-reader"), veenendaal)
    assert not can_view_contracts(make_user("GM0228", username="ede-reader"), veenendaal)


def test_demo_contracts_give_joint_purchasing_windows(db):
    load_demo_profiles()
    # the social-domain suite: four municipalities whose contracts end within 18 months of each other
    ends = sorted(
        Contract.objects.filter(
            application__product__name="Sociaal Domein Suite", application__municipality__code__in=LANDSCAPES
        ).values_list("end_date", flat=True)
    )
    assert len(ends) == 4 and (ends[-1] - ends[0]) <= dt.timedelta(days=548)
    assert all(dt.date(2026, 11, 22) < end < dt.date(2029, 1, 1) for end in ends)


def test_demo_leaves_real_profiles_alone(db, editor_a):
    veenendaal = Municipality.objects.get(code="GM0345")
    services.save_profile(services.profile_for(veenendaal), editor_a)
    load_demo_profiles()
    assert not Application.objects.filter(municipality=veenendaal).exists()
    assert not Profile.objects.get(municipality=veenendaal).is_demo


def test_demo_pages_show_the_demo_label(db, reader_a_client):
    load_demo_profiles()
    body = reader_a_client.get("/gemeenten/GM0340/landschap").content.decode()
    assert "demo-label" in body and "ZaakStroom" in body
    body = reader_a_client.get("/landschappen/vergelijk?a=GM0340&b=GM0345").content.decode()
    assert "Zelfde component, zelfde product" in body
