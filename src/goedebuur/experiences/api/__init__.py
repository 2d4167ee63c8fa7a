# SPDX-License-Identifier: EUPL-1.2
"""The experiences' part of /api/v1 (lessons, questions, answers, search): serializers (the single
field map) and views. `goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from .views import urlpatterns

__all__ = ["urlpatterns"]
