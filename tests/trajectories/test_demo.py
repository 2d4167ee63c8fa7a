# SPDX-License-Identifier: EUPL-1.2
"""The demo trajectories: Rhenen and Veenendaal sharing ambitions, Ede and Wageningen further along."""

from django.core import mail

from goedebuur.trajectories import services
from goedebuur.trajectories.demo import EDE_WAGENINGEN, RHENEN_VEENENDAAL, load_demo
from goedebuur.trajectories.models import Trajectory


def test_it_loads_the_demo_once_without_e_mail(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert load_demo() == "2 demotrajecten geladen"
    assert callbacks == [] and mail.outbox == []
    assert load_demo() == "demotrajecten waren er al"
    first = Trajectory.objects.get(name=RHENEN_VEENENDAAL)
    assert (first.phase, first.initiator.code, first.is_demo) == ("intentie", "GM0340", True)
    assert sorted(p.municipality.code for p in services.accepted(first)) == ["GM0340", "GM0345"]
    assert first.checklist.filter(status="gedaan").count() == 2
    blockers = services.step_status(first).advance_blockers
    assert any(b.who == ("Veenendaal",) for b in blockers)
    second = Trajectory.objects.get(name=EDE_WAGENINGEN)
    assert (second.phase, second.public_summary) == ("overeenkomen", True)
