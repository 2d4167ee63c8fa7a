# SPDX-License-Identifier: EUPL-1.2
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from goedebuur.common import command_error, write_json
from goedebuur.core.partners.features import REGION_TYPES
from goedebuur.partners import services
from goedebuur.partners.api.serializers import RankingJsonSerializer
from goedebuur.partners.reasons import phrase, strongest
from goedebuur.partners.services import SIZE_BANDS, WEIGHT_PARAMS, FinderQuery, default_weight


class Command(BaseCommand):
    help = (
        "Partner finder: rank all other municipalities as ICT partners of one (CBS code), with a "
        "score per criterion and the reasons. Weights are relative numbers 0-100. Uses public data only "
        "(reference data, the register, councils), as an anonymous visitor sees it."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="CBS code of the municipality, e.g. GM0340")
        parser.add_argument("--top", type=int, default=10, help="number of candidates (default 10)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument("--max-km", type=float, help="only candidates at most this far (great-circle km)")
        parser.add_argument(
            "--region", choices=list(REGION_TYPES), help="must share a region of this division"
        )
        parser.add_argument("--size", choices=list(SIZE_BANDS), help="size band")
        parser.add_argument("--domain", help="ICT domain slug: flag existing cooperation in that domain")
        parser.add_argument(
            "--no-register", action="store_true", help="ignore the register (no shared regelingen)"
        )
        for key in WEIGHT_PARAMS:
            parser.add_argument(
                f"--weight-{key.replace('_', '-')}",
                dest=f"weight_{key}",
                type=float,
                metavar="W",
                help=f"weight of '{key}' (default {default_weight(key)})",
            )

    def handle(self, *args, **options):
        weights = {}
        for key in WEIGHT_PARAMS:
            value = options[f"weight_{key}"]
            if value is not None and not 0 <= value <= 100:
                raise CommandError(f"--weight-{key.replace('_', '-')} must be between 0 and 100")
            weights[key] = (default_weight(key) if value is None else value) / 100
        if options["top"] < 1:
            raise CommandError("--top must be at least 1")
        query = FinderQuery(
            weights=weights,
            max_km=options["max_km"],
            region=options["region"] or "",
            size=options["size"] or "",
            domain=options["domain"] or "",
        )
        try:
            ranking = services.rank_for(
                None,
                options["code"].upper(),
                query,
                top=options["top"],
                include_register=not options["no_register"],
            )
        except KeyError:
            raise CommandError(f"unknown municipality code: {options['code']}") from None
        except ValidationError as error:
            raise command_error(error) from None
        if options["json"]:
            write_json(self, RankingJsonSerializer(ranking).data)
            return
        self.stdout.write(
            f"Partners voor {ranking.name} ({ranking.code}), uit {ranking.considered} gemeenten"
        )
        for note in ranking.notes:
            self.stdout.write(f"  ! {phrase(note)}")
        header = f"{'#':>3}  {'code':6}  {'gemeente':28} {'score':>5}  {'betr.':>5}  {'km':>6}  belangrijkste redenen"
        self.stdout.write(header)
        for c in ranking.candidates:
            reasons = " | ".join(strongest(c))
            self.stdout.write(
                f"{c.rank:>3}  {c.code:6}  {c.name[:28]:28} {c.score:5.2f}  {c.confidence:5.2f}  "
                f"{c.distance_km:6.1f}  {reasons}"
            )
