# SPDX-License-Identifier: EUPL-1.2
from hypothesis import given
from hypothesis import strategies as st

from goedebuur.core.landscape.rules import (
    LEGAL_WORDS,
    RECOVERY_TIERS,
    biv_from_components,
    default_recovery,
    normalize_name,
)


def test_spelling_variants_of_a_supplier_share_one_key():
    variants = [
        "Centric",
        "Centric B.V.",
        "centric bv",
        "CENTRIC Nederland B.V.",
        " Centric  N.V. ",
        "Centric, BV",
    ]
    assert {normalize_name(v) for v in variants} == {"centric"}


def test_accents_punctuation_and_ampersand():
    assert normalize_name("Exxellence Groep") == "exxellence groep"
    assert normalize_name("Pinkroccade Local Government") == normalize_name("PinkRoccade  Local-Government")
    assert normalize_name("Gemeentelijke Café-Systemen") == "gemeentelijke cafe systemen"
    assert normalize_name("Roxit & Co") == "roxit en co"


def test_a_name_made_only_of_legal_words_keeps_them():
    assert normalize_name("B.V.") == "bv"
    assert normalize_name("Nederland") == "nederland"
    assert normalize_name("") == ""


def test_words_containing_legal_letters_are_kept():
    assert normalize_name("Novum") == "novum"
    assert normalize_name("Bvision") == "bvision"


names = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=40)


@given(names)
def test_normalisation_is_idempotent(text):
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(names)
def test_normalised_names_are_case_folded_words_with_single_spaces(text):
    key = normalize_name(text)
    assert key == key.strip()
    assert "  " not in key
    assert all(ch.isalnum() or ch == " " for ch in key)
    assert key == key.casefold()


# Case-insensitivity is promised for the Latin script Dutch names use (not for e.g. Turkish
# dotless i, whose upper case is a plain I).
latin_names = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéëèïöüçñÉËÖ0123456789 -.,'", max_size=40
)


@given(
    latin_names, st.sampled_from(["", " B.V.", " BV", " N.V.", " Nederland", " Nederland B.V.", ".", "  "])
)
def test_suffixes_case_and_spacing_do_not_change_the_key(text, suffix):
    base = normalize_name(text)
    if base and not set(base.split()) <= LEGAL_WORDS:  # a name of legal words only keeps them
        assert normalize_name(text.upper() + suffix) == normalize_name(text.lower())


def test_default_recovery_tiers():
    assert default_recovery(3) == (4, 1)
    assert default_recovery(2) == (24, 4)
    assert default_recovery(1) == (72, 24)
    assert default_recovery(None) == RECOVERY_TIERS[2]


@given(st.integers(min_value=-10, max_value=10))
def test_recovery_is_monotonic(level):
    rto, rpo = default_recovery(level)
    rto_next, rpo_next = default_recovery(level + 1)
    assert rto_next <= rto and rpo_next <= rpo
    assert rpo <= rto


def test_biv_is_the_highest_per_aspect():
    assert biv_from_components([(1, 3, 2), (2, 1, 2), (None, 2, 3)]) == (2, 3, 3)
    assert biv_from_components([]) == (2, 2, 2)


@given(st.lists(st.tuples(*[st.one_of(st.none(), st.integers(1, 3))] * 3), max_size=6))
def test_biv_bounds(triples):
    result = biv_from_components(triples)
    assert all(1 <= v <= 3 for v in result)
    for i in range(3):
        present = [t[i] for t in triples if t[i] is not None]
        if present:
            assert result[i] == max(present)


def test_per_unit_and_difference():
    from goedebuur.core.landscape.rules import BENCHMARK_PER_INHABITANT, difference_pct, per_unit

    assert per_unit(9_600_000, 100_000) == 96
    assert per_unit(1, 0) is None and per_unit(None, 5) is None and per_unit(5, None) is None
    assert difference_pct(per_unit(9_600_000, 100_000), BENCHMARK_PER_INHABITANT[2021]) == 0
    assert difference_pct(120, 96) == 25
    assert difference_pct(None, 96) is None


def test_compare_landscapes_known_case():
    from goedebuur.core.landscape.rules import compare_landscapes

    a = {"zaak": {"key2"}, "doc": {"corsa"}, "web": {"drupal"}}
    b = {"zaak": {"key2", "other"}, "doc": {"djuma"}, "geo": {"arcgis"}}
    assert compare_landscapes(a, b) == {
        "same": ["zaak"],
        "different": ["doc"],
        "only_a": ["web"],
        "only_b": ["geo"],
    }


landscapes = st.dictionaries(
    st.integers(0, 12), st.sets(st.integers(0, 5), min_size=1, max_size=3), max_size=10
)


@given(landscapes, landscapes)
def test_compare_partitions_the_components_and_is_symmetric(a, b):
    from goedebuur.core.landscape.rules import compare_landscapes

    result = compare_landscapes(a, b)
    parts = result["same"] + result["different"] + result["only_a"] + result["only_b"]
    assert sorted(parts) == sorted(set(a) | set(b))
    swapped = compare_landscapes(b, a)
    assert swapped["same"] == result["same"] and swapped["different"] == result["different"]
    assert swapped["only_a"] == result["only_b"]
