# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur achtervang list | check <id> [--json] | simuleer <id> [--json]`: the achtervang
agreements, their feasibility check and restore simulation from the command line. The command
line is an operator's tool: it sees every agreement (like a platform administrator)."""

from django.core.management.base import BaseCommand, CommandError

from goedebuur.common import write_json
from goedebuur.fallback import presenters, services
from goedebuur.fallback.models import Agreement
from goedebuur.fallback.phrases import fmt, status_label


class Command(BaseCommand):
    help = "Achtervangafspraken: overzicht, haalbaarheidstoets en herstelsimulatie."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{list,check,simuleer}")
        sub.add_parser("list", help="Alle achtervangafspraken met hun teststand.")
        for name, text in (
            ("check", "Haalbaarheidstoets van een afspraak."),
            ("simuleer", "Herstelsimulatie."),
        ):
            p = sub.add_parser(name, help=text)
            p.add_argument("id", type=int, help="Nummer (id) van de afspraak, zie `achtervang list`.")
            p.add_argument("--json", action="store_true", help="Uitvoer als JSON, zoals de API.")

    def handle(self, *args, action, **options):
        if action == "list":
            return self._list()
        try:
            agreement = Agreement.objects.select_related("party_a", "party_b").get(pk=options["id"])
        except Agreement.DoesNotExist:
            raise CommandError(f"Achtervangafspraak {options['id']} bestaat niet.") from None
        report = services.report(agreement)
        if action == "check":
            data = presenters.feasibility(report)
            if options["json"]:
                return write_json(self, data)
            self.stdout.write(f"{agreement}: {status_label(data['stoplicht'])} ({data['stoplicht']})")
            for direction in data["richtingen"]:
                self.stdout.write(
                    f"\n{direction['gastNaam']} valt uit, {direction['gastheerNaam']} neemt over: {direction['stoplicht']}"
                )
                for c in direction["toetsen"]:
                    self.stdout.write(
                        f"  [{c['stoplicht']:>6}] {c['toets']} · {c['onderwerp']}: {c['toelichting']}"
                    )
            risk = data["gedeeldRisico"]
            self.stdout.write(f"\nGedeeld risico (kunnen beide tegelijk uitvallen?): {risk['stoplicht']}")
            for f in risk["bevindingen"]:
                subject = f" · {f['dienst']}" if f["dienst"] else ""
                fix = f" Wat helpt: {f['oplossing']}" if f["oplossing"] else ""
                self.stdout.write(f"  [{f['stoplicht']:>6}] {f['toets']}{subject}: {f['toelichting']}{fix}")
            return None
        data = presenters.simulation(report)
        if options["json"]:
            return write_json(self, data)
        self.stdout.write(
            f"{agreement}: {data['herstelslots']} herstelslots van {fmt(data['doorvoerPerSlotMbps'])} Mbit/s"
        )
        for direction, result in zip(data["richtingen"], report.results, strict=True):
            plan, naive = direction["gepland"], direction["naief"]
            self.stdout.write(
                f"\n{direction['gastNaam']} valt uit: {plan['binnenRto']} van {plan['aantalDiensten']} binnen de RTO "
                f"(naïef op kritikaliteit: {naive['binnenRto']})"
            )
            if plan["diensten"]:
                self.stdout.write(f"  {result.optimality}")
            for e in plan["diensten"]:
                verdict = "op tijd" if e["binnenRto"] else "TE LAAT"
                self.stdout.write(
                    f"  slot {e['slot']}  {fmt(e['startUur']):>6} - {fmt(e['klaarUur']):>6} u  RTO {fmt(e['rtoUur']):>4} u  {verdict:8} {e['naam']}"
                )
        return None

    def _list(self):
        agreements = list(Agreement.objects.select_related("party_a", "party_b").order_by("pk"))
        if not agreements:
            self.stdout.write("Geen achtervangafspraken.")
            return
        current = services.current_by_agreement(agreements)
        overdue = set(services.overdue_tests(agreements).values_list("agreement_id", flat=True))
        for a in agreements:
            kind = "wederzijds" if a.mutual else "eenzijdig"
            tests = (
                "test te laat"
                if a.pk in overdue
                else ("tests actueel" if current[a.pk] else "tests niet actueel")
            )
            self.stdout.write(
                f"{a.pk:>4}  {a.party_a.name} - {a.party_b.name} ({kind}), {a.link_mbps} Mbit/s, {tests}"
            )
