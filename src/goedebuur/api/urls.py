# SPDX-License-Identifier: EUPL-1.2
"""API v1. No trailing slashes (NL API Design Rules API-48); any other path under /api/v1
answers 404 as problem+json."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView, SpectacularSwaggerSplitView

from goedebuur.businesscases import api as businesscase_api
from goedebuur.clusters import api as cluster_api
from goedebuur.cooperations import api as cooperation_api
from goedebuur.experiences import api as experience_api
from goedebuur.fallback import api as fallback_api
from goedebuur.ledger import api as ledger_api
from goedebuur.matrix import api as matrix_api
from goedebuur.municipalities import api as municipality_api
from goedebuur.partners import api as partner_api
from goedebuur.procurement import api as procurement_api
from goedebuur.profiles import api as profile_api
from goedebuur.trajectories import api as trajectory_api

from .base import NotFoundView

app_name = "api"

urlpatterns = [
    path("openapi.yaml", SpectacularAPIView.as_view(), name="schema"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema-json"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    *matrix_api.urlpatterns,
    *municipality_api.urlpatterns,
    *cooperation_api.urlpatterns,
    *partner_api.urlpatterns,
    *cluster_api.urlpatterns,
    *profile_api.urlpatterns,
    *procurement_api.urlpatterns,
    *businesscase_api.urlpatterns,
    *trajectory_api.urlpatterns,
    *experience_api.urlpatterns,
    *fallback_api.urlpatterns,
    *ledger_api.urlpatterns,
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="not-found"),  # [\s\S]: also a newline
]
