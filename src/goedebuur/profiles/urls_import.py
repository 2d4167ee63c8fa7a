# SPDX-License-Identifier: EUPL-1.2
"""Routes of the landscape import/export pages (included from the root URL configuration)."""

from django.urls import path

from . import views_import as views

app_name = "landscape_import"
urlpatterns = [
    path("gemeenten/<str:code>/landschap/import", views.import_landscape, name="import"),
    path("gemeenten/<str:code>/landschap.csv", views.export_landscape, {"fmt": "csv"}, name="export_csv"),
    path("gemeenten/<str:code>/landschap.xlsx", views.export_landscape, {"fmt": "xlsx"}, name="export_xlsx"),
    path("gemeenten/<str:code>/landschap.json", views.export_landscape, {"fmt": "json"}, name="export_json"),
    path("landschap/sjabloon.csv", views.template_file, {"fmt": "csv"}, name="template_csv"),
    path("landschap/sjabloon.xlsx", views.template_file, {"fmt": "xlsx"}, name="template_xlsx"),
]
