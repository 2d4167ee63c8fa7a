# SPDX-License-Identifier: EUPL-1.2
"""The step-by-step form: the whole flow, drafts, bad input with Dutch messages, who may edit."""

import pytest

from goedebuur.businesscases.models import BusinessCase
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL
from .factories import make_case

pytestmark = pytest.mark.django_db


def step_url(case, step):
    return f"/businesscases/{case.pk}/stap/{step}"


def pks(*codes):
    return [str(m.pk) for m in Municipality.objects.filter(code__in=codes)]


def test_it_walks_through_every_step_to_the_result(editor_a_client):
    response = editor_a_client.post(
        "/businesscases/nieuw",
        {"name": "Rhenen-Veenendaal", "scenario": "licht", "partners": pks(RHENEN, VEENENDAAL)},
    )
    case = BusinessCase.objects.get()
    assert response.status_code == 302 and response["Location"] == step_url(case, "scope")
    werkplek = str(case.domains.model.objects.get(slug="werkplek").pk)
    response = editor_a_client.post(
        step_url(case, "scope"), {"domains": [werkplek], "horizon": 8, "start_year": 2027, "go_live_year": 2}
    )
    assert response["Location"] == step_url(case, "basislijn")
    case.refresh_from_db()
    baseline = {}
    for code, row in case.baselines.items():
        baseline.update(
            {
                f"{code}-eur": row["eur"],
                f"{code}-source": row["source"],
                f"{code}-inhabitants": row["inhabitants"],
            }
        )
    baseline[f"{RHENEN}-eur"] = 2_000_000
    response = editor_a_client.post(step_url(case, "basislijn"), baseline)
    assert response["Location"] == step_url(case, "besparingen")
    saving = {
        "werkplek-domain_share_pct": "15",
        "werkplek-low": "0",
        "werkplek-likely": "4,5",
        "werkplek-high": "10",
        "werkplek-start_year": 2,
        "werkplek-ramp_years": 2,
        "werkplek-source": "eigen schatting",
    }
    response = editor_a_client.post(step_url(case, "besparingen"), saving)
    assert response["Location"] == step_url(case, "verborgen-kosten")
    case.refresh_from_db()
    costs = {}
    for row in case.hidden_costs:
        k = row["key"]
        costs.update(
            {
                f"{k}-low": int(row["low"]),
                f"{k}-likely": int(row["likely"]),
                f"{k}-high": int(row["high"]),
                f"{k}-year": row["year"],
                f"{k}-source": row["source"],
                f"{k}-confirmed": "on",
            }
        )
    costs["exit-zero"] = "on"
    response = editor_a_client.post(step_url(case, "verborgen-kosten"), costs)
    assert response["Location"] == step_url(case, "verdeling")
    response = editor_a_client.post(
        step_url(case, "verdeling"),
        {
            "allocation_key": "gelijk",
            "discount_rate_pct": "2,25",
            "distribution": "driehoek",
            "baseline_uncertainty_pct": "10",
            "draws": 5000,
            "seed": 7,
        },
    )
    assert response["Location"] == f"/businesscases/{case.pk}"
    case.refresh_from_db()
    assert case.status == BusinessCase.Status.COMPLETE
    assert case.baselines[RHENEN]["eur"] == 2_000_000 and case.baselines[RHENEN]["author"] == "editor-a"
    assert case.savings[0]["likely"] == 4.5 and case.horizon == 8
    assert next(r for r in case.hidden_costs if r["key"] == "exit")["high"] == 0
    assert (case.allocation_key, case.seed, case.draws, str(case.discount_rate)) == (
        "gelijk",
        7,
        5000,
        "0.0225",
    )
    page = editor_a_client.get(f"/businesscases/{case.pk}")
    assert page.status_code == 200 and "<svg" in page.content.decode()


def test_it_saves_a_draft_and_stays_on_the_step(editor_a, editor_a_client):
    case = make_case(editor_a, complete=False)
    data = {
        f"{row['key']}-{n}": row[n]
        for row in case.hidden_costs
        for n in ("low", "likely", "high", "year", "source")
    }
    data["migratie-confirmed"] = "on"
    data["concept"] = "1"
    response = editor_a_client.post(step_url(case, "verborgen-kosten"), data)
    assert response.status_code == 302 and response["Location"] == step_url(case, "verborgen-kosten")
    case.refresh_from_db()
    assert case.status == BusinessCase.Status.DRAFT
    assert [r["key"] for r in case.hidden_costs if r["confirmed"]] == ["migratie"]


