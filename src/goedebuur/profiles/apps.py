# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "goedebuur.profiles"
    label = "profiles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import history  # noqa: F401  (registers the history trackers of profiles and applications)
