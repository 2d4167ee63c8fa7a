# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views, views_history, views_steps

app_name = "trajectories"
urlpatterns = [
    path("trajecten", views.trajectory_list, name="list"),
    path("trajecten/nieuw", views.trajectory_create, name="create"),
    path("trajecten/<int:pk>", views.trajectory_detail, name="detail"),
    path("trajecten/<int:pk>/bewerken", views.trajectory_settings, name="settings"),
    path("trajecten/<int:pk>/geschiedenis", views_history.history, name="history"),
    path("trajecten/<int:pk>/geschiedenis/<int:record_id>/herstellen", views_history.restore, name="restore"),
    path("trajecten/<int:pk>/uitnodiging", views_steps.respond, name="respond"),
    path("trajecten/<int:pk>/uitnodigen", views_steps.invite, name="invite"),
    path("trajecten/<int:pk>/e-mailuitnodigingen", views_steps.invite_contact, name="invite_contact"),
    path(
        "trajecten/<int:pk>/e-mailuitnodigingen/<int:invitation_id>/opnieuw",
        views_steps.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "trajecten/<int:pk>/e-mailuitnodigingen/<int:invitation_id>/intrekken",
        views_steps.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("trajecten/<int:pk>/checklist/<int:item_id>", views_steps.checklist_item, name="checklist"),
    path("trajecten/<int:pk>/besluiten", views_steps.decision, name="decision"),
    path("trajecten/<int:pk>/ambities/<str:code>", views_steps.ambitions, name="ambitions"),
    path("trajecten/<int:pk>/verschillen-bevestigen", views_steps.acknowledge, name="acknowledge"),
    path("trajecten/<int:pk>/stap", views_steps.action, name="action"),
    path("trajecten/<int:pk>/businesscases", views_steps.business_cases, name="business_cases"),
    path("trajecten/<int:pk>/naar-register", views_steps.promote, name="promote"),
    path("trajecten/<int:pk>/documenten/<slug:kind>.<str:fmt>", views_steps.document, name="document"),
]
