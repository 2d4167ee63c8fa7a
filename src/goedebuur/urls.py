# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("goedebuur.pages.urls")),
    path("", include("goedebuur.ops.urls")),
    path("", include("goedebuur.accounts.urls")),
    path("", include("goedebuur.municipalities.urls")),
    path("", include("goedebuur.cooperations.urls")),
    path("", include("goedebuur.matrix.urls")),
    path("", include("goedebuur.maps.urls")),
    path("", include("goedebuur.partners.urls")),
    path("", include("goedebuur.clusters.urls")),
    path("", include("goedebuur.profiles.urls")),
    path("", include("goedebuur.profiles.urls_import")),
    path("", include("goedebuur.procurement.urls")),
    path("", include("goedebuur.businesscases.urls")),
    path("", include("goedebuur.trajectories.urls")),
    path("", include("goedebuur.experiences.urls")),
    path("", include("goedebuur.fallback.urls")),
    path("", include("goedebuur.ledger.urls")),
    path("api/v1/", include("goedebuur.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin login with the second step is in accounts.urls, included above (before this pattern).
    path("beheer/", admin.site.urls),
]
