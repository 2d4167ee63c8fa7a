# SPDX-License-Identifier: EUPL-1.2
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=2&pageSize=50` (lowerCamelCase query parameters, NL API Design Rules)."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_number(self, request, paginator):
        """A `page` that is not a whole number from 1 (or `last`) is a 400, not DRF's 404: only a page
        beyond the last one is not found."""
        number = request.query_params.get(self.page_query_param) or 1
        if number in self.last_page_strings:
            return paginator.num_pages
        try:
            number = int(number)
        except ValueError:
            number = 0
        if number < 1:
            raise ValidationError({self.page_query_param: ["A page number is a whole number from 1."]})
        return number
