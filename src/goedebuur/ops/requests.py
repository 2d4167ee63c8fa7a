# SPDX-License-Identifier: EUPL-1.2
"""Page requests whose address or form fields carry control characters are refused before any view
runs.

PostgreSQL cannot hold or compare a text with NUL (0x00): a NUL in a query parameter, a path segment
or a form field that reached a query made every page that reads it fail with a 500. No address of
this platform needs one, so this one check answers for every page, present and future:

- in every query parameter (name and value): no control character (U+0000-U+001F, U+007F-U+009F)
  except tab, line feed and carriage return — the same rule as for text typed into a form;
- in the path and in the fields of a posted form: no NUL (other control characters in a path find no
  page, a 404 as before; the forms and the services check the rest of each field).

The answer is 400 with the Dutch error page. The API (`/api/`) is left to its own toolkit, which
already answers 400 problem+json for the same input (its text fields refuse NUL, and a value the
database cannot compare is a 400 in `goedebuur.api.problems`) and documents each operation's codes.
A session cookie with a control character is no session (it cannot be one): the request goes on
without it, on pages and in the API.
"""

import re
from importlib import import_module

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab, LF, CR
ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _refused(request) -> bool:
    """Whether the path, a query parameter or a posted form field holds a character it may not."""
    if "\x00" in request.path:
        return True
    for name, values in request.GET.lists():
        if CONTROL.search(name) or any(CONTROL.search(value) for value in values):
            return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        try:
            fields = list(request.POST.lists())
        except (MultiPartParserError, SuspiciousOperation, OSError):  # the view answers it as before
            return False
        return any("\x00" in name or any("\x00" in value for value in values) for name, values in fields)
    return False


class ControlCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
        if ANY_CONTROL.search(session_key) and hasattr(request, "session"):
            request.session = import_module(settings.SESSION_ENGINE).SessionStore(None)
        if request.path.startswith("/api/") or not _refused(request):
            return self.get_response(request)
        message = _("Het adres of het formulier bevat een teken dat niet is toegestaan (een stuurteken).")
        return HttpResponseBadRequest(render_to_string("400.html", {"exception": message}, request=request))
