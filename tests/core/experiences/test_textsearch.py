# SPDX-License-Identifier: EUPL-1.2
from hypothesis import given, settings
from hypothesis import strategies as st

from goedebuur.core.experiences import textsearch


def test_it_gives_inflected_dutch_forms_the_same_stem():
    assert textsearch.stem("migraties") == textsearch.stem("migratie")
    assert textsearch.stem("samenwerkingen") == textsearch.stem("samenwerking")


def test_it_drops_stop_words_and_duplicates_from_a_query():
    assert textsearch.query_terms("De kosten van de migratie en de kosten") == [
        textsearch.stem("kosten"),
        textsearch.stem("migratie"),
    ]


def test_it_quotes_every_term_so_fts5_syntax_typed_by_a_user_is_literal():
    assert textsearch.fts5_match(["and", "near", 'a"b']) == '"and" "near" "a""b"'


def test_it_marks_matching_words_in_a_snippet_and_escapes_the_rest():
    text = "Wij onderschatten <de> migratie & de migraties kostten veel."
    html = textsearch.snippet(text, textsearch.query_terms("migratie"), size=20)
    assert "<mark>migratie</mark>" in html and "<mark>migraties</mark>" in html
    assert "&lt;de&gt;" in html and "&amp;" in html
    assert "<de>" not in html


def test_it_shows_the_part_of_a_long_text_where_the_matches_are():
    text = " ".join(["vulling"] * 200) + " de exitstrategie ontbrak " + " ".join(["vulling"] * 200)
    html = textsearch.snippet(text, textsearch.query_terms("exitstrategie"), size=20)
    assert "<mark>exitstrategie</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")


def test_it_shows_the_start_when_nothing_matches():
    assert textsearch.snippet("Een korte tekst.", ["zzz"], size=10) == "Een korte tekst."


@settings(deadline=None)  # a loaded CI machine must not fail a property on time
@given(st.text(max_size=300), st.text(max_size=30))
def test_a_snippet_never_contains_markup_other_than_mark(text, query):
    html = textsearch.snippet(text, textsearch.query_terms(query), size=15)
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")
