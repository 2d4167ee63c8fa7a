# SPDX-License-Identifier: EUPL-1.2
"""The ops app's public API for the other apps."""


def gunicorn_settings() -> dict[str, object]:
    """The gunicorn settings every Goede Buur web process runs with (`goedebuur serve`): a logger that
    redacts secrets in addresses and no `Server` header (ops/server.py)."""
    from .server import SETTINGS  # gunicorn is imported only by the process that serves

    return dict(SETTINGS)
