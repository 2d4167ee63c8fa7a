# SPDX-License-Identifier: EUPL-1.2
import pytest

from goedebuur.experiences.models import Visibility

from ..factories import RHENEN, VEENENDAAL, make_cooperation
from .factories import make_lesson


@pytest.fixture
def cooperation(db):
    """Veenendaal (A) and Rhenen are members; Utrecht (B) is not."""
    return make_cooperation(members=(VEENENDAAL, RHENEN), name="Testverband Vallei")


@pytest.fixture
def lessons(editor_a, cooperation):
    """One lesson per visibility, all written by A and all about 'migratie'."""
    return {
        "public": make_lesson(editor_a, title="Openbare migratieles", body="migratie openbaar"),
        "municipal": make_lesson(
            editor_a,
            title="Gemeentelijke migratieles",
            body="migratie intern",
            visibility=Visibility.MUNICIPAL,
        ),
        "members": make_lesson(
            editor_a,
            title="Geheime migratieles",
            body="migratie alleen leden",
            visibility=Visibility.MEMBERS,
            cooperation=cooperation,
        ),
    }
