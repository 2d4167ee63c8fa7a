# SPDX-License-Identifier: EUPL-1.2
"""Routes of the landscape import/export pages (included from the root URL configuration)."""

from django.urls import path  # noqa: F401

app_name = "landscape_import"
urlpatterns = []
