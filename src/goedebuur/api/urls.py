# SPDX-License-Identifier: EUPL-1.2
"""API v1. No trailing slashes (NL API Design Rules API-48); any other path under /api/v1
answers 404 as problem+json."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from goedebuur.experiences import api as experience_api
from goedebuur.trajectories import api as trajectory_api

from . import businesscases as businesscase_api
from . import clusters as cluster_api
from . import fallback as fallback_api
from . import landscape_import as landscape_import_api
from . import partners as partner_api
from . import procurement as procurement_api
from . import profiles as profile_api
from .base import NotFoundView
from .cooperations import CooperationViewSet
from .managed_lists import CooperationFormViewSet, IctDomainViewSet
from .matrix import MatrixView
from .municipalities import MunicipalityViewSet
from .regions import RegionTypeViewSet

app_name = "api"

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", MunicipalityViewSet, basename="gemeente")
router.register("regio-indelingen", RegionTypeViewSet, basename="regio-indeling")
router.register("samenwerkingen", CooperationViewSet, basename="samenwerking")
router.register("ict-domeinen", IctDomainViewSet, basename="ict-domein")
router.register("samenwerkingsvormen", CooperationFormViewSet, basename="samenwerkingsvorm")

urlpatterns = [
    path("openapi.yaml", SpectacularAPIView.as_view(), name="schema"),
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema-json"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("matrix", MatrixView.as_view(), name="matrix"),
    *router.urls,
    *partner_api.urlpatterns,
    *cluster_api.urlpatterns,
    *profile_api.urlpatterns,
    *landscape_import_api.urlpatterns,
    *procurement_api.urlpatterns,
    *businesscase_api.urlpatterns,
    *trajectory_api.urlpatterns,
    *experience_api.urlpatterns,
    *fallback_api.urlpatterns,
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="not-found"),  # [\s\S]: also a newline
]
