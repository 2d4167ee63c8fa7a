# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from . import views, views_consent

app_name = "cooperations"
urlpatterns = [
    path("samenwerkingen", views.cooperation_list, name="list"),
    path("samenwerkingen/nieuw", views.cooperation_create, name="create"),
    path("samenwerkingen/<slug:slug>", views.cooperation_detail, name="detail"),
    path("samenwerkingen/<slug:slug>/bewerken", views.cooperation_edit, name="edit"),
    path("samenwerkingen/<slug:slug>/verwijderen", views.cooperation_delete, name="delete"),
    path("samenwerkingen/<slug:slug>/geschiedenis", views.cooperation_history, name="history"),
    path("samenwerkingen/<slug:slug>/goedkeuren", views.cooperation_approve, name="approve"),
    path(
        "samenwerkingen/<slug:slug>/deelnemers/<str:code>/accepteren",
        views_consent.accept_member,
        name="accept_member",
    ),
    path(
        "samenwerkingen/<slug:slug>/deelnemers/<str:code>/weigeren",
        views_consent.decline_member,
        name="decline_member",
    ),
    path(
        "samenwerkingen/<slug:slug>/deelnemers/<str:code>/e-mailuitnodigingen",
        views_consent.invite_member_contact,
        name="invite_member_contact",
    ),
    path(
        "samenwerkingen/<slug:slug>/e-mailuitnodigingen/<int:invitation_id>/opnieuw",
        views_consent.resend_member_invitation,
        name="resend_member_invitation",
    ),
    path(
        "samenwerkingen/<slug:slug>/e-mailuitnodigingen/<int:invitation_id>/intrekken",
        views_consent.withdraw_member_invitation,
        name="withdraw_member_invitation",
    ),
    path(
        "samenwerkingen/<slug:slug>/geschiedenis/<int:record_id>/herstellen",
        views.cooperation_restore,
        name="restore",
    ),
]
