# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "goedebuur.municipalities"
    label = "municipalities"
    default_auto_field = "django.db.models.BigAutoField"
