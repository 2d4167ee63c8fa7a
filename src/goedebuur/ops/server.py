# SPDX-License-Identifier: EUPL-1.2
"""How gunicorn runs Goede Buur (`goedebuur serve`): what it must not tell.

- No `Server: gunicorn` header: a version banner helps an attacker pick exploits and nobody else.
  gunicorn has no setting for it, so the header line is left out of the HTTP/1.1 answers it writes
  (HTTP/2, which would add it again, is not switched on). Its own error pages (400, 414) send none.
- The access and error logs pass through `RedactingFilter`: the calendar key in an address
  (`agenda.ics?sleutel=…`) becomes `[verborgen]`."""

from gunicorn import glogging
from gunicorn.http import wsgi

from .logs import RedactingFilter

_REDACTING = RedactingFilter()


class RedactingLogger(glogging.Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(_REDACTING)  # once: the same filter instance is not added twice


def _without_server(default_headers):
    def headers(self):
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    headers.without_server = True
    return headers


def hide_server_header(arbiter=None):
    """gunicorn's `on_starting` hook: in the master, before the workers are forked."""
    if not getattr(wsgi.Response.default_headers, "without_server", False):
        wsgi.Response.default_headers = _without_server(wsgi.Response.default_headers)


SETTINGS = {
    "logger_class": RedactingLogger,
    "on_starting": hide_server_header,
}
