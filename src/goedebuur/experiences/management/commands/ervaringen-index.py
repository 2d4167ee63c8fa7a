# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur ervaringen-index`: rebuild the search index of lessons, questions and answers."""

from django.core.management.base import BaseCommand

from goedebuur.experiences import search


class Command(BaseCommand):
    help = (
        "Bouw de zoekindex van ervaringen, vragen en antwoorden opnieuw op (na een herstel van een back-up "
        "of een wijziging van de zoekregels). Opslaan houdt de index al bij; dit is alleen voor herstel."
    )

    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(f"Zoekindex opnieuw opgebouwd: {count} items.")
