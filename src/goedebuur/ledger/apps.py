# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "goedebuur.ledger"
    verbose_name = "Besparingsregister"

    def ready(self):
        from goedebuur.common import track

        from . import history  # noqa: F401  (registers the tracker)

        track(self.label, *self.get_models())  # their writes move the data version (goedebuur.common.cache)
