# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views

app_name = "matrix"
urlpatterns = [
    path("matrix", views.matrix_page, name="matrix"),
    path("matrix.csv", views.matrix_csv, name="csv"),
    path("matrix.xlsx", views.matrix_xlsx, name="xlsx"),
]
