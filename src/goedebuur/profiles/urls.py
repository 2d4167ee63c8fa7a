# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("gemeenten/<str:code>/profiel", views.profile_detail, name="profile"),
    path("gemeenten/<str:code>/profiel/bewerken", views.profile_edit, name="profile_edit"),
    path("gemeenten/<str:code>/profiel/geschiedenis", views.profile_history, name="profile_history"),
    path(
        "gemeenten/<str:code>/profiel/geschiedenis/<int:record_id>/herstellen",
        views.profile_restore,
        name="profile_restore",
    ),
    path("gemeenten/<str:code>/landschap", views.landscape, name="landscape"),
    path("gemeenten/<str:code>/landschap/nieuw", views.application_create, name="application_create"),
    path("gemeenten/<str:code>/landschap/<int:pk>/bewerken", views.application_edit, name="application_edit"),
    path(
        "gemeenten/<str:code>/landschap/<int:pk>/verwijderen",
        views.application_delete,
        name="application_delete",
    ),
    path(
        "gemeenten/<str:code>/landschap/<int:pk>/geschiedenis",
        views.application_history,
        name="application_history",
    ),
    path(
        "gemeenten/<str:code>/landschap/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        views.application_restore,
        name="application_restore",
    ),
    path("landschappen/vergelijk", views.compare, name="compare"),
]
