# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur achtervang-koppels --min-km 5 --max-km 40 [--json]`: propose achtervang pairs."""

from django.core.management.base import BaseCommand

from goedebuur.clusters import common_mode, pairs, services
from goedebuur.clusters.api.serializers import PairProposalSerializer
from goedebuur.common import command_error, write_json


class Command(BaseCommand):
    help = "Stel achtervangkoppels voor: wie is wiens achtervang, binnen een afstandsband."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-km",
            type=float,
            default=5.0,
            help="minimum great-circle distance between the centroids (km)",
        )
        parser.add_argument(
            "--max-km",
            type=float,
            default=40.0,
            help="maximum great-circle distance between the centroids (km)",
        )
        parser.add_argument(
            "--max-ratio", type=float, default=None, help="capacity: at most this many times the inhabitants"
        )
        parser.add_argument(
            "--area", default=services.WHOLE_COUNTRY, help="NL, a province code or <division>:<code>"
        )
        parser.add_argument("--json", action="store_true", help="print the proposal as JSON (as the API)")

    def handle(self, *args, **options):
        try:
            proposal = pairs.fallback_pairs(
                pairs.PairRequest(
                    min_km=options["min_km"],
                    max_km=options["max_km"],
                    max_population_ratio=options["max_ratio"],
                    area=options["area"],
                )
            )
        except services.ClusterError as error:
            raise command_error(error) from None
        # The command line is an operator's tool: it sees the landscapes (shared SaaS products).
        warnings = common_mode.warnings_for(proposal, None, operator=True)
        if options["json"]:
            write_json(self, PairProposalSerializer(proposal, context={"warnings": warnings}).data)
            return
        self.stdout.write(
            f"{proposal.area.name}: {len(proposal.groups)} koppels, {len(proposal.leftovers)} zonder achtervang; "
            f"gemiddelde fit {proposal.mean_fit:.2f}; {proposal.seconds:.2f} s"
        )
        for group in proposal.groups:
            names = " -> ".join(m.name for m in group.members)
            km = " / ".join(f"{k:.1f}" for k in group.km)
            self.stdout.write(f"{group.kind:<9} {names}  ({km} km, fit {group.fit:.2f})")
            for warning in warnings.get(common_mode.group_codes(group), []):
                self.stdout.write(f"  let op ({warning.topic_label}): {warning.explanation}")
        for left in proposal.leftovers:
            self.stdout.write(f"zonder achtervang: {left.member.name}: {left.explanation}")
