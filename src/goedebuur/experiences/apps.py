# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ExperiencesConfig(AppConfig):
    name = "goedebuur.experiences"
    label = "experiences"
    default_auto_field = "django.db.models.BigAutoField"
