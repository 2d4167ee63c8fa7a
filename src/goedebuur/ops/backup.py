# SPDX-License-Identifier: EUPL-1.2
"""Backup and restore of the whole database as one portable file (gzip'd JSON), the same on SQLite and
PostgreSQL, so a backup of one can be restored into the other.

The file holds a header (format, version, creation time, the applied migrations) and every row of every
model except what the platform rebuilds itself (content types, permissions) or must not survive a
restore (sessions). Restore is all-or-nothing: it runs in one transaction, refuses a database that
already holds data unless told to replace it, and refuses a backup made by a newer version.

A backup is read from one consistent snapshot of the database (see `snapshot`), so it can be taken while
the site is in use, and the written file is read back and checked before it gets its name."""

import gzip
import json
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import load_backend

FORMAT = "goedebuur-backup"
VERSION = 1
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


class BackupError(Exception):
    """A backup that cannot be restored; the message is Dutch and says what to do."""


def _models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        if meta.app_label in excluded_apps or meta.label_lower in excluded_models:
            continue
        yield model


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[using])
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    return {model._meta.label: model._base_manager.using(using).count() for model in _models()}


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _rows(using: str) -> list[dict]:
    rows = []
    wanted = set(_models())
    for model in serializers.sort_dependencies([(config, None) for config in apps.get_app_configs()]):
        if model not in wanted:
            continue
        queryset = model._base_manager.using(using).order_by("pk")
        rows += serializers.serialize("python", queryset.iterator(), use_natural_foreign_keys=True)
    return rows


SNAPSHOT_ALIAS = "goedebuur_backup_snapshot"


