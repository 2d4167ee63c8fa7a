# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "goedebuur.experiences"
    label = "experiences"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goedebuur.common import track

        from . import history  # noqa: F401 - registers the history trackers
        from .search import signals  # noqa: F401 - connects the receiver

        track(self.label, *self.get_models())  # their writes move the data version (goedebuur.common.cache)
