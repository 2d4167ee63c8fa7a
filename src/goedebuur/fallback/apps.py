# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class FallbackConfig(AppConfig):
    name = "goedebuur.fallback"
    label = "fallback"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import history  # noqa: F401  (registers the history trackers of agreements and their parts)
