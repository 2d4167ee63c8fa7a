# SPDX-License-Identifier: EUPL-1.2
"""Keep the index in step when search entries are loaded from a fixture or a backup (`goedebuur
restore` uses loaddata, which saves rows "raw", past the services): SQLite's FTS5 table is not in
the backup, and a backup made on SQLite carries no PostgreSQL vector."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models import SearchEntry
from .backends import SqliteBackend, backend


@receiver(post_save, sender=SearchEntry, dispatch_uid="experiences-fts-on-raw-load")
def index_loaded_entry(sender, instance, raw=False, **kwargs):
    engine = backend()
    if raw and (isinstance(engine, SqliteBackend) or instance.vector is None):
        engine.write([instance])
