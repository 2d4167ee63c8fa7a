# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "goedebuur.ops"
    label = "ops"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import text_limits

        text_limits.connect()
