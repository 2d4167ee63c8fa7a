# SPDX-License-Identifier: EUPL-1.2
"""businesscases.services: defaults, validation (nothing saved on bad input), history, results."""

import pytest
from django.core.exceptions import ValidationError

from goedebuur.businesscases import services, stored
from goedebuur.businesscases.models import BusinessCase
from goedebuur.cooperations.models import IctDomain
from goedebuur.municipalities.models import Municipality
from goedebuur.profiles.models import Profile

from ..factories import RHENEN, UTRECHT, VEENENDAAL
from .factories import make_case

pytestmark = pytest.mark.django_db


def test_a_new_case_gets_benchmark_baselines_and_an_unconfirmed_checklist(editor_a):
    case = make_case(editor_a, complete=False)
    rhenen = Municipality.objects.get(code=RHENEN)
    baseline = case.baselines[RHENEN]
    assert baseline["inhabitants"] == rhenen.population
    assert baseline["eur"] == rhenen.population * 96
    assert "M&I/Partners" in baseline["source"] and "2021" in baseline["source"]
    assert case.owner.code == VEENENDAAL
    assert case.status == BusinessCase.Status.DRAFT
    assert len(case.hidden_costs) == 8 and not any(row["confirmed"] for row in case.hidden_costs)
    assert [row["domain"] for row in case.savings] == ["werkplek", "applicaties"]


def test_the_own_profile_spend_is_used_when_the_user_may_see_it(editor_a):
    Profile.objects.create(
        municipality=Municipality.objects.get(code=VEENENDAAL),
        ict_spend_eur=7_000_000,
        ict_spend_year=2025,
        workplaces=820,
    )
    Profile.objects.create(municipality=Municipality.objects.get(code=RHENEN), ict_spend_eur=2_500_000)
    case = make_case(editor_a)
    assert case.baselines[VEENENDAAL]["eur"] == 7_000_000
    assert "ICT-profiel van Veenendaal (2025)" in case.baselines[VEENENDAAL]["source"]
    assert case.baselines[VEENENDAAL]["workplaces"] == 820
    # Rhenen does not share its costs with Veenendaal: benchmark, and its spend is not copied
    assert case.baselines[RHENEN]["ict_spend_eur"] is None
    assert "benchmark" in case.baselines[RHENEN]["source"]


def test_it_refuses_a_case_without_the_own_municipality_or_with_one_partner(editor_a):
    with pytest.raises(ValidationError, match="Veenendaal"):
        services.create_case(
            editor_a,
            name="X",
            scenario="",
            partners=list(Municipality.objects.filter(code__in=[RHENEN, UTRECHT])),
        )
    with pytest.raises(ValidationError, match="twee"):
        services.create_case(
            editor_a, name="X", scenario="", partners=list(Municipality.objects.filter(code=VEENENDAAL))
        )
    assert not BusinessCase.objects.exists()


def test_bad_input_changes_nothing(editor_a):
    case = make_case(editor_a)
    before = services.snapshot(case)
    with pytest.raises(ValidationError) as error:
        services.save_baselines(case, editor_a, {RHENEN: {"inhabitants": -10}})
    assert "Het aantal inwoners van Rhenen kan niet negatief zijn." in error.value.messages
    with pytest.raises(ValidationError) as error:
        services.save_hidden_costs(
            BusinessCase.objects.get(pk=case.pk),
            editor_a,
            {"migratie": {"low": 900, "likely": 500, "high": 100}},
        )
    assert "Migratie en dataconversie: de laagste waarde is hoger dan de hoogste." in error.value.messages
    with pytest.raises(ValidationError) as error:
        services.save_scope(
            BusinessCase.objects.get(pk=case.pk),
            editor_a,
            domains=[],
            horizon=0,
            start_year=2027,
            go_live_year=1,
        )
    assert "De horizon moet 1 tot en met 30 jaar zijn." in error.value.messages
    assert services.snapshot(BusinessCase.objects.get(pk=case.pk)) == before


def test_the_checklist_must_be_confirmed_before_the_case_is_complete(editor_a):
    case = make_case(editor_a, complete=False)
    with pytest.raises(ValidationError, match="Bevestig elke verborgen kostenpost"):
        services.save_hidden_costs(case, editor_a, {"migratie": {"confirmed": True}}, require_all=True)
    case = BusinessCase.objects.get(pk=case.pk)
    values = {row["key"]: {"confirmed": True} for row in case.hidden_costs}
    values["exit"] = {"low": 0, "likely": 0, "high": 0, "confirmed": True}
    services.save_hidden_costs(case, editor_a, values, require_all=True)
    case.refresh_from_db()
    assert case.status == BusinessCase.Status.COMPLETE
    exit_row = next(row for row in case.hidden_costs if row["key"] == "exit")
    assert exit_row["high"] == 0 and exit_row["author"] == "editor-a"