@contextmanager
def snapshot(folder: Path) -> Iterator[str]:
    """The database alias to read one consistent state of the whole database from, while others go on
    writing. PostgreSQL: one REPEATABLE READ, READ ONLY transaction (every query sees the database as it
    was at the first). SQLite: a copy made with SQLite's online backup API in one step (a consistent
    copy, taken in milliseconds, so writers are not held up while the rows are read), in `folder`.
    Inside a transaction the caller already holds (a test), its transaction is the snapshot."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.in_atomic_block:
        yield DEFAULT_DB_ALIAS
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            with connection.cursor() as cursor:  # must be the transaction's first statement
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield DEFAULT_DB_ALIAS
    elif connection.vendor == "sqlite":
        copy = folder / "snapshot.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        try:
            connection.connection.backup(target)  # all pages in one step: one read transaction
        finally:
            target.close()
        # A connection made here, not a configured database: it exists only for this backup.
        connections[SNAPSHOT_ALIAS] = load_backend(connection.settings_dict["ENGINE"]).DatabaseWrapper(
            {
                **connection.settings_dict,
                "NAME": str(copy),
                "OPTIONS": {},
                "CONN_MAX_AGE": 0,
                "CONN_HEALTH_CHECKS": False,
            },
            SNAPSHOT_ALIAS,
        )
        try:
            yield SNAPSHOT_ALIAS
        finally:
            connections[SNAPSHOT_ALIAS].close()
            del connections[SNAPSHOT_ALIAS]
    else:
        raise BackupError(f"Een backup van een {connection.vendor}-database wordt niet ondersteund.")


def write_backup(path: Path) -> dict[str, int]:
    """Write the backup to `path` and return the number of rows per model. Everything is read from one
    snapshot; the file is written under a temporary name with mode 0600 (it holds password and token
    hashes and every private record), read back and checked, and only then given its name. A backup that
    does not check out raises BackupError and leaves no file."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise BackupError(f"De map {folder} bestaat niet; maak die eerst aan.")
    try:
        work = Path(tempfile.mkdtemp(dir=folder, prefix=".goedebuur-backup-"))  # mode 0700
    except OSError as error:
        raise BackupError(f"De backup kan niet worden geschreven in {folder}: {error.strerror}.") from error
    try:
        with snapshot(work) as using:
            document = {
                "format": FORMAT,
                "version": VERSION,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "migrations": applied_migrations(using),
                "counts": row_counts(using),
                "rows": _rows(using),
            }
        unchecked = work / "backup.json.gz"
        try:
            descriptor = os.open(unchecked, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as raw:
                with gzip.open(raw, "wt", encoding="utf-8") as handle:
                    json.dump(document, handle, ensure_ascii=False, cls=_ExactEncoder)
                raw.flush()
                os.fsync(raw.fileno())
            verify_backup(unchecked, document["counts"], shown_as=path)
            os.replace(unchecked, path)
        except OSError as error:
            raise BackupError(
                f"De backup kan niet worden geschreven naar {path}: {error.strerror or error}."
            ) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return document["counts"]


def verify_backup(path: Path, counts: dict[str, int], shown_as: Path | None = None) -> None:
    """Read a written backup back and check it: a complete gzip'd JSON document in the backup format
    whose rows per model are the numbers counted in the database."""
    shown_as = shown_as or path
    failed = f"De backup {shown_as} is niet goed geschreven en is niet bewaard"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{failed}: het bestand is niet leesbaar ({error}).") from error
    rows = document.get("rows") if isinstance(document, dict) else None
    if (
        not isinstance(rows, list)
        or document.get("format") != FORMAT
        or document.get("version") != VERSION
        or document.get("counts") != counts
        or not all(isinstance(row, dict) and {"model", "pk", "fields"} <= row.keys() for row in rows)
    ):
        raise BackupError(f"{failed}: de opbouw klopt niet.")
    written = Counter(row["model"] for row in rows)
    different = sorted(label for label, count in counts.items() if written.get(label.lower(), 0) != count)
    if different or sum(written.values()) != sum(counts.values()):
        raise BackupError(
            f"{failed}: het aantal rijen klopt niet voor "
            + (", ".join(different) or "onbekende tabellen")
            + ". Probeer het opnieuw."
        )


def read_backup(path: Path) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
    except FileNotFoundError as error:
        raise BackupError(f"Bestand {path} bestaat niet.") from error
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is geen leesbare Goede Buur-backup (gzip met JSON).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f"{path} is geen Goede Buur-backup.")
    if document.get("version") != VERSION:
        raise BackupError(
            f"Backupversie {document.get('version')} wordt niet ondersteund (verwacht {VERSION})."
        )
    unknown = _unknown_migrations(document.get("migrations", {}))
    if unknown:
        raise BackupError(
            "De backup komt van een nieuwere versie van Goede Buur (onbekende migraties: "
            + ", ".join(unknown[:5])
            + "). Installeer die versie en herstel dan."
        )
    return document


def _unknown_migrations(migrations: dict[str, list[str]]) -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}" for app, names in migrations.items() for name in names if (app, name) not in known
    ]


def database_has_data() -> bool:
    return any(model._base_manager.exists() for model in _models())


def restore_backup(path: Path, *, replace: bool = False) -> dict[str, int]:
    """Restore `path` into the (migrated) database; returns the rows per model afterwards."""
    document = read_backup(path)
    call_command("migrate", interactive=False, verbosity=0)
    if database_has_data() and not replace:
        raise BackupError(
            "De database bevat al gegevens. Herstel in een lege database, of gebruik --vervang om alles "
            "te vervangen door de backup."
        )
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "backup.json"
        fixture.write_text(json.dumps(document["rows"], ensure_ascii=False), encoding="utf-8")
        try:
            with transaction.atomic():
                empty_database()
                call_command("loaddata", str(fixture), verbosity=0)
                counts = row_counts()
                if counts != document["counts"]:
                    different = sorted(k for k in counts if counts[k] != document["counts"].get(k))
                    raise BackupError(
                        "Na het herstel kloppen de aantallen niet voor: " + ", ".join(different)
                    )
        except (serializers.base.DeserializationError, IntegrityError) as error:
            raise BackupError(f"De backup kan niet worden ingelezen: {error}") from error
    return counts


def empty_database():
    """Empty every table inside the current transaction; flush's post_migrate recreates content types and
    permissions, which the backup refers to by natural key."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with deferred constraint checks still pending from
        # earlier writes in this transaction: run those checks now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
