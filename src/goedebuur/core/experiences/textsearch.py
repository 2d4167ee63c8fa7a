# SPDX-License-Identifier: EUPL-1.2
"""Dutch full-text helpers shared by both search backends (experience sharing, issue 8).

The SQLite backend indexes and queries the output of `index_text` / `query_terms` (Snowball
'dutch' stems without stop words, like PostgreSQL's 'dutch' text search configuration), so that
"migraties" finds "migratie" on either database. `snippet` builds the highlighted excerpt: the text
is HTML-escaped first, then the matching words are wrapped in <mark>."""

import functools
import html
import re

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)

# PostgreSQL's dutch.stop (the Snowball list), so both backends ignore the same words.
DUTCH_STOPWORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar
    heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
    meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
    wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere""".split()
)

_STEMMER = snowballstemmer.stemmer("dutch")


def words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text or "")]


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def stem(word: str) -> str:
    """The Snowball 'dutch' stem, cached: the stemmer is pure Python and words repeat a lot."""
    return _stem(word.lower())


def stems(text: str) -> list[str]:
    """The stems of the words of `text` that are not stop words, in order."""
    return [stem(word) for word in words(text) if word not in DUTCH_STOPWORDS]


def index_text(text: str) -> str:
    return " ".join(stems(text))


def query_terms(query: str) -> list[str]:
    """The distinct stems of a search query, in the order typed; stop words are dropped."""
    return list(dict.fromkeys(stems(query)))


def fts5_match(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term. Each term is quoted, so that no word typed
    by a user (AND, NOT, NEAR, a bare asterisk) is read as FTS5 syntax."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def snippet(text: str, terms: list[str], size: int = 30) -> str:
    """An HTML excerpt of about `size` words around the densest run of matching words, escaped,
    with the matches in <mark>. Without a match: the first `size` words."""
    tokens = list(WORD.finditer(text or ""))
    if not tokens:
        return ""
    wanted = set(terms)
    hits = [i for i, token in enumerate(tokens) if wanted and stem(token.group()) in wanted]
    start = _densest_window(hits, size) if hits else 0
    start = max(0, min(start, len(tokens) - size))
    window = tokens[start : start + size]
    hit_set = set(hits)
    begin, end = window[0].start(), window[-1].end()
    parts, cursor = [], begin
    for offset, token in enumerate(window):
        parts.append(html.escape(text[cursor : token.start()]))
        word = html.escape(token.group())
        parts.append(f"<mark>{word}</mark>" if start + offset in hit_set else word)
        cursor = token.end()
    prefix = "… " if begin > 0 else ""
    if start + len(window) == len(tokens):
        parts.append(html.escape(text[end:].rstrip()))
        suffix = ""
    else:
        suffix = " …"
    return prefix + "".join(parts) + suffix


def _densest_window(hits: list[int], size: int) -> int:
    """The start index of a window of `size` words holding the most hits, a little before the first."""
    best_start, best_count, left = hits[0], 0, 0
    for right in range(len(hits)):
        while hits[right] - hits[left] >= size:
            left += 1
        if right - left + 1 > best_count:
            best_count, best_start = right - left + 1, hits[left]
    return max(0, best_start - size // 5)
