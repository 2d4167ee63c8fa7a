# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class GemmaConfig(AppConfig):
    name = "goedebuur.gemma"
    label = "gemma"
    default_auto_field = "django.db.models.BigAutoField"
