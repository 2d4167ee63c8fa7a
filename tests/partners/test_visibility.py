# SPDX-License-Identifier: EUPL-1.2
"""Every signal per viewer: what each persona's ranking may be computed from.

Demo profiles: Veenendaal and Rhenen share their contracts with their cooperation (both members), the
other demo municipalities (Ede, Renswoude, Wageningen, Utrechtse Heuvelrug) share them with nobody."""

import datetime as dt

import pytest

from goedebuur.cooperations.services import load_seed_cooperations
from goedebuur.partners import services
from goedebuur.partners.params import FinderQuery, weights_from_percentages
from goedebuur.partners.reasons import phrase
from goedebuur.profiles import services as profiles
from goedebuur.profiles.demo import load_demo_profiles
from goedebuur.profiles.models import Application
from tests.factories import RHENEN, VEENENDAAL

pytestmark = pytest.mark.django_db

EDE = "GM0228"
PROFILE_CRITERIA = ("landscape", "suppliers", "contract_window", "ambitions")


@pytest.fixture
def demo_profiles(db):
    load_seed_cooperations()
    load_demo_profiles()


def ranking_for(user, code=VEENENDAAL, **weights):
    return services.rank_for(user, code, FinderQuery(weights=weights_from_percentages(weights)), top=None)


def by_code(ranking):
    return {c.code: c for c in ranking.candidates}


def scores(ranking):
    return {c.code: c.score for c in ranking.candidates}


def move_contracts(code, year):
    """Every contract of a municipality ends in `year`, changed through the profiles service."""
    for application in Application.objects.filter(municipality__code=code).select_related("municipality"):
        values = profiles.current_values(application)
        if values.get("contract"):
            values["contract"] = {**values["contract"], "end_date": dt.date(year, 6, 30)}
            profiles.update_application(
                application.municipality, application, {"contract": values["contract"]}, None, partial=True
            )


def test_anonymous_visitors_get_no_criterion_computed_from_profiles(demo_profiles):
    ranking = ranking_for(None)
    assert ranking.hidden == frozenset(PROFILE_CRITERIA)
    rhenen = by_code(ranking)[RHENEN]
    for key in PROFILE_CRITERIA:
        criterion = rhenen.criteria[key]
        assert not criterion.has_data and criterion.reason.code == "hidden"
        assert "alleen zichtbaar" in phrase(criterion.reason)
    assert set(PROFILE_CRITERIA) <= set(rhenen.missing)


def test_anonymous_scores_do_not_change_when_profiles_are_filled_in(db):
    load_seed_cooperations()
    before = scores(ranking_for(None))
    load_demo_profiles()
    assert scores(ranking_for(None)) == before


def test_the_editor_of_veenendaal_sees_landscape_suppliers_and_ambitions_with_the_shared_packages(
    demo_profiles, editor_a
):
    rhenen = by_code(ranking_for(editor_a))[RHENEN]
    for key in ("landscape", "suppliers", "ambitions"):
        assert rhenen.criteria[key].has_data, key
    landscape = phrase(rhenen.criteria["landscape"].reason)
    assert "ZaakStroom" in landscape and "Zaakregistratiecomponent" in landscape
    assert rhenen.criteria["landscape"].score > 0.5
    assert "Polderdata B.V." in phrase(rhenen.criteria["suppliers"].reason)
    assert "Kwetsbaarheid verlagen" in phrase(rhenen.criteria["ambitions"].reason)
    assert rhenen.confidence == 1.0


def test_contracts_count_only_where_the_viewer_may_see_them_and_say_why(demo_profiles, editor_a):
    ranking = by_code(ranking_for(editor_a))
    rhenen, ede = ranking[RHENEN], ranking[EDE]
    assert rhenen.criteria["contract_window"].has_data  # shared through their cooperation
    sentence = phrase(rhenen.criteria["contract_window"].reason)
    assert "2027" in sentence and "gedeeld" in sentence
    assert not ede.criteria["contract_window"].has_data  # Ede shares with nobody
    assert "die u mag zien" in phrase(ede.criteria["contract_window"].reason)
    assert ede.confidence < rhenen.confidence


def test_a_candidates_score_does_not_change_with_a_contract_the_viewer_may_not_see(
    demo_profiles, editor_a, admin_user
):
    before, before_admin = scores(ranking_for(editor_a)), scores(ranking_for(admin_user))
    move_contracts(EDE, 2040)
    assert scores(ranking_for(editor_a)) == before
    assert scores(ranking_for(admin_user))[EDE] != before_admin[EDE]  # the change is real: admins see it


def test_the_editor_of_utrecht_sees_landscapes_but_not_the_contracts_of_veenendaal(demo_profiles, editor_b):
    ranking = ranking_for(editor_b)
    assert by_code(ranking)[RHENEN].criteria["landscape"].has_data
    assert not any(c.criteria["contract_window"].has_data for c in ranking.candidates)
    assert any(note.values.get("criterion") == "contract_window" for note in ranking.notes)


def test_a_cached_ranking_never_passes_from_one_viewer_to_another(demo_profiles, editor_a):
    assert by_code(ranking_for(editor_a))[RHENEN].criteria["landscape"].has_data
    assert not by_code(ranking_for(None))[RHENEN].criteria["landscape"].has_data
    assert by_code(ranking_for(editor_a))[RHENEN].criteria["landscape"].has_data


def test_a_ranking_is_computed_once_per_viewer_scope_and_anew_after_a_profile_edit(
    demo_profiles, editor_a, monkeypatch
):
    calls = []
    original = services._rank
    monkeypatch.setattr(services, "_rank", lambda *args: calls.append(args[0]) or original(*args))
    before = scores(ranking_for(editor_a))
    assert scores(ranking_for(editor_a)) == before and len(calls) == 1
    ranking_for(None)
    assert len(calls) == 2  # another scope: computed for it
    move_contracts(RHENEN, 2040)  # a contract Veenendaal's editor may see (shared in their cooperation)
    assert scores(ranking_for(editor_a))[RHENEN] != before[RHENEN]
    assert len(calls) == 3


def test_two_viewers_who_see_the_same_contracts_keep_their_own_municipality(demo_profiles, editor_a):
    from goedebuur.accounts.models import User
    from tests.factories import make_user

    rhenen_editor = make_user(RHENEN, User.Role.EDITOR, username="editor-rhenen")
    assert services._viewer_scope(editor_a, True) != services._viewer_scope(rhenen_editor, True)


def test_a_landscape_import_on_the_command_line_changes_the_next_ranking(editor_a, tmp_path):
    """The import writes in bulk (no signals): its service moves the data version itself."""
    import io

    from django.core.management import call_command

    path = tmp_path / "landschap.csv"
    path.write_text(
        "referentiecomponenten,product,leverancier,hosting,contract_einde,jaarlijkse_kosten_eur\n"
        "Zaakregistratiecomponent,Djuma,Decos,saas,2027-06-30,12500\n",
        encoding="utf-8",
    )
    call_command("import-landschap", VEENENDAAL, str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not by_code(ranking_for(editor_a))[RHENEN].criteria["landscape"].has_data
    call_command("import-landschap", RHENEN, str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert by_code(ranking_for(editor_a))[RHENEN].criteria["landscape"].has_data
