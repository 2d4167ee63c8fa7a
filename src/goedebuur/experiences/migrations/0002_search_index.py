# SPDX-License-Identifier: EUPL-1.2
"""The database-specific part of the search index: an FTS5 table on SQLite, a GIN index on the
tsvector column on PostgreSQL. Other databases get neither (search then needs one of the two)."""

from django.db import migrations


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # The text is stemmed in Python (goedebuur.core.experiences.textsearch) before it is stored, so the
        # tokenizer only splits on spaces; diacritics are kept, as PostgreSQL's 'dutch' does.
        schema_editor.execute(
            "CREATE VIRTUAL TABLE experiences_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX experiences_searchentry_vector_gin ON experiences_searchentry USING GIN (vector)"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS experiences_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS experiences_searchentry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("experiences", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
