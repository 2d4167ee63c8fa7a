# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur trajecten [--gemeente CODE] [--json]`: the trajectories with their phase and what
blocks the next step; `goedebuur trajecten --document ID SOORT [--formaat md|docx] [--uit BESTAND]`
writes a document outline. An operator tool: it shows every trajectory (administrator's view)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goedebuur.common import write_json
from goedebuur.trajectories import documents, services
from goedebuur.trajectories.api.serializers import OverviewSerializer
from goedebuur.trajectories.models import Trajectory


class Command(BaseCommand):
    help = (
        "Toon de samenwerkingstrajecten met fase, toestand en wat de volgende stap tegenhoudt, of schrijf "
        "een conceptdocument (intentieverklaring, samenwerkingsovereenkomst, dvo). Beheerderszicht: alle trajecten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente", default="", help="only trajectories of this municipality (CBS code)"
        )
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument(
            "--document",
            nargs=2,
            metavar=("ID", "SOORT"),
            help=f"write an outline: SOORT in {', '.join(documents.KINDS)}",
        )
        parser.add_argument("--formaat", choices=documents.FORMATS, default="md", help="md (default) or docx")
        parser.add_argument(
            "--uit", default="", help="output file (default: standard output; required for docx)"
        )

    def handle(self, *args, **options):
        if options["document"]:
            return self._document(*options["document"], options["formaat"], options["uit"])
        qs = services.with_related(Trajectory.objects.order_by("pk"))
        if options["gemeente"]:
            qs = qs.filter(participants__municipality__code=options["gemeente"].upper()).distinct()
        rows = OverviewSerializer(qs, many=True).data
        if options["json"]:
            write_json(self, rows)
            return
        if not rows:
            self.stdout.write("Geen trajecten.")
        for row in rows:
            self.stdout.write(
                f"{row['id']:>4}  {row['naam']} — {row['fase']} ({row['toestand']}), {', '.join(row['deelnemers'])}"
            )
            for blocker in row["blokkades"]:
                who = f" [aan zet: {', '.join(blocker['aanZet'])}]" if blocker["aanZet"] else ""
                self.stdout.write(f"        - {blocker['reden']}{who}")

    def _document(self, pk, kind, fmt, target):
        if kind not in documents.KINDS:
            raise CommandError(f"Onbekende soort {kind!r}; kies uit {', '.join(documents.KINDS)}.")
        trajectory = Trajectory.objects.filter(pk=pk).first() if pk.isdigit() else None
        if trajectory is None:
            raise CommandError(f"Traject {pk} bestaat niet.")
        outline = documents.outline(trajectory, kind)
        if fmt == "docx":
            if not target:
                raise CommandError("Geef met --uit een bestand voor een DOCX-document.")
            Path(target).write_bytes(documents.to_docx(outline))
        elif target:
            Path(target).write_text(documents.to_markdown(outline), encoding="utf-8")
        else:
            sys.stdout.write(documents.to_markdown(outline))
        if target:
            self.stdout.write(f"Geschreven: {target}")