def test_every_change_is_recorded_in_the_history_with_its_author(editor_a):
    case = make_case(editor_a)
    records = services.versions(case.pk)
    assert records.count() >= 3
    assert set(records.values_list("user_repr", flat=True)) == {"editor-a"}
    services.delete_case(case, editor_a)
    assert records.filter(action="delete").exists()


def test_the_same_inputs_and_seed_give_the_same_result(editor_a):
    case = make_case(editor_a)
    first, second = services.compute(case), services.compute(BusinessCase.objects.get(pk=case.pk))
    assert first.simulation == second.simulation and first.deterministic == second.deterministic
    assert services.compute(case, seed=99).simulation != first.simulation


def test_changing_partners_keeps_confirmed_costs_and_recomputes_the_others(editor_a):
    case = make_case(editor_a, complete=False)
    services.save_hidden_costs(
        case, editor_a, {"migratie": {"likely": 300_000, "high": 900_000, "confirmed": True}}
    )
    case = BusinessCase.objects.get(pk=case.pk)
    old_preparation = next(r for r in case.hidden_costs if r["key"] == "voorbereiding")["likely"]
    three = list(Municipality.objects.filter(code__in=[RHENEN, VEENENDAAL, "GM0339"]))
    services.save_partners(case, editor_a, name="Drie", scenario="zwaar", partners=three)
    case.refresh_from_db()
    rows = {r["key"]: r for r in case.hidden_costs}
    assert rows["migratie"]["likely"] == 300_000
    assert rows["voorbereiding"]["likely"] == old_preparation * 3 // 2
    assert set(case.baselines) == {RHENEN, VEENENDAAL, "GM0339"}


# --- the rules hold in the service, whichever surface calls it -----------------------------------


def test_only_the_owners_editors_and_administrators_may_change_a_case(editor_a, reader_a, admin_user):
    from django.core.exceptions import PermissionDenied

    from ..factories import make_user

    case = make_case(editor_a)
    partner_editor = make_user(RHENEN)
    for user in (reader_a, partner_editor):
        with pytest.raises(PermissionDenied):
            services.save_allocation(BusinessCase.objects.get(pk=case.pk), user, seed=9)
        with pytest.raises(PermissionDenied):
            services.delete_case(BusinessCase.objects.get(pk=case.pk), user)
        with pytest.raises(PermissionDenied):
            services.restore_version(case.pk, services.versions(case.pk).last().pk, user)
    with pytest.raises(PermissionDenied):
        services.create_case(
            reader_a, name="X", scenario="", partners=[case.owner, partner_editor.municipality]
        )
    with pytest.raises(PermissionDenied):  # an editor cannot make a case owned by another municipality
        services.create_case(
            partner_editor,
            name="X",
            scenario="",
            partners=[case.owner, partner_editor.municipality],
            owner=case.owner,
        )
    services.save_allocation(BusinessCase.objects.get(pk=case.pk), admin_user, seed=9)
    assert BusinessCase.objects.get(pk=case.pk).seed == 9


def test_it_refuses_the_field_rules_of_the_forms_and_the_api(editor_a):
    case = make_case(editor_a)
    for change, field in (
        (lambda c: services.save_allocation(c, editor_a, seed=2_147_483_648), "seed"),
        (lambda c: services.save_allocation(c, editor_a, draws=0), "draws"),
        (
            lambda c: services.save_scope(
                c, editor_a, domains=[], horizon=10, start_year=1999, go_live_year=2
            ),
            "start_year",
        ),
        (
            lambda c: services.save_partners(
                c, editor_a, name="x" * 201, scenario="", partners=services.partner_list(c)
            ),
            "name",
        ),
        (lambda c: services.save_baselines(c, editor_a, {RHENEN: {"source": "x" * 501}}), "baselines"),
    ):
        with pytest.raises(ValidationError) as error:
            change(BusinessCase.objects.get(pk=case.pk))
        assert field in error.value.message_dict
    assert services.snapshot(BusinessCase.objects.get(pk=case.pk)) == services.snapshot(case)


