# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goedebuur.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `goedebuur backup` into this database (migrations are applied first). "
        "All or nothing; refuses a database that already holds data unless --vervang is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="backup file written by `goedebuur backup`")
        parser.add_argument(
            "--vervang", action="store_true", help="replace all current data by the backup (irreversible)"
        )

    def handle(self, *args, file, vervang, **options):
        try:
            counts = restore_backup(file, replace=vervang)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Hersteld uit {file}: {sum(counts.values())} rijen in {len(counts)} tabellen.")
