# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur deelnemers [--samenwerking SLUG] [--gemeente CODE] [--json]`: the invitations and
removals that wait for consent, with whom each still waits for; `goedebuur deelnemers --accepteren
SLUG CODE` or `--weigeren SLUG CODE` decides one with the authority of a platform administrator (it
applies at once and is recorded as a change by the system). An operator tool: editors answer on the
cooperation page or through the API."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from goedebuur.common import command_error, write_json
from goedebuur.cooperations import services
from goedebuur.cooperations.api.serializers import MemberChangeSerializer
from goedebuur.municipalities.models import Municipality


class Command(BaseCommand):
    help = (
        "Toon de uitnodigingen en verwijderingen van deelnemers die op instemming wachten, of beslis er "
        "één als beheerder (--accepteren / --weigeren SLUG GEMEENTE)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--samenwerking", default="", help="only this cooperation (slug)")
        parser.add_argument(
            "--gemeente", default="", help="only changes that wait for this municipality (CBS code)"
        )
        decide = parser.add_mutually_exclusive_group()
        decide.add_argument(
            "--accepteren", nargs=2, metavar=("SLUG", "GEMEENTE"), help="apply the open change at once"
        )
        decide.add_argument(
            "--weigeren", nargs=2, metavar=("SLUG", "GEMEENTE"), help="decline the open change at once"
        )
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options):
        if options["accepteren"] or options["weigeren"]:
            return self._decide(*(options["accepteren"] or options["weigeren"]), bool(options["accepteren"]))
        changes = services.all_open_member_changes()
        if options["samenwerking"]:
            changes = changes.filter(cooperation__slug=options["samenwerking"])
        if options["gemeente"]:
            municipality = self._municipality(options["gemeente"])
            changes = changes.filter(pk__in=services.member_changes_waiting_for(municipality).values("pk"))
        rows = MemberChangeSerializer(changes, many=True).data
        if options["json"]:
            write_json(self, rows)
            return
        if not rows:
            self.stdout.write("Niets wacht op instemming.")
        for row in rows:
            what = "uitnodiging" if row["soort"] == "toetreden" else "verwijdering"
            waiting = ", ".join(row["wachtOp"]) or "niemand"
            self.stdout.write(
                f"{row['samenwerking']}: {what} van {row['gemeenteNaam']} ({row['gemeente']}), "
                f"voorgesteld door {row['voorgesteldNamens'] or 'onbekend'} — wacht op: {waiting}"
            )

    def _municipality(self, code):
        municipality = Municipality.objects.filter(code=code.upper()).first()
        if municipality is None:
            raise CommandError(f"Gemeente {code} bestaat niet.")
        return municipality

    def _decide(self, slug, code, agree: bool):
        cooperation = services.get_live(slug, everyone=True)
        if cooperation is None:
            raise CommandError(f"Samenwerkingsverband {slug} bestaat niet (meer).")
        municipality = self._municipality(code)
        try:
            change = services.answer_member_change(cooperation, municipality, None, agree)
        except (ValidationError, PermissionDenied) as error:
            raise command_error(error) from None
        self.stdout.write(
            f"{change.get_kind_display().capitalize()} van {municipality.name}: {change.get_status_display()}."
        )
