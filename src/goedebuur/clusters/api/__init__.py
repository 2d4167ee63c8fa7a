# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/clusters (POST a request, get a proposal) and /api/v1/achtervang-koppels.

`serializers` holds the field maps, shared with the `clusters` and `achtervang-koppels` commands'
`--json`; `views` answers the requests. `goedebuur.api.urls` splices `urlpatterns` into the v1
root."""

from django.urls import path

from .views import ClustersView, FallbackPairsView

urlpatterns = [
    path("clusters", ClustersView.as_view(), name="clusters"),
    path("achtervang-koppels", FallbackPairsView.as_view(), name="achtervang-koppels"),
]
