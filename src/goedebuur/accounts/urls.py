# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views, views_invitation, views_login, views_second_factor

app_name = "accounts"
urlpatterns = [
    path("inloggen", views_login.LoginView.as_view(), name="login"),
    # The admin login goes through the same second step; the root URLconf includes these patterns
    # before the admin's own, so this one wins over the admin's login page.
    path("beheer/login/", views_login.admin_login),
    path("inloggen/code", views_login.login_code, name="login_code"),
    path("uitnodiging/<str:token>", views_invitation.invitation, name="invitation"),
    path("uitnodigingen/<int:pk>/beoordelen", views_invitation.moderate, name="invitation_moderate"),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("mijn-account/api-tokens", views.api_tokens, name="api_tokens"),
    path("mijn-account/api-tokens/<int:pk>/intrekken", views.api_token_revoke, name="api_token_revoke"),
    path("mijn-account/tweestapsverificatie", views_second_factor.overview, name="second_factor"),
    path(
        "mijn-account/tweestapsverificatie/instellen",
        views_second_factor.start,
        name="second_factor_start",
    ),
    path(
        "mijn-account/tweestapsverificatie/bevestigen",
        views_second_factor.confirm,
        name="second_factor_confirm",
    ),
    path(
        "mijn-account/tweestapsverificatie/herstelcodes",
        views_second_factor.renew_codes,
        name="second_factor_renew_codes",
    ),
    path(
        "mijn-account/tweestapsverificatie/uitzetten",
        views_second_factor.disable,
        name="second_factor_disable",
    ),
]
