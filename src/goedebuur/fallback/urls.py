# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views, views_exports, views_history, views_map, views_tests

app_name = "fallback"
urlpatterns = [
    path("achtervang", views.agreement_list, name="list"),
    path("achtervang/nieuw", views.agreement_create, name="create"),
    path("achtervang/kaart", views_map.country_map, name="map"),
    path("achtervang/<int:pk>", views.agreement_detail, name="detail"),
    path("achtervang/<int:pk>/bewerken", views.agreement_edit, name="edit"),
    path("achtervang/<int:pk>/verwijderen", views.agreement_delete, name="delete"),
    path("achtervang/<int:pk>/geschiedenis", views_history.agreement_history, name="history"),
    path(
        "achtervang/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.agreement_restore,
        name="restore",
    ),
    path("achtervang/<int:pk>/herstellen", views_history.agreement_restore_deleted, name="restore_deleted"),
    path("achtervang/<int:pk>/haalbaarheid", views.feasibility, name="feasibility"),
    path("achtervang/<int:pk>/simulatie", views.simulation, name="simulation"),
    path("achtervang/<int:pk>/diensten/nieuw", views.service_create, name="service_create"),
    path("achtervang/<int:pk>/diensten/<int:service_pk>/bewerken", views.service_edit, name="service_edit"),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/verwijderen",
        views.service_delete,
        name="service_delete",
    ),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/geschiedenis",
        views_history.service_history,
        name="service_history",
    ),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.service_restore,
        name="service_restore",
    ),
    path("achtervang/<int:pk>/tests", views_tests.tests, name="tests"),
    path("achtervang/<int:pk>/tests/nieuw", views_tests.record_create, name="record_create"),
    path("achtervang/<int:pk>/tests/plannen", views_tests.plan_create, name="plan_create"),
    path("achtervang/<int:pk>/acties/nieuw", views_tests.action_create, name="action_create"),
    path("achtervang/<int:pk>/acties/<int:action_pk>/afronden", views_tests.action_done, name="action_done"),
    path(
        "achtervang/<int:pk>/acties/<int:action_pk>/geschiedenis",
        views_history.action_history,
        name="action_history",
    ),
    path(
        "achtervang/<int:pk>/acties/<int:action_pk>/geschiedenis/<int:record_id>/herstellen",
        views_history.action_restore,
        name="action_restore",
    ),
    path("achtervang/<int:pk>/agenda.ics", views_exports.calendar, name="calendar"),
    path("achtervang/<int:pk>/agenda/nieuwe-sleutel", views_exports.calendar_rotate, name="calendar_rotate"),
    path("achtervang/<int:pk>/continuiteitsplan.docx", views_exports.plan_docx, name="plan_docx"),
    path("achtervang/<int:pk>/continuiteitsplan.pdf", views_exports.plan_pdf, name="plan_pdf"),
]
