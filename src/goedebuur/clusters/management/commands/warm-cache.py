# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur warm-cache`: compute the heavy default results into the shared cache before a visitor asks."""

import time

from django.core.management.base import BaseCommand
from django.utils import translation

from goedebuur.clusters import caching
from goedebuur.maps import services as maps


class Command(BaseCommand):
    help = (
        "Bereken de zware standaardresultaten vooraf in de gedeelde cache: het clustervoorstel en de "
        "achtervangkoppels van de pagina's (Nederlands en Engels) en de landelijke kaart. "
        "`goedebuur serve` start dit op de achtergrond."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        for language in ("nl", "en"):
            with translation.override(language):
                maps.cached_count_map()
                warmed = caching.warm()
            self.stdout.write(f"{language}: /kaart, {', '.join(warmed)}")
        self.stdout.write(f"Klaar in {time.monotonic() - started:.1f} s.")
