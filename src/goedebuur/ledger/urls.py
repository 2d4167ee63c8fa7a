# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "ledger"
urlpatterns = [
    path("resultaten", views.overview, name="overview"),
    path("resultaten.<str:fmt>", views.overview_export, name="overview_export"),
    path("samenwerkingen/<slug:slug>/resultaten", views.ledger_detail, name="detail"),
    path("samenwerkingen/<slug:slug>/resultaten.<str:fmt>", views.ledger_export, name="export"),
    path("samenwerkingen/<slug:slug>/resultaten/instellingen", views.ledger_settings, name="settings"),
    path("samenwerkingen/<slug:slug>/resultaten/cijfers", views.entry_edit, name="entry"),
    path(
        "samenwerkingen/<slug:slug>/resultaten/cijfers/<str:code>/<int:year>/verwijderen",
        views.entry_delete,
        name="entry_delete",
    ),
    path("samenwerkingen/<slug:slug>/resultaten/prognose", views.refresh, name="refresh"),
    path("samenwerkingen/<slug:slug>/resultaten/geschiedenis", views.history, name="history"),
    path(
        "samenwerkingen/<slug:slug>/resultaten/geschiedenis/<int:record_id>/herstellen",
        views.restore,
        name="restore",
    ),
]
