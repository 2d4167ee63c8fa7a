# SPDX-License-Identifier: EUPL-1.2
"""Full-text search over lessons, questions and answers: one service interface, two backends.

- `search(user, query, filters, page)`: ranked, visible hits with highlighted snippets and facets.
- `index_lesson`, `index_question`, `index_answer`, `rebuild`: keep the index in step (services
  call these on every save; `goedebuur ervaringen-index` calls `rebuild`).

The backend follows the database: SQLite uses an FTS5 table fed with Dutch Snowball stems
(`goedebuur.core.experiences.textsearch`), PostgreSQL its own text search with the 'dutch' configuration."""

from .indexing import index_answer, index_lesson, index_question, rebuild, remove
from .service import FACETS, Filters, Hit, Results, search

__all__ = [
    "FACETS",
    "Filters",
    "Hit",
    "Results",
    "index_answer",
    "index_lesson",
    "index_question",
    "rebuild",
    "remove",
    "search",
]
