# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goedebuur.ops.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database to FILE (gzip'd JSON; the same format on SQLite and PostgreSQL). "
        "Everything is read from one consistent snapshot while the site stays in use; the file (mode 0600) is "
        "read back and checked before it gets its name, else the command fails and leaves no file. "
        "Restore it with `goedebuur restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="backup file to write, e.g. goedebuur-2026-11-22.json.gz")

    def handle(self, *args, file, **options):
        try:
            counts = write_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup geschreven naar {file}: {sum(counts.values())} rijen in {len(counts)} tabellen."
        )
