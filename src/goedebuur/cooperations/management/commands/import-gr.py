# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur import-gr [BESTAND] [--dry-run] [--peildatum JJJJ-MM-DD] [--json]`: load the national
register of gemeenschappelijke regelingen (ROO) into the register.

Without a file the snapshot shipped in the package is loaded (peildatum 16 mei 2026); with a file, the
official `exportOO.xml` (also gzipped) or a polder JSONL file. All or nothing: a broken or wrong file
gives a Dutch message naming the record, changes nothing and exits with status 1. Running it twice
changes nothing the second time."""

import datetime as dt
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from goedebuur.common import command_error, write_json
from goedebuur.common import date as format_date
from goedebuur.cooperations import services


class Command(BaseCommand):
    help = (
        "Laad het GR-register (Register van Overheidsorganisaties): zonder bestand de meegeleverde "
        "momentopname, anders een exportOO.xml of polder-JSONL (alles of niets)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand", nargs="?", help="exportOO.xml(.gz) of JSONL; leeg = meegeleverde momentopname"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen controleren en tellen, niets opslaan"
        )
        parser.add_argument(
            "--peildatum",
            help="datum van de export (JJJJ-MM-DD); standaard de wijzigingsdatum van het bestand",
        )
        parser.add_argument("--json", action="store_true", help="de samenvatting als JSON")

    def handle(self, *args, **options):
        path = options["bestand"]
        if path is not None and not Path(path).is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        register_date = None
        if options["peildatum"]:
            try:
                register_date = dt.date.fromisoformat(options["peildatum"])
            except ValueError:
                raise CommandError(
                    f"peildatum: '{options['peildatum']}' is geen datum (JJJJ-MM-DD)."
                ) from None
        show = not options["json"] and sys.stderr.isatty()
        try:
            summary = services.import_register(
                path,
                register_date=register_date,
                dry_run=options["dry_run"],
                progress=self._progress if show or options["verbosity"] > 1 else None,
            )
        except ValidationError as error:
            raise command_error(error) from None
        if options["json"]:
            write_json(self, summary.as_dict())
            return
        self.stderr.write("")
        s = summary
        self.stdout.write(
            f"GR-register, peildatum {format_date(s.register_date)}: {s.versions} versies, {s.regelingen} regelingen "
            f"met gemeenten."
        )
        self.stdout.write(
            f"  nieuw: {s.new}, gewijzigd: {s.changed} (waarvan beëindigd: {s.ended}), ongewijzigd: {s.unchanged}, "
            f"gekoppeld aan bestaande samenwerkingen: {len(s.linked)}"
        )
        for code, (name, successor) in sorted(s.mapped.items()):
            self.stdout.write(f"  voormalige gemeente {name} ({code}) → {successor}")
        for code, name in sorted(s.unmapped.items()):
            self.stdout.write(
                f"  niet gekoppeld (voormalige gemeente zonder bekende opvolger): {name} ({code})"
            )
        self.stdout.write(f"  schrijfacties: {s.writes}")
        if s.dry_run:
            self.stdout.write("Proefrun: er is niets opgeslagen.")

    def _progress(self, done, total):
        if done == total or done % 25 == 0:
            self.stderr.write(f"\r  {done}/{total} regelingen verwerkt", ending="")
            self.stderr.flush()
