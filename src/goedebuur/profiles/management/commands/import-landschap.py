# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur import-landschap GM0345 bestand.xlsx [--dry-run]`: import an application landscape.

All or nothing: with any error every problem is printed (in Dutch, with its row), nothing is saved
and the exit code is 1. `--dry-run` checks and reports what would change, and saves nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goedebuur.municipalities.models import Municipality
from goedebuur.profiles import file_messages, imports


class Command(BaseCommand):
    help = "Importeer het applicatielandschap van een gemeente uit een CSV- of XLSX-bestand (alles of niets)."

    def add_arguments(self, parser):
        parser.add_argument("gemeente", help="CBS-code van de gemeente, bijvoorbeeld GM0345")
        parser.add_argument("bestand", help="CSV- (UTF-8) of XLSX-bestand met de kolommen van het sjabloon")
        parser.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")

    def handle(self, *args, **options):
        try:
            municipality = Municipality.objects.get(code=options["gemeente"].upper())
        except Municipality.DoesNotExist:
            raise CommandError(f"Onbekende gemeente: {options['gemeente']}") from None
        path = Path(options["bestand"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        if path.stat().st_size > imports.MAX_UPLOAD_BYTES:
            raise CommandError("Het bestand is te groot (meer dan 10 MB).")
        result, summary = imports.import_file(
            municipality, path.read_bytes(), None, dry_run=options["dry_run"]
        )
        if summary is None:
            for message in file_messages.messages(result):
                self.stderr.write(message)
            raise CommandError(
                f"{path.name}: niet geïmporteerd, er is niets opgeslagen "
                f"({len(result.file_errors) + len(result.errors)} fout(en))."
            )
        if options["dry_run"]:
            self.stdout.write(
                f"{municipality.name}: {result.row_count} rijen in orde; zou {summary.created} applicaties "
                f"toevoegen en {summary.updated} bijwerken (dry-run: niets opgeslagen)."
            )
        else:
            self.stdout.write(
                f"{municipality.name}: {summary.created} applicaties toegevoegd, {summary.updated} bijgewerkt."
            )
