# SPDX-License-Identifier: EUPL-1.2
"""The ledger's part of /api/v1 (serializers: the field map; views: the same services as the pages)."""

from .views import urlpatterns

__all__ = ["urlpatterns"]
