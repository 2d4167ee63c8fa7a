# SPDX-License-Identifier: EUPL-1.2
"""goedebuur businesscase case.toml [--draws 20000] [--seed 1] [--json] [--pdf out.pdf]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from goedebuur.businesscases import defaults, presenters, services
from goedebuur.businesscases.api.serializers import ResultSerializer
from goedebuur.businesscases.problems import phrase
from goedebuur.businesscases.report_pdf import NO_PDF, build_pdf
from goedebuur.common import euros, write_json
from goedebuur.core.businesscase.model import CaseError
from goedebuur.core.businesscase.montecarlo import MAX_DRAWS
from goedebuur.core.businesscase.toml_input import load_case_file
from goedebuur.documents import PdfUnavailable
from goedebuur.municipalities.models import Municipality


def lookup(code: str):
    municipality = Municipality.objects.filter(code=code).only("name", "population").first()
    return None if municipality is None else (municipality.name, municipality.population)


class Command(BaseCommand):
    help = (
        "Compute a business case from a TOML file (format: docs/user/businesscase.md, example "
        "docs/businesscase-voorbeeld.toml): NPV, payback and P10/P50/P90 per municipality; optionally as "
        "JSON (the API's names) and as the PDF report. Same file and seed, same result."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the TOML file")
        parser.add_argument("--draws", type=int, help="Monte Carlo draws (default: the file's, else 10000)")
        parser.add_argument("--seed", type=int, help="seed (default: the file's, else 1)")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
        parser.add_argument("--pdf", metavar="OUT.pdf", help="write the report as PDF")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan {path} niet lezen: {error.strerror}.") from None
        try:
            case, draws, seed = load_case_file(content, lookup)
        except CaseError as error:
            lines = "\n".join(f"  - {phrase(problem)}" for problem in error.problems)
            raise CommandError(f"De businesscase in {path} is niet in orde:\n{lines}") from None
        case = defaults.with_calculations(case)  # the default hidden costs say how they were computed
        draws = options["draws"] if options["draws"] is not None else draws
        seed = options["seed"] if options["seed"] is not None else seed
        if not 1 <= draws <= MAX_DRAWS:
            raise CommandError(f"--draws moet 1 tot en met {MAX_DRAWS} zijn.")
        result = services.compute_pure(case, draws, seed)
        if options["pdf"]:
            try:
                Path(options["pdf"]).write_bytes(build_pdf(presenters.report_data(case, result)))
            except PdfUnavailable:
                raise CommandError(str(NO_PDF)) from None
        if options["json"]:
            write_json(self, ResultSerializer(presenters.result_data(result)).data)
        else:
            self._print(case, result)
        if options["pdf"]:
            self.stderr.write(f"PDF geschreven: {options['pdf']}")

    def _print(self, case, result):
        self.stdout.write(f"{case.name}" + (f" ({case.scenario})" if case.scenario else ""))
        self.stdout.write(presenters.summary(case, result))
        self.stdout.write(
            f"{'gemeente':<24} {'NCW P10':>14} {'NCW P50':>14} {'NCW P90':>14} {'kans<0':>7}  terugverdiend"
        )
        for row in presenters.outcome_rows(result):
            self.stdout.write(
                f"{row['name'][:24]:<24} {euros(row['p10']):>14} {euros(row['p50']):>14} {euros(row['p90']):>14} "
                f"{row['p_negative']:>5} %  {row['payback']}"
            )
        for warning in result.warnings:
            self.stdout.write(
                f"Let op: {warning.name} heeft {round(warning.p_negative * 100)} % kans op een negatieve NCW."
            )
        unconfirmed = [c.label for c in case.hidden_costs if not c.confirmed]
        if unconfirmed:
            self.stdout.write(
                "Concept: nog niet bevestigde verborgen kosten: " + "; ".join(unconfirmed) + "."
            )
