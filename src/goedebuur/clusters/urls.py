# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "clusters"
urlpatterns = [
    path("clusters", views.clusters, name="clusters"),
    path("achtervang-koppels", views.fallback_pairs, name="pairs"),
]
