# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur backup` / `goedebuur restore`: a backup restored into an empty database gives back every
API listing unchanged; bad backups are refused and change nothing."""

import gzip
import json
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from goedebuur.accounts.services import ensure_demo_accounts
from goedebuur.cooperations.services import load_demo_cooperations
from goedebuur.ops.backup import (
    BackupError,
    database_has_data,
    empty_database,
    restore_backup,
    row_counts,
    write_backup,
)
from goedebuur.profiles.demo import load_demo_profiles

pytestmark = pytest.mark.django_db

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.yaml"


def api_listings() -> list[str]:
    """Every GET URL of the API without path parameters, from the committed OpenAPI file."""
    schema = yaml.safe_load(OPENAPI.read_text())
    root = schema["servers"][0]["url"]
    return sorted(
        root + path for path, operations in schema["paths"].items() if "get" in operations and "{" not in path
    )


VOLATILE = {"rekentijdSeconden"}  # how long the computation took


def stable(value):
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def snapshot(client) -> dict[str, tuple[int, object]]:
    return {path: (r.status_code, stable(r.json())) for path in api_listings() for r in [client.get(path)]}


@pytest.fixture
def demo_data():
    load_demo_cooperations()
    load_demo_profiles()
    ensure_demo_accounts()


def test_a_backup_restored_into_an_empty_database_gives_every_api_listing_back(
    demo_data, admin_user, admin_client, tmp_path
):
    before = snapshot(admin_client)
    assert len(before) >= 8
    backup = tmp_path / "goedebuur.json.gz"
    counts = write_backup(backup)
    empty_database()
    assert not database_has_data()

    assert restore_backup(backup) == counts
    admin_client.force_login(admin_user)  # sessions are not backed up
    after = snapshot(admin_client)
    for path in before:
        assert after[path] == before[path], path


def test_after_a_restore_new_records_get_fresh_ids(demo_data, editor_a_client, tmp_path):
    backup = tmp_path / "b.json.gz"
    write_backup(backup)
    restore_backup(backup, replace=True)
    from tests.factories import make_cooperation

    assert make_cooperation().pk  # no primary-key clash with restored rows (sequences reset)


def test_it_refuses_a_database_that_already_holds_data(tmp_path):
    backup = tmp_path / "b.json.gz"
    write_backup(backup)
    with pytest.raises(CommandError, match="De database bevat al gegevens"):
        call_command("restore", str(backup))


def test_it_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path):
    not_gzip = tmp_path / "a.json.gz"
    not_gzip.write_text("hallo")
    other = tmp_path / "b.json.gz"
    with gzip.open(other, "wt") as handle:
        json.dump({"format": "iets-anders"}, handle)
    before = row_counts()
    with pytest.raises(BackupError, match="geen leesbare Goede Buur-backup"):
        restore_backup(not_gzip, replace=True)
    with pytest.raises(BackupError, match="geen Goede Buur-backup"):
        restore_backup(other, replace=True)
    with pytest.raises(BackupError, match="bestaat niet"):
        restore_backup(tmp_path / "missing.json.gz", replace=True)
    assert row_counts() == before


def tampered(path: Path, change) -> Path:
    with gzip.open(path, "rt") as handle:
        document = json.load(handle)
    change(document)
    with gzip.open(path, "wt") as handle:
        json.dump(document, handle)
    return path


def test_a_backup_from_a_newer_version_is_refused(tmp_path):
    write_backup(tmp_path / "b.json.gz")
    backup = tampered(
        tmp_path / "b.json.gz",
        lambda d: d["migrations"].setdefault("cooperations", []).append("9999_from_the_future"),
    )
    with pytest.raises(BackupError, match="nieuwere versie"):
        restore_backup(backup, replace=True)


def test_a_broken_row_rolls_the_whole_restore_back(demo_data, tmp_path):
    write_backup(tmp_path / "b.json.gz")

    def break_a_reference(document):
        row = next(
            r for r in document["rows"] if r["model"] == "accounts.user" and r["fields"]["municipality"]
        )
        row["fields"]["municipality"] = "GM9999"

    backup = tampered(tmp_path / "b.json.gz", break_a_reference)
    before = row_counts()
    with pytest.raises(BackupError):
        restore_backup(backup, replace=True)
    assert row_counts() == before
