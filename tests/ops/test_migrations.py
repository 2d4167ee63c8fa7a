# SPDX-License-Identifier: EUPL-1.2
"""Migrations run backward and forward again on a populated database (reference and all demo data): for
every app with more than one migration, undo its latest migration, redo it, and find every row of the
models that migration did not create still there. (A latest migration that other apps depend on is
left alone: undoing it would undo theirs.)"""

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import CreateModel

from tests.conftest import load_session_data
from tests.demo_data import load_all_demo


def row_counts(excluded: set[str]) -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in excluded
    }


@pytest.mark.django_db(transaction=True)
def test_each_latest_migration_goes_back_and_forward_keeping_the_data():
    load_session_data()
    load_all_demo()
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    stepped = []
    for app_label, leaf in sorted(leaves):
        own = [
            node for node in executor.loader.graph.forwards_plan((app_label, leaf)) if node[0] == app_label
        ]
        if len(own) < 2 or not apps.get_app_config(app_label).name.startswith("goedebuur."):
            continue
        if executor.loader.graph.node_map[(app_label, leaf)].children:
            continue  # other apps build on it: stepping back would unapply theirs too
        migration = executor.loader.get_migration(app_label, leaf)
        created = {
            f"{app_label}.{op.name.lower()}" for op in migration.operations if isinstance(op, CreateModel)
        }
        before = row_counts(created)
        assert sum(before.values()) > 1000, "the database should be populated"

        executor.migrate([own[-2]])  # one step back
        executor.loader.build_graph()
        executor.migrate(leaves)  # and forward again
        executor.loader.build_graph()

        assert row_counts(created) == before, f"{app_label}.{leaf}: rows lost going back and forward"
        stepped.append(f"{app_label}.{leaf}")
    assert len(stepped) >= 3, stepped
