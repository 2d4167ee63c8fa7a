# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "goedebuur.ledger"
    verbose_name = "Besparingsregister"

    def ready(self):
        from . import history  # noqa: F401  (registers the tracker)
