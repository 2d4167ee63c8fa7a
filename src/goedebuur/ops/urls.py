# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import health

app_name = "ops"
urlpatterns = [
    path("health", health.health, name="health"),
    path("ready", health.ready, name="ready"),
]
