# SPDX-License-Identifier: EUPL-1.2
"""The trajectories' part of /api/v1: serializers (the single field map) and views per concept; the
trajectory itself (views), its step plan (views_steps) and the partners' ambitions
(views_alignment). `goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from . import views, views_alignment, views_invitations, views_steps

urlpatterns = [
    *views.urlpatterns,
    *views_alignment.urlpatterns,
    *views_steps.urlpatterns,
    *views_invitations.urlpatterns,
]
