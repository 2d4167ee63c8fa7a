# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "cooperations"
urlpatterns = [
    path("samenwerkingen", views.cooperation_list, name="list"),
    path("samenwerkingen/nieuw", views.cooperation_create, name="create"),
    path("samenwerkingen/<slug:slug>", views.cooperation_detail, name="detail"),
    path("samenwerkingen/<slug:slug>/bewerken", views.cooperation_edit, name="edit"),
    path("samenwerkingen/<slug:slug>/verwijderen", views.cooperation_delete, name="delete"),
    path("samenwerkingen/<slug:slug>/geschiedenis", views.cooperation_history, name="history"),
    path(
        "samenwerkingen/<slug:slug>/geschiedenis/<int:record_id>/herstellen",
        views.cooperation_restore,
        name="restore",
    ),
]
