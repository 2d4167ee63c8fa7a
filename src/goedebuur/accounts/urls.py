# SPDX-License-Identifier: EUPL-1.2
from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path(
        "inloggen",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("uitloggen", auth_views.LogoutView.as_view(), name="logout"),
    path("mijn-account/api-tokens", views.api_tokens, name="api_tokens"),
    path("mijn-account/api-tokens/<int:pk>/intrekken", views.api_token_revoke, name="api_token_revoke"),
]
