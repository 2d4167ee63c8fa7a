# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur inkoopkansen [--gemeente CODE] [--regio CODE] [--venster 18] [--json]`."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from goedebuur.common import command_error, write_json
from goedebuur.common import date as format_date
from goedebuur.procurement import services
from goedebuur.procurement.api.serializers import ResultSerializer


class Command(BaseCommand):
    help = (
        "Zoek inkoopkansen: groepen gemeenten waarvan de contracten voor dezelfde referentiecomponent "
        "(of leverancier) binnen een venster aflopen. Een beheerdershulpmiddel: het toont alle contracten "
        "en kosten, ook die gemeenten niet met anderen delen (beheerderszicht)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente", default="", help="only groups with this municipality (CBS code, GM0345)"
        )
        parser.add_argument(
            "--regio",
            default="",
            help="only partners in this region: <division>:<code>, or a province code PV26",
        )
        parser.add_argument(
            "--venster", type=int, default=services.DEFAULT_MONTHS, help="window in months (default 18)"
        )
        parser.add_argument(
            "--modus", choices=services.MODES, default="component", help="group on component or supplier"
        )
        parser.add_argument(
            "--horizon", type=date.fromisoformat, default=None, help="last end date (YYYY-MM-DD)"
        )
        parser.add_argument("--json", action="store_true", help="print the result as JSON (as the API)")

    def handle(self, *args, **options):
        area = options["regio"].strip()
        is_region = ":" in area
        try:
            result = services.find_opportunities(
                services.OPERATOR,
                services.OpportunityRequest(
                    municipality=options["gemeente"],
                    region=area if is_region else "",
                    province="" if is_region else area,
                    months=options["venster"],
                    mode=options["modus"],
                    horizon=options["horizon"],
                ),
            )
        except ValidationError as error:
            raise command_error(error) from None
        if options["json"]:
            write_json(self, ResultSerializer(result).data)
            return
        focus = f" met {result.focus[1]}" if result.focus else ""
        self.stdout.write(
            f"{len(result.groups)} inkoopkansen{focus}, partners in {result.area_name}, venster "
            f"{result.request.months} maanden, einddata {format_date(result.today)} tot {format_date(result.horizon)}; "
            f"{result.contracts_considered} contracten van {result.municipalities_considered} gemeenten; "
            f"{result.seconds:.3f} s"
        )
        for g in result.groups:
            self.stdout.write(f"\n{g.rank}. {g.subject}")
            self.stdout.write(f"   {g.reason}")
            for c in g.contracts:
                cost = "onbekend" if c.yearly_cost is None else f"€ {c.yearly_cost}"
                demo = " (demo)" if c.is_demo else ""
                self.stdout.write(
                    f"   - {c.municipality_name}{demo}: {c.supplier} {c.product}, einde {format_date(c.end_date)}, {cost}"
                )
