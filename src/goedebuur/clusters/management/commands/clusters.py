# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur clusters --area PV26 --min 2 --max 8 [--json]`: propose contiguous groups."""

from django.core.management.base import BaseCommand

from goedebuur.clusters import services
from goedebuur.clusters.api.serializers import ClusterProposalSerializer
from goedebuur.common import command_error, write_json


class Command(BaseCommand):
    help = "Stel aaneengesloten groepen gemeenten voor (clusteroptimalisatie) voor een gebied."

    def add_arguments(self, parser):
        parser.add_argument(
            "--area", default=services.WHOLE_COUNTRY, help="NL, a province code (PV26) or <division>:<code>"
        )
        parser.add_argument("--min", type=int, default=2, help="minimum number of municipalities per group")
        parser.add_argument("--max", type=int, default=8, help="maximum number of municipalities per group")
        parser.add_argument("--min-inhabitants", type=int, default=None, help="minimum inhabitants per group")
        parser.add_argument("--max-inhabitants", type=int, default=None, help="maximum inhabitants per group")
        parser.add_argument(
            "--groups", type=int, default=None, help="number of groups (default: middle size)"
        )
        parser.add_argument(
            "--keep-cooperations", action="store_true", help="keep existing cooperations together"
        )
        parser.add_argument(
            "--compare", default="", help="also score a region division, e.g. veiligheidsregio"
        )
        parser.add_argument("--fit-weight", type=float, default=0.5, help="0 only compactness .. 1 only fit")
        parser.add_argument("--json", action="store_true", help="print the proposal as JSON (as the API)")

    def handle(self, *args, **options):
        try:
            proposal = services.propose_clusters(
                services.ClusterRequest(
                    area=options["area"],
                    min_count=options["min"],
                    max_count=options["max"],
                    min_population=options["min_inhabitants"],
                    max_population=options["max_inhabitants"],
                    groups=options["groups"],
                    keep_cooperations=options["keep_cooperations"],
                    compare_with=options["compare"],
                    fit_weight=options["fit_weight"],
                )
            )
        except services.ClusterError as error:
            raise command_error(error) from None
        if options["json"]:
            write_json(self, ClusterProposalSerializer(proposal).data)
            return
        fit = "-" if proposal.mean_fit is None else f"{proposal.mean_fit:.2f}"
        self.stdout.write(
            f"{proposal.area.name}: {proposal.municipalities} gemeenten in {len(proposal.groups)} groepen; "
            f"gemiddelde fit {fit}; spreiding {proposal.sse_km2:,.0f} km²; {proposal.seconds:.2f} s"
        )
        for group in proposal.groups:
            gfit = "-" if group.fit is None else f"{group.fit:.2f}"
            names = ", ".join(m.name for m in group.members)
            self.stdout.write(
                f"{group.number:>3}  {group.count:>2} gem. {group.population:>9,} inw.  fit {gfit}  "
                f"{group.spread_km:5.1f} km  {names}"
            )
        for link in proposal.links:
            self.stdout.write(f"verbinding: {link.description}")
        for c in proposal.cooperations:
            self.stdout.write(
                f"{'vastgehouden' if c.kept else 'niet vastgehouden'}: {c.name} {c.reason}".rstrip()
            )
        if proposal.comparison:
            for score in (proposal.comparison.existing, proposal.comparison.optimised):
                self.stdout.write(
                    f"vergelijking: {score.label}: {score.groups} groepen, fit {score.mean_fit or 0:.2f}, "
                    f"spreiding {score.sse_km2:,.0f} km²"
                )
        for warning in proposal.warnings:
            self.stderr.write(f"let op: {warning}")
