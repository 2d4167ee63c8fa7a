# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "goedebuur.maps"
    label = "maps"
    default_auto_field = "django.db.models.BigAutoField"
