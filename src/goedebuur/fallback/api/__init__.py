# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/achtervangafspraken: achtervang agreements, their services, test log, feasibility check
and restore simulation, with the rules of the pages (`goedebuur.fallback.permissions`): a login
to read (401 without); an agreement exists only for users of its two municipalities and
administrators (404 for anyone else); writes for editors of either side and administrators (403
for readers). Writes go through `goedebuur.fallback.services` (validation, history).
`goedebuur.api.urls` splices `urlpatterns` into the v1 root."""

from . import agreements, assessment, scope, testlog

urlpatterns = [
    *agreements.urlpatterns,
    *scope.urlpatterns,
    *assessment.urlpatterns,
    *testlog.urlpatterns,
]
