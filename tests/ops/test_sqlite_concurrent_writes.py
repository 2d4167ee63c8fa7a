# SPDX-License-Identifier: EUPL-1.2
"""The default SQLite setup takes concurrent writers: several clients asking questions through the API at
the same moment all succeed (WAL, BEGIN IMMEDIATE and a busy timeout in settings.py), instead of some
getting a 503 for "database is locked". Run in a separate process on a database file, as deployed: the
suite's own SQLite test database lives in memory, which is not what a server uses."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

WRITERS = Path(__file__).with_name("concurrent_writers.py")


def deployed_environment(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "GOEDEBUUR_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "goedebuur.settings"}
    env["LOG_LEVEL"] = "ERROR"
    env.pop("DATABASE_URL", None)  # the default: SQLite in the data directory
    return env


@pytest.fixture(scope="module")
def migrated_sqlite_file(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """A goedebuur.sqlite3 that is migrated and holds the reference data: a copy of the test database
    when the suite runs on SQLite (fast; taken before any test opens its transaction), else made by
    `goedebuur init`."""
    folder = tmp_path_factory.mktemp("sqlite")
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(folder / "goedebuur.sqlite3")
            connection.connection.backup(target)
            target.close()
            return folder / "goedebuur.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "goedebuur", "init"],
        env=deployed_environment(folder),
        check=True,
        capture_output=True,
    )
    return folder / "goedebuur.sqlite3"


@pytest.fixture
def sqlite_data_dir(migrated_sqlite_file, tmp_path) -> Path:
    shutil.copy(migrated_sqlite_file, tmp_path / "goedebuur.sqlite3")
    return tmp_path


@pytest.mark.django_db  # the suite's test database is the source of the migrated file
def test_concurrent_writers_on_the_default_sqlite_setup_all_succeed(sqlite_data_dir):
    threads, posts = 8, 10
    result = subprocess.run(
        [sys.executable, str(WRITERS), str(threads), str(posts)],
        env=deployed_environment(sqlite_data_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["statuses"] == {"201": threads * posts}, outcome
    assert outcome["stored"] == threads * posts
