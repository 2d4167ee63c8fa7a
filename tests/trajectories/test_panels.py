# SPDX-License-Identifier: EUPL-1.2
"""The panel on a cooperation's page that names the trajectory it came from."""

from goedebuur.trajectories import services

from .factories import advance, align, make_trajectory


def test_the_cooperation_page_names_its_trajectory_to_those_who_may_see_it(
    editor_a, editor_a_client, editor_b_client
):
    trajectory = advance(make_trajectory(), editor_a)
    align(trajectory, editor_a)
    trajectory = advance(advance(trajectory, editor_a), editor_a)
    cooperation = services.promote_to_register(trajectory, editor_a)
    page = editor_a_client.get(cooperation.get_absolute_url()).content.decode()
    assert "Deze samenwerking is ontstaan uit een samenwerkingstraject" in page
    assert f'href="{trajectory.get_absolute_url()}"' in page
    assert (
        "ontstaan uit een samenwerkingstraject"
        not in editor_b_client.get(cooperation.get_absolute_url()).content.decode()
    )
