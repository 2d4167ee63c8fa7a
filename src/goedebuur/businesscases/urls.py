# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views, views_exports, views_steps

app_name = "businesscases"
urlpatterns = [
    path("businesscases", views.case_list, name="list"),
    path("businesscases/nieuw", views_steps.create, name="create"),
    path("businesscases/vergelijk", views.compare, name="compare"),
    path("businesscases/<int:pk>", views.detail, name="detail"),
    path("businesscases/<int:pk>/stap/<str:step>", views_steps.step, name="step"),
    path("businesscases/<int:pk>/verwijderen", views.delete, name="delete"),
    path("businesscases/<int:pk>/geschiedenis", views.history, name="history"),
    path("businesscases/<int:pk>/geschiedenis/<int:record_id>/herstellen", views.restore, name="restore"),
    path("businesscases/<int:pk>/rapport", views_exports.report, name="report"),
    path("businesscases/<int:pk>/rapport.pdf", views_exports.report_pdf, name="pdf"),
    path("businesscases/<int:pk>/export.xlsx", views_exports.export_xlsx, name="xlsx"),
]
