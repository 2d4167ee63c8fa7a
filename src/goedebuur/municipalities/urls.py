# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "municipalities"
urlpatterns = [
    path("gemeenten", views.municipality_list, name="list"),
    path("gemeenten/suggesties", views.municipality_suggestions, name="suggestions"),
    path("gemeenten/<str:code>", views.municipality_detail, name="detail"),
    path("gemeenten/<str:code>/netwerk", views.municipality_network, name="network"),
]
