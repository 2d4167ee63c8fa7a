# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/partners/{code}: the partner finder (ranked candidates with a score per criterion).

`serializers` is the field map, shared with `goedebuur partners --json`; `views` answers the
requests. `goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from django.urls import path

from .views import PartnerView

urlpatterns = [
    path("partners/<str:code>", PartnerView.as_view(), name="partners"),
]
