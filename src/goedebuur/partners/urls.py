# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("partners", views.finder, name="finder"),
    path("partners/vergelijk", views.compare, name="compare"),
    path("partners/shortlists", views.shortlists, name="shortlists"),
    path("partners/shortlists/nieuw", views.shortlist_save, name="shortlist-save"),
    path("partners/shortlists/<int:pk>/verwijderen", views.shortlist_delete, name="shortlist-delete"),
]
