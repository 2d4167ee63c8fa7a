# SPDX-License-Identifier: EUPL-1.2
"""API of the experiences app."""

urlpatterns = []
