# SPDX-License-Identifier: EUPL-1.2
"""The demo scenarios "licht" and "zwaar" for Rhenen, Veenendaal and Renswoude."""

import pytest

from goedebuur.businesscases import services
from goedebuur.businesscases.demo import load_demo
from goedebuur.businesscases.models import BusinessCase

pytestmark = pytest.mark.django_db


def test_it_loads_two_labelled_complete_scenarios_once():
    assert load_demo() == "Demo-businesscases toegevoegd: 2"
    assert load_demo() == "Demo-businesscases toegevoegd: 0"
    cases = {case.scenario: case for case in BusinessCase.objects.all()}
    assert set(cases) == {"licht", "zwaar"}
    for case in cases.values():
        assert case.is_demo and case.name.startswith("Demo:")
        assert case.status == BusinessCase.Status.COMPLETE
        assert sorted(case.partners.values_list("code", flat=True)) == ["GM0339", "GM0340", "GM0345"]
    light, heavy = services.compute(cases["licht"]), services.compute(cases["zwaar"])
    assert sum(light.deterministic.joint_costs) < sum(heavy.deterministic.joint_costs)
