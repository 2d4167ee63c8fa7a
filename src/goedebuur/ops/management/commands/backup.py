# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.core.management.base import BaseCommand

from goedebuur.ops.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to FILE (gzip'd JSON; the same format on SQLite and PostgreSQL). "
        "Restore it with `goedebuur restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="backup file to write, e.g. goedebuur-2026-11-22.json.gz")

    def handle(self, *args, file, **options):
        counts = write_backup(file)
        self.stdout.write(
            f"Backup geschreven naar {file}: {sum(counts.values())} rijen in {len(counts)} tabellen."
        )
