# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class TrajectoriesConfig(AppConfig):
    name = "goedebuur.trajectories"
    label = "trajectories"
    default_auto_field = "django.db.models.BigAutoField"
