# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/inkoopkansen: joint-purchasing opportunities, with the visibility rules of the page.

`serializers` is the field map, shared with `goedebuur inkoopkansen --json`; `views` answers the
requests. `goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from django.urls import path

from .views import OpportunitiesView

urlpatterns = [
    path("inkoopkansen", OpportunitiesView.as_view(), name="inkoopkansen"),
]
