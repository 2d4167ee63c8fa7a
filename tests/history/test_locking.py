# SPDX-License-Identifier: EUPL-1.2
"""Optimistic locking (history/locking.py), exercised on register entries."""

import pytest

from goedebuur.cooperations.models import Cooperation
from goedebuur.history.locking import EditConflict, conflict_message, expect_revision, parse_if_match
from tests.factories import make_cooperation


def test_it_raises_the_revision_by_one_on_every_save(editor_a):
    cooperation = make_cooperation(user=editor_a)
    first = cooperation.revision
    cooperation.name = "Nieuwe naam"
    cooperation.save()
    cooperation.save(update_fields=["name"])
    assert cooperation.revision == first + 2
    assert Cooperation.objects.get(pk=cooperation.pk).revision == first + 2


def test_it_refuses_a_save_from_a_stale_copy_and_keeps_the_first_save(editor_a):
    cooperation = make_cooperation(user=editor_a, name="Origineel")
    mine = Cooperation.objects.get(pk=cooperation.pk)
    theirs = Cooperation.objects.get(pk=cooperation.pk)
    theirs.name = "Door de ander"
    theirs.save()
    mine.name = "Door mij"
    with pytest.raises(EditConflict):
        mine.save()
    stored = Cooperation.objects.get(pk=cooperation.pk)
    assert stored.name == "Door de ander" and stored.revision == theirs.revision


def test_it_checks_the_revision_the_editor_saw(editor_a):
    cooperation = make_cooperation(user=editor_a)
    seen = cooperation.revision
    cooperation.save()
    fresh = Cooperation.objects.get(pk=cooperation.pk)
    expect_revision(fresh, seen)
    with pytest.raises(EditConflict):
        fresh.save()


def test_it_names_who_saved_in_between_in_dutch(editor_a):
    cooperation = make_cooperation(user=editor_a)
    stale = Cooperation.objects.get(pk=cooperation.pk)
    cooperation.save()
    with pytest.raises(EditConflict) as conflict:
        stale.save()
    message = conflict_message(conflict.value)
    assert "Iemand anders heeft dit gegeven gewijzigd" in message
    assert editor_a.get_username() in message or editor_a.get_full_name() in message


def test_it_says_so_when_the_record_was_removed_meanwhile(editor_a):
    cooperation = make_cooperation(user=editor_a)
    stale = Cooperation.objects.get(pk=cooperation.pk)
    Cooperation.objects.filter(pk=cooperation.pk).delete()
    with pytest.raises(EditConflict) as conflict:
        stale.save()
    assert "verwijderd" in conflict_message(conflict.value)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("*", None),
        ('"3"', [3]),
        ('"3", "4"', [3, 4]),
        ('W/"3"', []),
        ("3", []),
        ('"drie"', []),
    ],
)
def test_it_reads_strong_revisions_from_if_match(header, expected):
    assert parse_if_match(header) == expected
