# SPDX-License-Identifier: EUPL-1.2
from goedebuur.municipalities import services
from goedebuur.municipalities.models import Municipality, Region, RegionType


def test_it_loads_all_342_municipalities_with_their_regions(db):
    assert Municipality.objects.count() == 342
    assert RegionType.objects.count() == 7
    rhenen = Municipality.objects.get(code="GM0340")
    assert rhenen.population == 20235 and rhenen.population_year == 2024
    assert rhenen.province.name == "Utrecht"
    assert rhenen.regions.count() == 7
    assert rhenen.regions.get(region_type__code="arbeidsmarktregio").name == "FoodValley"


def test_it_makes_neighbours_symmetric(db):
    rhenen = Municipality.objects.get(code="GM0340")
    veenendaal = Municipality.objects.get(code="GM0345")
    assert veenendaal in rhenen.neighbours.all()
    assert rhenen in veenendaal.neighbours.all()


def test_it_leaves_the_wadden_islands_without_neighbours(db):
    assert Municipality.objects.get(code="GM0448").neighbours.count() == 0


def test_it_is_idempotent(db):
    before = (Municipality.objects.count(), Region.objects.count(), RegionType.objects.count())
    services.load_reference_data()
    assert (Municipality.objects.count(), Region.objects.count(), RegionType.objects.count()) == before


def test_it_adds_a_new_division_as_data_without_a_migration(db):
    kind = RegionType.objects.create(code="zorgkantoor", name="Zorgkantoorregio", order=9)
    region = Region.objects.create(region_type=kind, code="ZK01", name="Testregio")
    Municipality.objects.get(code="GM0340").regions.add(region)
    assert [m.code for m in services.search_municipalities(region="zorgkantoor:ZK01")] == ["GM0340"]
