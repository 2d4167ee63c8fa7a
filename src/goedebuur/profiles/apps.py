# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "goedebuur.profiles"
    label = "profiles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goedebuur.common import track

        from . import history  # noqa: F401  (registers the history trackers of profiles and applications)

        track(self.label, *self.get_models())  # their writes move the data version (goedebuur.common.cache)
