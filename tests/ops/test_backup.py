# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur backup` / `goedebuur restore`: a backup restored into an empty database gives back every
API listing unchanged; bad backups are refused and change nothing."""

import gzip
import io
import json
import os
import stat
import threading
import time
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import OperationalError, connections

from goedebuur.accounts.services import ensure_demo_accounts
from goedebuur.cooperations.models import Cooperation
from goedebuur.cooperations.services import load_demo_cooperations
from goedebuur.ops import backup as backup_module
from goedebuur.ops.backup import (
    BackupError,
    database_has_data,
    empty_database,
    read_backup,
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


class Writer(threading.Thread):
    """Registers cooperations (a cooperation, its members, domains and history: several tables, each
    registration in one transaction) in a loop on its own database connection, until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.written = 0
        self.failure = None

    def run(self):
        from tests.factories import make_cooperation

        try:
            while not self.stop.is_set():
                try:
                    make_cooperation()
                    self.written += 1
                except OperationalError:  # the suite's in-memory SQLite locks whole tables; try again
                    time.sleep(0.01)
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.failure = error
        finally:
            connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_while_others_write_restores_every_time(tmp_path):
    writer = Writer()
    writer.start()
    backups = []
    try:
        while writer.written < 2:
            time.sleep(0.01)
        for number in range(3):
            before = writer.written
            backups.append(tmp_path / f"backup-{number}.json.gz")
            call_command("backup", str(backups[-1]), stdout=io.StringIO())
            assert writer.written > before, "no write happened during the backup"
    finally:
        writer.stop.set()
        writer.join()
    assert writer.failure is None
    for backup in backups:
        call_command("restore", str(backup), vervang=True, stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_snapshot_does_not_see_writes_made_after_it_began(tmp_path):
    def register_one():
        from tests.factories import make_cooperation

        make_cooperation()
        connections.close_all()

    with backup_module.snapshot(tmp_path) as using:
        before = Cooperation._base_manager.using(using).count()
        writer = threading.Thread(target=register_one)
        writer.start()
        writer.join()
        assert Cooperation._base_manager.using(using).count() == before
    assert Cooperation._base_manager.count() == before + 1


def test_the_backup_file_is_readable_by_its_owner_only(tmp_path):
    backup = tmp_path / "b.json.gz"
    backup.write_text("an older backup")
    backup.chmod(0o644)
    old_umask = os.umask(0o022)
    try:
        call_command("backup", str(backup), stdout=io.StringIO())
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert read_backup(backup)["format"] == "goedebuur-backup"


def test_a_backup_that_does_not_check_out_fails_and_leaves_no_file(tmp_path, monkeypatch):
    rows = backup_module._rows
    monkeypatch.setattr(backup_module, "_rows", lambda using: rows(using)[:-1])  # a row lost on the way
    with pytest.raises(CommandError, match="is niet goed geschreven en is niet bewaard: het aantal rijen"):
        call_command("backup", str(tmp_path / "b.json.gz"), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []


def test_a_backup_into_a_missing_folder_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="De map .* bestaat niet"):
        call_command("backup", str(tmp_path / "nergens" / "b.json.gz"), stdout=io.StringIO())


def test_a_backup_onto_a_folder_is_refused_clearly(tmp_path):
    (tmp_path / "map").mkdir()
    with pytest.raises(CommandError, match="De backup kan niet worden geschreven naar"):
        call_command("backup", str(tmp_path / "map"), stdout=io.StringIO())
    assert [p.name for p in tmp_path.iterdir()] == ["map"]
