# SPDX-License-Identifier: EUPL-1.2
"""Public API of the pages app for the capability apps: the types of the extension points they fill
(dashboard sections and items; see `extensions` for the contract of each point) and pagination of
list pages."""

from .extensions import DashboardItem, Section
from .querystring import paginate

__all__ = ["DashboardItem", "Section", "paginate"]
