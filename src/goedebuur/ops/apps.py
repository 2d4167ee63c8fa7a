# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "goedebuur.ops"
    label = "ops"
    default_auto_field = "django.db.models.BigAutoField"
