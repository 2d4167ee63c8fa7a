# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class MatrixConfig(AppConfig):
    name = "goedebuur.matrix"
    label = "matrix"
    default_auto_field = "django.db.models.BigAutoField"
