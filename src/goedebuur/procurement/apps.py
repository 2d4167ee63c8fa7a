# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ProcurementConfig(AppConfig):
    name = "goedebuur.procurement"
    label = "procurement"
    default_auto_field = "django.db.models.BigAutoField"
