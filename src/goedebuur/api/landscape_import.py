# SPDX-License-Identifier: EUPL-1.2
"""API routes for landscape_import (included from api/urls.py)."""

from django.urls import path  # noqa: F401

urlpatterns = []
