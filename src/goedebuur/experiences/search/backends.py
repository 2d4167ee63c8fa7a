# SPDX-License-Identifier: EUPL-1.2
"""The two search backends behind one interface:

- `write(entries)` / `delete(ids)`: index or drop entries (same transaction as the item); `analyse()`
  after a rebuild;
- `scored_rows(rows_queryset, query, terms)`: the matching rows of a values_list, each with a
  relevance score appended (higher is better);
- `snippets(entries, query, terms)`: {id: escaped HTML excerpt with <mark>}."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from goedebuur.core.experiences import textsearch

from ..models import SearchEntry

FTS_TABLE = "experiences_fts"
# bm25 column weights (title, body) and tsvector weights (title A, body B): a word in the title counts more.
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0


class SqliteBackend:
    name = "sqlite-fts5"

    def write(self, entries):
        rows = [(e.pk, textsearch.index_text(e.title), textsearch.index_text(e.body)) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows)

    def delete(self, ids):
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(i,) for i in ids])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def analyse(self):
        """After a rebuild: merge the FTS5 index segments into one."""
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")

    def scored_rows(self, rows_queryset, query, terms):
        """The rows of `rows_queryset` (a values_list) that match, each with its score appended
        (higher is better): one FTS5 evaluation joined to the entries, no Python per row."""
        inner, params = rows_queryset.order_by().query.sql_with_params()
        sql = (
            f"SELECT e.*, -bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) FROM {FTS_TABLE} "
            f"JOIN ({inner}) AS e ON e.pk = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s"
        )
        return fetch(sql, [*params, textsearch.fts5_match(terms)])

    def snippets(self, entries, query, terms):
        return {e.pk: textsearch.snippet(e.body, terms) for e in entries}


class PostgresBackend:
    """PostgreSQL text search with the 'dutch' configuration. Its Dutch stemmer is the older
    Snowball one, which leaves plurals like "migraties" apart from "migratie"; so the vector also
    holds the stems of `goedebuur.core.experiences.textsearch` (as 'simple' lexemes, the same stems SQLite
    uses), and each query word matches either form. Snippets use the shared highlighter for the
    same reason: it marks exactly the words that matched."""

    name = "postgresql-dutch"
    CONFIG = "dutch"

    def _query(self, query):
        combined = None
        for word in dict.fromkeys(textsearch.words(query)):
            if word in textsearch.DUTCH_STOPWORDS:
                continue
            either = SearchQuery(word, config=self.CONFIG) | SearchQuery(
                textsearch.stem(word), config="simple"
            )
            combined = either if combined is None else combined & either
        return combined

    # The same vector as SearchVector("title", weight="A") + ... would build, in one statement per
    # entry sent together (executemany): one ORM update per entry took minutes for 10,000 entries.
    WRITE_SQL = (
        f"UPDATE {SearchEntry._meta.db_table} SET vector = "
        f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(title, '')), 'A') || "
        f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE(body, '')), 'B') || "
        "setweight(to_tsvector('simple'::regconfig, %s), 'A') || "
        "setweight(to_tsvector('simple'::regconfig, %s), 'B') WHERE id = %s"
    )

    def write(self, entries):
        rows = [(textsearch.index_text(e.title), textsearch.index_text(e.body), e.pk) for e in entries]
        with connection.cursor() as cursor:
            cursor.executemany(self.WRITE_SQL, rows)

    def analyse(self):
        """Fresh statistics after a rebuild, so that the planner knows how many entries a word matches."""
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")

    def delete(self, ids):
        """The vector is a column of the entry: deleting the entry is enough."""

    def clear(self):
        """As `delete`."""

    def scored_rows(self, rows_queryset, query, terms):
        rank = SearchRank(F("vector"), self._query(query), normalization=1)
        matching = rows_queryset.filter(vector=self._query(query)).annotate(rank=rank).order_by()
        return fetch(*matching.query.sql_with_params())

    def snippets(self, entries, query, terms):
        return {e.pk: textsearch.snippet(e.body, terms) for e in entries}


def fetch(sql, params) -> list[tuple]:
    """Plain tuples straight from the cursor: for the thousands of small rows a search reads,
    Django's per-row iteration cost more than the query."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def backend():
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
