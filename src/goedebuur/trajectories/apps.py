# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "goedebuur.trajectories"
    label = "trajectories"
    verbose_name = _("Trajecten")  # also the menu item in base.html
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goedebuur.accounts import services as accounts

        from . import (
            history,  # noqa: F401  (registers the trajectory's history tracker)
            services,
        )

        accounts.register_invitation_kind(services.invitation_kind())
