# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "procurement"
urlpatterns = [
    path("inkoopkansen", views.opportunities, name="opportunities"),
    path("inkoopkansen.csv", views.opportunities_csv, name="csv"),
]
