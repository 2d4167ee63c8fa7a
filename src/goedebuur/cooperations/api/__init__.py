# SPDX-License-Identifier: EUPL-1.2
"""The register's part of API v1 (`serializers`, `views`); `goedebuur.api.urls` splices
`urlpatterns` into the v1 root."""

from rest_framework.routers import SimpleRouter

from .views import CooperationFormViewSet, CooperationViewSet, IctDomainViewSet, PolicyDomainViewSet

router = SimpleRouter(trailing_slash=False)
router.register("samenwerkingen", CooperationViewSet, basename="samenwerking")
router.register("ict-domeinen", IctDomainViewSet, basename="ict-domein")
router.register("beleidsdomeinen", PolicyDomainViewSet, basename="beleidsdomein")
router.register("samenwerkingsvormen", CooperationFormViewSet, basename="samenwerkingsvorm")

urlpatterns = router.urls
