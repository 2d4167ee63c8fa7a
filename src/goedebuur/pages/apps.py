# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "goedebuur.pages"
    label = "pages"
    default_auto_field = "django.db.models.BigAutoField"
