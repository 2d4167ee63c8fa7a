# SPDX-License-Identifier: EUPL-1.2
"""PostgreSQL: keep the search vector compressed inside the row (STORAGE MAIN) instead of in the TOAST
table, so that ranking thousands of matches does not look up two TOAST pages per match (bench/RESULTS.md,
issue 19 item 7). Existing vectors are rewritten so that they move in; SQLite has no such setting."""

from django.db import migrations

TABLE = "experiences_searchentry"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE MAIN")
    # An unchanged value keeps its TOAST pointer; concatenating the empty vector writes a new one.
    schema_editor.execute(f"UPDATE {TABLE} SET vector = vector || ''::tsvector WHERE vector IS NOT NULL")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("experiences", "0006_text_max_length")]
    operations = [migrations.RunPython(forwards, backwards)]
