# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "cooperations"
urlpatterns = [
    path("samenwerkingen", views.cooperation_list, name="list"),
    path("samenwerkingen/<slug:slug>", views.cooperation_detail, name="detail"),
]
