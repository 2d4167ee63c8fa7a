# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "maps"
urlpatterns = [path("kaart", views.national_map, name="map")]
