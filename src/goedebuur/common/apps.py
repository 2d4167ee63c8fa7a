# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CommonConfig(AppConfig):
    """The shared web-layer helpers as an installed app, for two things: at start-up every form
    text field gets the control-character check (goedebuur.common.text), and after every `migrate`
    the database cache's table is created and every data version moved (goedebuur.common.cache)."""

    name = "goedebuur.common"
    label = "common"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .cache import bump_all, create_cache_tables
        from .text import install

        install()
        post_migrate.connect(create_cache_tables, dispatch_uid="goedebuur-cache-tables")
        post_migrate.connect(bump_all, dispatch_uid="goedebuur-cache-versions")
