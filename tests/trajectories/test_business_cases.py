# SPDX-License-Identifier: EUPL-1.2
"""Business cases linked to a trajectory: partners link the cases of partner municipalities they
may see; others' hidden cases stay linked and are only counted."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from goedebuur.businesscases import services as cases
from goedebuur.trajectories import services

from ..factories import RENSWOUDE, RHENEN, UTRECHT, VEENENDAAL, make_user
from .factories import make_trajectory, municipality


@pytest.fixture
def trajectory(db):
    return make_trajectory()


def case_of(user, *codes, name="Businesscase Vallei"):
    return cases.create_case(user, name=name, scenario="licht", partners=[municipality(c) for c in codes])


def test_a_partner_links_a_case_and_the_page_shows_it(editor_a, editor_a_client, trajectory):
    case = case_of(editor_a, VEENENDAAL, RHENEN)
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/businesscases", {"business_cases": [case.pk]}
    )
    assert response.status_code == 302
    assert list(trajectory.business_cases.all()) == [case]
    page = editor_a_client.get(trajectory.get_absolute_url()).content.decode()
    assert f'href="{case.get_absolute_url()}"' in page


def test_a_refused_link_comes_back_with_the_ticked_cases_and_the_error_summary(
    editor_a, editor_b, editor_a_client, trajectory
):
    case = case_of(editor_a, VEENENDAAL, RHENEN)
    outsider_case = case_of(editor_b, UTRECHT, "GM0307", name="Utrecht en Amersfoort")
    response = editor_a_client.post(
        f"/trajecten/{trajectory.pk}/businesscases", {"business_cases": [case.pk, outsider_case.pk]}
    )
    assert response.status_code == 400 and not trajectory.business_cases.exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body and 'id="id_business_cases_errors"' in body
    assert (
        f'name="business_cases" value="{case.pk}" aria-invalid="true" id="id_business_cases_0" checked>'
        in body
    )


def test_it_refuses_a_case_of_an_outsider(editor_a, editor_b, trajectory):
    outsider_case = case_of(editor_b, UTRECHT, "GM0307", name="Utrecht en Amersfoort")
    admin = make_user(None, admin=True, username="beheer")
    with pytest.raises(ValidationError):
        services.link_business_cases(trajectory, [outsider_case], admin)
    assert not trajectory.business_cases.exists()


def test_cases_hidden_from_a_user_are_counted_and_kept(editor_a, trajectory):
    rhenen_editor = make_user(RHENEN, username="rhenen-editor")
    own = case_of(rhenen_editor, RHENEN, RENSWOUDE, name="Rhenen en Renswoude")
    services.link_business_cases(trajectory, [own], rhenen_editor)
    assert services.linked_cases(trajectory, editor_a) == ([], 1)
    services.link_business_cases(trajectory, [], editor_a)
    assert list(trajectory.business_cases.all()) == [own]


def test_the_api_lists_the_linked_cases_the_caller_may_see(editor_a, trajectory):
    case = case_of(editor_a, VEENENDAAL, RHENEN)
    services.link_business_cases(trajectory, [case], editor_a)
    client = APIClient()
    client.force_authenticate(editor_a)
    body = client.get(f"/api/v1/trajecten/{trajectory.pk}").json()
    assert body["businesscases"] == [{"id": case.pk, "naam": case.name, "webpagina": case.get_absolute_url()}]
