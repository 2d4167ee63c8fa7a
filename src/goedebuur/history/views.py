# SPDX-License-Identifier: EUPL-1.2
"""The history page every app shows for its records: who changed what and when, with a restore
button per earlier version for those who may restore. Apps keep their own URLs and permissions
and call `render_versions` from their view."""

from django.shortcuts import render

from goedebuur.pages.services import paginate


def render_versions(
    request,
    records,
    *,
    title: str,
    back_url: str,
    back_label: str,
    restore_url=None,
    deleted_notice: str = "",
    nav: str = "",
):
    """`records`: a ChangeRecord queryset, newest first; `restore_url(record)` gives the POST target of
    the restore button, or None (no restore buttons) for visitors who may not restore."""
    page_obj, querystring = paginate(request, records, per_page=20)
    rows = [
        {
            "record": record,
            "current": page_obj.number == 1 and index == 0,
            "restore_url": restore_url(record) if restore_url else None,
        }
        for index, record in enumerate(page_obj.object_list)
    ]
    context = {
        "nav": nav,
        "title": title,
        "back_url": back_url,
        "back_label": back_label,
        "deleted_notice": deleted_notice,
        "page_obj": page_obj,
        "rows": rows,
        "can_restore": restore_url is not None,
        "querystring_without_page": querystring,
    }
    return render(request, "history/versions.html", context)
