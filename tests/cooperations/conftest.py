# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.cooperations import services
from goedebuur.municipalities.models import Municipality

from ..factories import RHENEN, VEENENDAAL, make_cooperation

EDE = "GM0228"


def ede():
    return Municipality.objects.get(code=EDE)


@pytest.fixture
def inviting_ede(editor_a):
    """Veenendaal and Rhenen on the entry; Veenendaal invites Ede, which has no editor (a join that
    waits for Ede and Rhenen)."""
    entry = make_cooperation(editor_a, members=(VEENENDAAL, RHENEN))
    values = services.input_from(entry)
    values.members.append(services.MemberInput(ede()))
    services.save_cooperation(values, editor_a, instance=entry)
    return entry