def test_page_and_api_give_the_same_refusal_for_the_same_bad_input(editor_a, editor_a_client):
    from rest_framework.test import APIClient

    case = make_case(editor_a)
    message = "Het jaar van de overstap valt buiten de horizon."
    page = editor_a_client.post(
        f"/businesscases/{case.pk}/stap/scope",
        {"horizon": 3, "start_year": 2027, "go_live_year": 5, "revision": case.revision},
    )
    assert page.status_code == 400 and message in page.content.decode()
    api = APIClient()
    api.force_authenticate(editor_a)
    response = api.patch(
        f"/api/v1/businesscases/{case.pk}", {"horizonJaren": 3, "overstapJaar": 5}, format="json"
    )
    assert response.status_code == 400
    assert {"name": "overstapJaar", "code": "invalid", "reason": message} in response.json()["invalidParams"]

    own = "Uw eigen gemeente (Veenendaal) moet meedoen."
    others = list(Municipality.objects.filter(code__in=[RHENEN, UTRECHT]))
    page = editor_a_client.post("/businesscases/nieuw", {"name": "X", "partners": [m.pk for m in others]})
    assert page.status_code == 400 and own in page.content.decode()
    response = api.post("/api/v1/businesscases", {"naam": "X", "gemeenten": [RHENEN, UTRECHT]}, format="json")
    assert response.status_code == 400
    assert own in [p["reason"] for p in response.json()["invalidParams"]]
    assert BusinessCase.objects.count() == 1


def test_the_default_hidden_costs_follow_the_chosen_domains_but_keep_what_a_user_changed(editor_a):
    case = make_case(editor_a, complete=False, domains=("applicaties",))
    narrow = {row["key"]: row for row in case.hidden_costs}
    services.save_hidden_costs(case, editor_a, {"migratie": {"likely": narrow["migratie"]["likely"] + 100}})
    broad = list(IctDomain.objects.filter(slug__in=("applicaties", "werkplek", "infrastructuur-beheer")))
    services.save_scope(case, editor_a, domains=broad, horizon=10, start_year=2027, go_live_year=2)
    case.refresh_from_db()
    after = {row["key"]: row for row in case.hidden_costs}
    assert after["projectorganisatie"]["likely"] > 2 * narrow["projectorganisatie"]["likely"]
    assert "gekozen domeinen" in after["projectorganisatie"]["source"]
    assert after["migratie"]["likely"] == narrow["migratie"]["likely"] + 100  # the user's value stays


# --- the stored result (goedebuur.common.cache) --------------------------------------------------


@pytest.fixture
def computations(monkeypatch):
    """The (draws, seed) of every computation of a result, stored or not."""
    calls = []
    original = stored.compute

    def counting(pure, draws, seed):
        calls.append((draws, seed))
        return original(pure, draws, seed)

    monkeypatch.setattr(stored, "compute", counting)
    return calls


def test_a_result_is_computed_once_for_the_same_inputs(editor_a, computations):
    case = make_case(editor_a)
    first = services.compute(case)
    again = services.compute(BusinessCase.objects.get(pk=case.pk))
    assert computations == [(2_000, 1)]
    assert again == first


def test_an_edited_input_gives_the_new_result_on_the_next_view(editor_a, computations):
    case = make_case(editor_a)
    before = services.compute(case)
    services.save_allocation(case, editor_a, discount_rate=before.case.discount_rate + 0.02)
    case.refresh_from_db()
    after = services.compute(case)
    assert len(computations) == 2
    assert after.deterministic.npv["totaal"] != before.deterministic.npv["totaal"]
    assert after == services.compute_pure(services.to_core(case), case.draws, case.seed)


def test_other_draws_or_seed_are_another_result(editor_a, computations):
    case = make_case(editor_a)
    services.compute(case)
    services.compute(case, seed=2)
    services.compute(case, draws=500)
    services.compute(case, seed=2)
    assert computations == [(2_000, 1), (2_000, 2), (500, 1)]


def test_the_page_shows_the_result_of_the_edited_case(editor_a, editor_a_client):
    case = make_case(editor_a)
    shown = editor_a_client.get(f"/businesscases/{case.pk}").context["result"]
    services.save_scope(
        case, editor_a, domains=list(case.domains.all()), horizon=5, start_year=2027, go_live_year=2
    )
    case.refresh_from_db()
    now = editor_a_client.get(f"/businesscases/{case.pk}").context["result"]
    assert len(shown.deterministic.schedule["totaal"]) == 10
    assert len(now.deterministic.schedule["totaal"]) == 5
