# SPDX-License-Identifier: EUPL-1.2
from django.core.management import call_command
from django.core.management.base import BaseCommand

from goedebuur.cooperations import services as cooperations
from goedebuur.gemma import services as gemma
from goedebuur.municipalities import services as municipalities


class Command(BaseCommand):
    help = (
        "Prepare the database: apply migrations, load the reference data (342 municipalities, "
        "regions, GEMMA components, ICT and policy domains, forms), the nine real seed cooperations and the "
        "national GR-register (ROO snapshot; see `import-gr`). Idempotent."
    )

    def handle(self, *args, **options):
        self.stdout.write("Migraties toepassen ...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Referentiegegevens laden ...")
        counts = municipalities.load_reference_data()
        counts |= gemma.load_gemma()
        counts |= cooperations.load_managed_lists()
        counts["seed_cooperations_added"] = cooperations.load_seed_cooperations()
        self.stdout.write("GR-register laden (Register van Overheidsorganisaties, peildatum 16 mei 2026) ...")
        summary = cooperations.import_register()
        counts |= {
            "gr_regelingen": summary.regelingen,
            "gr_new": summary.new,
            "gr_changed": summary.changed,
            "gr_unchanged": summary.unchanged,
        }
        for key, value in counts.items():
            self.stdout.write(f"  {key}: {value}")
        self.stdout.write(self.style.SUCCESS("Klaar: de database is bijgewerkt."))
