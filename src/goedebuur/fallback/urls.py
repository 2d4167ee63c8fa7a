# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from .views import agreements, assessment, country_map, exports, history, scope, testplan

app_name = "fallback"
urlpatterns = [
    path("achtervang", agreements.agreement_list, name="list"),
    path("achtervang/nieuw", agreements.agreement_create, name="create"),
    path("achtervang/kaart", country_map.country_map, name="map"),
    path("achtervang/<int:pk>", agreements.agreement_detail, name="detail"),
    path("achtervang/<int:pk>/bewerken", agreements.agreement_edit, name="edit"),
    path("achtervang/<int:pk>/verwijderen", agreements.agreement_delete, name="delete"),
    path("achtervang/<int:pk>/geschiedenis", history.agreement_history, name="history"),
    path(
        "achtervang/<int:pk>/geschiedenis/<int:record_id>/herstellen",
        history.agreement_restore,
        name="restore",
    ),
    path("achtervang/<int:pk>/herstellen", history.agreement_restore_deleted, name="restore_deleted"),
    path("achtervang/<int:pk>/haalbaarheid", assessment.feasibility, name="feasibility"),
    path("achtervang/<int:pk>/simulatie", assessment.simulation, name="simulation"),
    path("achtervang/<int:pk>/diensten/nieuw", scope.service_create, name="service_create"),
    path("achtervang/<int:pk>/diensten/<int:service_pk>/bewerken", scope.service_edit, name="service_edit"),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/verwijderen",
        scope.service_delete,
        name="service_delete",
    ),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/geschiedenis",
        history.service_history,
        name="service_history",
    ),
    path(
        "achtervang/<int:pk>/diensten/<int:service_pk>/geschiedenis/<int:record_id>/herstellen",
        history.service_restore,
        name="service_restore",
    ),
    path("achtervang/<int:pk>/tests", testplan.tests, name="tests"),
    path("achtervang/<int:pk>/tests/nieuw", testplan.record_create, name="record_create"),
    path("achtervang/<int:pk>/tests/plannen", testplan.plan_create, name="plan_create"),
    path("achtervang/<int:pk>/acties/nieuw", testplan.action_create, name="action_create"),
    path("achtervang/<int:pk>/acties/<int:action_pk>/afronden", testplan.action_done, name="action_done"),
    path(
        "achtervang/<int:pk>/acties/<int:action_pk>/geschiedenis",
        history.action_history,
        name="action_history",
    ),
    path(
        "achtervang/<int:pk>/acties/<int:action_pk>/geschiedenis/<int:record_id>/herstellen",
        history.action_restore,
        name="action_restore",
    ),
    path("achtervang/<int:pk>/agenda.ics", exports.calendar, name="calendar"),
    path("achtervang/<int:pk>/agenda/nieuwe-sleutel", exports.calendar_rotate, name="calendar_rotate"),
    path("achtervang/<int:pk>/continuiteitsplan.docx", exports.plan_docx, name="plan_docx"),
    path("achtervang/<int:pk>/continuiteitsplan.pdf", exports.plan_pdf, name="plan_pdf"),
]
