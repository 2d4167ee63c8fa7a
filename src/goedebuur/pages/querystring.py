# SPDX-License-Identifier: EUPL-1.2
from django.core.paginator import Paginator


def paginate(request, items, per_page=50):
    """A page of `items` plus the current query string without `page`, for pagination links."""
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return page_obj, (encoded + "&" if encoded else "")