def test_next_refuses_an_unconfirmed_checklist_with_a_dutch_message(editor_a, editor_a_client):
    case = make_case(editor_a, complete=False)
    data = {
        f"{row['key']}-{n}": row[n]
        for row in case.hidden_costs
        for n in ("low", "likely", "high", "year", "source")
    }
    response = editor_a_client.post(step_url(case, "verborgen-kosten"), data)
    assert response.status_code == 400
    assert "Bevestig elke verborgen kostenpost of zet hem expliciet op nul" in response.content.decode()


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        (
            "basislijn",
            {"GM0340-eur": 100, "GM0340-inhabitants": -5, "GM0345-eur": 100},
            "Het aantal inwoners kan niet negatief zijn.",
        ),
        (
            "scope",
            {"horizon": 0, "start_year": 2027, "go_live_year": 1},
            "De horizon moet 1 tot en met 30 jaar zijn.",
        ),
        (
            "verborgen-kosten",
            {"migratie-low": 900, "migratie-likely": 500, "migratie-high": 100, "migratie-year": 2},
            "De laagste waarde is hoger dan de hoogste.",
        ),
    ],
)
def test_it_rejects_bad_input_with_a_clear_dutch_message_and_saves_nothing(
    editor_a, editor_a_client, step, data, message
):
    case = make_case(editor_a)
    before = (case.baselines, case.hidden_costs, case.horizon)
    if step == "verborgen-kosten":
        filled = {
            f"{row['key']}-{n}": row[n]
            for row in case.hidden_costs
            for n in ("low", "likely", "high", "year")
        }
        data = {**filled, **data}
    response = editor_a_client.post(step_url(case, step), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    case.refresh_from_db()
    assert (case.baselines, case.hidden_costs, case.horizon) == before


def test_only_editors_of_the_owner_may_open_the_steps(
    editor_a, reader_a_client, editor_b_client, anonymous_client, admin_client
):
    case = make_case(editor_a)
    assert reader_a_client.get(step_url(case, "scope")).status_code == 403
    assert editor_b_client.get(step_url(case, "scope")).status_code == 404
    assert anonymous_client.get(step_url(case, "scope")).status_code == 302
    assert admin_client.get(step_url(case, "scope")).status_code == 200
    assert reader_a_client.get("/businesscases/nieuw").status_code == 403
    assert reader_a_client.post(step_url(case, "verdeling"), {"allocation_key": "gelijk"}).status_code == 403


def test_a_partner_editor_may_read_but_not_change(editor_a):
    from django.test import Client

    from ..factories import make_user

    case = make_case(editor_a)
    client = Client()
    client.force_login(make_user(RHENEN))
    assert client.get(f"/businesscases/{case.pk}").status_code == 200
    assert client.get(step_url(case, "scope")).status_code == 403


def test_an_unknown_step_is_not_found(editor_a, editor_a_client):
    case = make_case(editor_a)
    assert editor_a_client.get(step_url(case, "onbekend")).status_code == 404


def test_every_step_carries_the_revision_it_was_opened_with(editor_a, editor_a_client):
    case = make_case(editor_a)
    for step in ("partners", "scope", "basislijn", "besparingen", "verborgen-kosten", "verdeling"):
        page = editor_a_client.get(step_url(case, step)).content.decode()
        assert f'name="revision" value="{case.revision}"' in page, step


def test_it_refuses_a_step_saved_after_someone_else_changed_the_case(editor_a, editor_a_client, admin_client):
    case = make_case(editor_a)
    seen = case.revision
    scope = {"horizon": 10, "start_year": 2027, "go_live_year": 2, "revision": seen}
    assert admin_client.post(step_url(case, "scope"), scope | {"go_live_year": 3}).status_code == 302
    response = editor_a_client.post(step_url(case, "scope"), scope | {"horizon": 7, "concept": "1"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Iemand anders heeft dit gegeven gewijzigd" in body
    assert 'name="horizon" value="7"' in body  # the editor's input is kept
    case.refresh_from_db()
    assert (case.horizon, case.go_live_year) == (10, 3)


def test_a_draft_saved_step_by_step_keeps_working_with_the_new_revision(editor_a, editor_a_client):
    case = make_case(editor_a)
    scope = {"horizon": 9, "start_year": 2027, "go_live_year": 2, "concept": "1"}
    assert (
        editor_a_client.post(step_url(case, "scope"), scope | {"revision": case.revision}).status_code == 302
    )
    page = editor_a_client.get(step_url(case, "scope")).content.decode()
    case.refresh_from_db()
    assert f'name="revision" value="{case.revision}"' in page
    assert (
        editor_a_client.post(step_url(case, "scope"), scope | {"revision": case.revision}).status_code == 302
    )
