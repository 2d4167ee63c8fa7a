# SPDX-License-Identifier: EUPL-1.2
app_name = "fallback"
urlpatterns = []
