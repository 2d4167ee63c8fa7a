# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "goedebuur.partners"
    label = "partners"
    default_auto_field = "django.db.models.BigAutoField"
