# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the pages of experience sharing."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import permissions, search
from .models import Answer, Lesson, Question

FILTER_PARAMS = {
    "domein": "domain",
    "fase": "phase",
    "vorm": "form",
    "provincie": "province",
    "jaar": "year",
    "soort": "kind",
}
FACET_TITLES = {
    "kind": gettext_lazy("Soort"),
    "domain": gettext_lazy("ICT-domein"),
    "phase": gettext_lazy("Fase"),
    "form": gettext_lazy("Samenwerkingsvorm"),
    "province": gettext_lazy("Provincie"),
    "year": gettext_lazy("Jaar"),
}
PARAM_OF = {field: param for param, field in FILTER_PARAMS.items()}


def filters_from(request, **fixed) -> search.Filters:
    values = {field: request.GET.get(param, "").strip() for param, field in FILTER_PARAMS.items()}
    year = values.pop("year")
    filters = search.Filters(**values, year=int(year) if year.isdigit() else None)
    for name, value in fixed.items():
        setattr(filters, name, value)
    return filters


def facet_groups(request, results, skip=()):
    """Facets for the template: title, query parameter and values with a link that toggles each one."""
    groups = []
    for name, values in results.facets.items():
        if name in skip or not values:
            continue
        param = PARAM_OF[name]
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            if value.selected:
                params.pop(param, None)
            else:
                params[param] = value.value
            value.link = "?" + params.urlencode()
        groups.append({"name": name, "title": str(FACET_TITLES[name]), "values": values})
    return groups


def querystring_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return encoded + "&" if encoded else ""


def visible_or_404(request, model, pk):
    item = model.objects.filter(pk=pk).select_related("municipality", "author", "cooperation").first()
    if item is None or not permissions.can_view(request.user, item):
        raise Http404(_("Dit bericht bestaat niet of u mag het niet zien."))
    return item


def visible_answer_or_404(request, pk) -> Answer:
    answer = Answer.objects.filter(pk=pk).select_related("question").first()
    if (
        answer is None
        or answer.deleted_at
        or (answer.hidden_at and not permissions.is_admin(request.user))
        or not permissions.can_view(request.user, answer.question)
    ):
        raise Http404(_("Dit antwoord bestaat niet of u mag het niet zien."))
    return answer


ITEM_MODELS = {"ervaring": Lesson, "vraag": Question, "antwoord": Answer}
