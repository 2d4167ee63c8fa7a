# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "goedebuur.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"
