# SPDX-License-Identifier: EUPL-1.2
"""The municipalities' part of API v1: /gemeenten (JSON and GeoJSON), /gemeenten/{code}/netwerk and
/regio-indelingen.
`goedebuur.api.urls` splices `urlpatterns` into the v1 root. Published for the other apps' API
modules: `PROVINCE_CODE` and `REGION_KEY` (the validators of the `provincie` and `regio` query
parameters), `computed` (a serializer field computed from the whole object) and `municipality_url`."""

from rest_framework.routers import SimpleRouter

from .fields import computed, municipality_url
from .municipalities import PROVINCE_CODE, REGION_KEY, MunicipalityViewSet
from .network import urlpatterns as network_urlpatterns
from .regions import RegionTypeViewSet

__all__ = [
    "PROVINCE_CODE",
    "REGION_KEY",
    "MunicipalityViewSet",
    "RegionTypeViewSet",
    "computed",
    "municipality_url",
    "urlpatterns",
]

router = SimpleRouter(trailing_slash=False)
router.register("gemeenten", MunicipalityViewSet, basename="gemeente")
router.register("regio-indelingen", RegionTypeViewSet, basename="regio-indeling")

urlpatterns = [*network_urlpatterns, *router.urls]
