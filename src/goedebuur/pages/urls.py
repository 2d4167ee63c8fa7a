# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("mijn-overzicht", views.dashboard, name="dashboard"),
    path("over-de-gegevens", views.about_data, name="about_data"),
]
