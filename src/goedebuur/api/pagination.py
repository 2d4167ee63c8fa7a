# SPDX-License-Identifier: EUPL-1.2
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import pagination
from rest_framework.exceptions import ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=2&pageSize=50` (lowerCamelCase query parameters, NL API Design Rules). A `page` or
    `pageSize` that is not what the description says is a 400 naming it, never ignored."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500

    def get_page_number(self, request, paginator):
        """A `page` that is not a whole number from 1 (or `last`) is a 400, not DRF's 404: only a page
        beyond the last one is not found."""
        value = request.query_params.get(self.page_query_param) or "1"
        if value in self.last_page_strings:
            return paginator.num_pages
        number = _whole_number(value, 1, None)
        if number is None:
            raise ValidationError(
                {self.page_query_param: [_("Een paginanummer is een geheel getal vanaf 1.")]}
            )
        return number

    def get_page_size(self, request):
        """A `pageSize` that is not a whole number from 1 to `max_page_size` is a 400 (DRF ignores it)."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None or value == "":
            return self.page_size
        size = _whole_number(value, 1, self.max_page_size)
        if size is None:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Het aantal per pagina is een geheel getal van 1 tot en met %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": parameter.name,
                "required": False,
                "in": "query",
                "description": parameter.description,
                "schema": parameter.type,
            }
            for parameter in page_parameters(self)
        ]


def page_parameters(paginator=None) -> list[OpenApiParameter]:
    """The `page` and `pageSize` query parameters, for views that paginate themselves
    (`extend_schema(parameters=page_parameters())`)."""
    paginator = paginator or PageNumberPagination()
    return [
        OpenApiParameter(
            paginator.page_query_param,
            {"type": "integer", "minimum": 1, "default": 1},
            OpenApiParameter.QUERY,
            description="Page number, from 1.",
        ),
        OpenApiParameter(
            paginator.page_size_query_param,
            {
                "type": "integer",
                "minimum": 1,
                "maximum": paginator.max_page_size,
                "default": paginator.page_size,
            },
            OpenApiParameter.QUERY,
            description=f"Results per page, at most {paginator.max_page_size}.",
        ),
    ]


def _whole_number(value: str, minimum: int, maximum: int | None) -> int | None:
    """`value` as a whole number within the bounds (written plainly: digits only), else None."""
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    if number < minimum or (maximum is not None and number > maximum):
        return None
    return number
