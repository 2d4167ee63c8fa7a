# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class BusinesscasesConfig(AppConfig):
    name = "goedebuur.businesscases"
    label = "businesscases"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import history  # noqa: F401  (registers the business case's history tracker)
