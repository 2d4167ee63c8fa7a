# SPDX-License-Identifier: EUPL-1.2
"""Backup and restore of the whole database as one portable file (gzip'd JSON), the same on SQLite and
PostgreSQL, so a backup of one can be restored into the other.

The file holds a header (format, version, creation time, the applied migrations) and every row of every
model except what the platform rebuilds itself (content types, permissions) or must not survive a
restore (sessions). Restore is all-or-nothing: it runs in one transaction, refuses a database that
already holds data unless told to replace it, and refuses a backup made by a newer version."""

import gzip
import json
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

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


def applied_migrations() -> dict[str, list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in _models()}


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes and times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _rows() -> list[dict]:
    rows = []
    wanted = set(_models())
    for model in serializers.sort_dependencies([(config, None) for config in apps.get_app_configs()]):
        if model not in wanted:
            continue
        queryset = model._base_manager.order_by("pk")
        rows += serializers.serialize("python", queryset.iterator(), use_natural_foreign_keys=True)
    return rows


def write_backup(path: Path) -> dict[str, int]:
    """Write the backup to `path` and return the number of rows per model."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "migrations": applied_migrations(),
        "counts": row_counts(),
        "rows": _rows(),
    }
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, cls=_ExactEncoder)
    return document["counts"]


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
