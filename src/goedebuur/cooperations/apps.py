# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CooperationsConfig(AppConfig):
    name = "goedebuur.cooperations"
    label = "cooperations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goedebuur.accounts import services as accounts
        from goedebuur.common import track

        from . import (
            history,  # noqa: F401  (registers the register entry's history tracker)
            services,
        )

        accounts.register_invitation_kind(services.invitation_kind())
        track(self.label, *self.get_models())  # their writes move the data version (goedebuur.common.cache)
