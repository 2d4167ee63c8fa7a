# SPDX-License-Identifier: EUPL-1.2
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=2&pageSize=50` (lowerCamelCase query parameters, NL API Design Rules)."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500
