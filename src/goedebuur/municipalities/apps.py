# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "goedebuur.municipalities"
    label = "municipalities"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from goedebuur.common import track

        track(self.label, *self.get_models())  # their writes move the data version (goedebuur.common.cache)
