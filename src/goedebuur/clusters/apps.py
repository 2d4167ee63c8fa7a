# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ClustersConfig(AppConfig):
    name = "goedebuur.clusters"
    label = "clusters"
    default_auto_field = "django.db.models.BigAutoField"
