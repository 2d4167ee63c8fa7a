# SPDX-License-Identifier: EUPL-1.2
"""The profiles app's part of API v1: the ICT profile (`profile`), the application landscape
(`applications`), the shared supplier and product records (`catalogue`) and the landscape as a
file (`landscape_file`). `goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from . import applications, catalogue, landscape_file, profile

urlpatterns = [
    *profile.urlpatterns,
    *applications.urlpatterns,
    *catalogue.urlpatterns,
    *landscape_file.urlpatterns,
]
