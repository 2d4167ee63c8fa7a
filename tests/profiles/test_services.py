# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.exceptions import ValidationError

from goedebuur.gemma.models import ReferenceComponent
from goedebuur.history.locking import EditConflict
from goedebuur.history.models import ChangeRecord
from goedebuur.profiles import services
from goedebuur.profiles.models import Application, Contract, Product, Profile, Supplier

from .conftest import application_values


def test_spelling_variants_share_one_supplier_and_product(db):
    first = services.get_or_create_product("Centric B.V.", "Key2Zaken")
    second = services.get_or_create_product("centric nederland", "key2zaken ")
    assert first == second
    assert Supplier.objects.filter(normalized_name="centric").count() == 1
    assert first.supplier.name == "Centric B.V."  # the first spelling seen is shown


def test_same_product_name_at_two_suppliers_is_two_products(db):
    assert services.get_or_create_product("A B.V.", "Zaken") != services.get_or_create_product(
        "B B.V.", "Zaken"
    )


def test_empty_names_are_refused(db):
    with pytest.raises(ValidationError):
        services.get_or_create_supplier("  B.V.  ".replace("B.V.", ""))
    with pytest.raises(ValidationError):
        services.get_or_create_product("Centric", "   ")


def test_upsert_prefills_biv_and_recovery_and_records_history(veenendaal, editor_a):
    zrc = ReferenceComponent.objects.get(name="Zaakregistratiecomponent")
    drc = ReferenceComponent.objects.get(name="Documentregistratiecomponent")
    application, created = services.upsert_application(
        veenendaal,
        application_values(components=[zrc, drc.gemma_id]),
        editor_a,
    )
    assert created
    expected = tuple(max(getattr(c, a) for c in (zrc, drc)) for a in services.BIV_FIELDS)
    assert (application.beschikbaarheid, application.integriteit, application.vertrouwelijkheid) == expected
    assert (application.rto_hours, application.rpo_hours) == (24, 4)  # beschikbaarheid 2
    assert application.contract.yearly_cost_eur == 48123
    record = ChangeRecord.objects.get(model="profiles.application", object_id=str(application.pk))
    assert record.user == editor_a
    assert record.snapshot["contract"]["end_date"] == "2028-03-31"


def test_upsert_twice_updates_and_overrides_are_kept(veenendaal, editor_a):
    application, _ = services.upsert_application(veenendaal, application_values(), editor_a)
    again, created = services.upsert_application(
        veenendaal,
        application_values(supplier="CENTRIC", beschikbaarheid=3, rto_hours=2, rpo_hours="0", contract=None),
        editor_a,
    )
    assert not created and again.pk == application.pk
    assert (again.beschikbaarheid, again.rto_hours, again.rpo_hours) == (3, 2, 0)
    assert not Contract.objects.filter(application=again).exists()
    assert Application.objects.filter(municipality=veenendaal).count() == 1


def test_bad_input_gives_dutch_messages_and_saves_nothing(veenendaal, editor_a):
    before = (Supplier.objects.count(), Product.objects.count(), Application.objects.count())
    values = application_values(
        supplier="",
        components=["Bestaat-niet-component"],
        hosting="zolder",
        beschikbaarheid=4,
        rto_hours=-1,
        contract={"end_date": "31-03-2028", "yearly_cost_eur": -5, "notice_months": "drie"},
    )
    with pytest.raises(ValidationError) as excinfo:
        services.upsert_application(veenendaal, values, editor_a)
    errors = excinfo.value.message_dict
    assert errors["supplier"] == ["Vul de naam van de leverancier in."]
    assert "Bestaat-niet-component" in errors["components"][0]
    assert errors["beschikbaarheid"] == ["Vul een geheel getal van 1 tot en met 3 in."]
    assert errors["rto_hours"] == ["Vul een geheel aantal uren van 0 of meer in."]
    assert errors["contract.end_date"] == ["Vul een geldige datum in (jjjj-mm-dd)."]
    assert "0 of meer" in errors["contract.yearly_cost_eur"][0]
    assert "contract.notice_months" in errors and "hosting" in errors
    assert (Supplier.objects.count(), Product.objects.count(), Application.objects.count()) == before


def test_end_before_start_is_refused(veenendaal, editor_a):
    with pytest.raises(ValidationError) as excinfo:
        services.upsert_application(
            veenendaal,
            application_values(contract={"start_date": "2025-01-01", "end_date": "2024-01-01"}),
            editor_a,
        )
    assert excinfo.value.message_dict["contract.end_date"] == ["De einddatum ligt vóór de startdatum."]


def test_save_application_refuses_a_product_already_in_the_landscape(veenendaal, editor_a):
    services.upsert_application(veenendaal, application_values(), editor_a)
    other, _ = services.upsert_application(veenendaal, application_values(product="Corsa"), editor_a)
    with pytest.raises(ValidationError) as excinfo:
        services.save_application(veenendaal, other, application_values(product="KEY2ZAKEN"), editor_a)
    assert "al in het landschap" in excinfo.value.message_dict["product"][0]


def test_delete_records_history(veenendaal_app, editor_a):
    pk = veenendaal_app.pk
    services.delete_application(veenendaal_app, editor_a)
    assert not Application.objects.filter(pk=pk).exists()
    assert ChangeRecord.objects.filter(
        model="profiles.application", object_id=str(pk), action="delete"
    ).exists()


def test_profile_prefills_inhabitants_from_reference_data(veenendaal):
    profile = services.profile_for(veenendaal)
    assert profile.pk is None
    assert profile.inhabitants == veenendaal.population
    assert profile.inhabitants_year == veenendaal.population_year


def test_a_second_first_profile_of_the_same_municipality_is_a_conflict_not_a_database_error(
    veenendaal, editor_a
):
    mine, theirs = services.profile_for(veenendaal), services.profile_for(veenendaal)
    theirs.contact_name = "Eerst opgeslagen"
    services.save_profile(theirs, editor_a)
    mine.contact_name = "Later opgeslagen"
    with pytest.raises(EditConflict):
        services.save_profile(mine, editor_a)
    assert Profile.objects.get(municipality=veenendaal).contact_name == "Eerst opgeslagen"
