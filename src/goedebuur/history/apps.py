# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "goedebuur.history"
    label = "history"
    default_auto_field = "django.db.models.BigAutoField"
