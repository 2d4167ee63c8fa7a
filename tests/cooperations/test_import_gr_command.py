# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur import-gr`: summary, JSON, dry run, and a broken file refused with exit status 1."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from goedebuur.cooperations.models import Cooperation
from tests.factories import RHENEN, VEENENDAAL, gr_participant, gr_record, write_gr_file

pytestmark = pytest.mark.django_db


def records():
    return [
        gr_record(
            "500",
            "Gemeenschappelijke regeling ICT Brielle",
            [gr_participant(VEENENDAAL), gr_participant(RHENEN), gr_participant("GM0501")],
        )
    ]


def run(*args):
    out = StringIO()
    call_command("import-gr", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_prints_the_summary_with_the_mapping_of_former_municipalities(tmp_path):
    output = run(str(write_gr_file(tmp_path, records())), "--peildatum", "2026-05-16")
    assert "peildatum 16 mei 2026" in output and "nieuw: 1" in output
    assert "voormalige gemeente Brielle (GM0501) → GM1992" in output


def test_it_gives_json_and_a_second_run_writes_nothing(tmp_path):
    path = str(write_gr_file(tmp_path, records()))
    run(path, "--peildatum", "2026-05-16")
    summary = json.loads(run(path, "--peildatum", "2026-05-16", "--json"))
    assert (summary["nieuw"], summary["ongewijzigd"], summary["schrijfacties"]) == (0, 1, 0)


def test_a_dry_run_saves_nothing(tmp_path):
    output = run(str(write_gr_file(tmp_path, records())), "--dry-run")
    assert "Proefrun" in output and not Cooperation.objects.exists()


@pytest.mark.parametrize(
    "content, words",
    [("<html><body>niet dit</body></html>", "geen export"), ('{"type": "gemeenschappelijke', "JSON")],
)
def test_a_broken_file_is_refused_in_dutch_and_changes_nothing(tmp_path, content, words):
    path = tmp_path / "export.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(str(path))
    assert words in str(error.value) and not Cooperation.objects.exists()


def test_a_missing_file_and_a_bad_date_are_refused(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        run(str(tmp_path / "weg.xml"))
    with pytest.raises(CommandError, match="peildatum"):
        run(str(write_gr_file(tmp_path, records())), "--peildatum", "16-05-2026")
