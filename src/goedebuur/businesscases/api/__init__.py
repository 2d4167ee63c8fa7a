# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/businesscases: the serializers (the single field map of a case and of its computed
result, also used by the `businesscase` command) and the views."""

from .views import urlpatterns

__all__ = ["urlpatterns"]
