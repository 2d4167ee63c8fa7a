# SPDX-License-Identifier: EUPL-1.2
"""API of the businesscases app."""

urlpatterns = []
