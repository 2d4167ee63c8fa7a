# SPDX-License-Identifier: EUPL-1.2
from goedebuur.core.names import ALIAS, FORMER, NAME, REGION, Name, rank, search_key

NAMES = [
    Name("'s-Gravenhage", NAME, ("GM0518",)),
    Name("Den Haag", ALIAS, ("GM0518",)),
    Name("Rhenen", NAME, ("GM0340",)),
    Name("Veenendaal", NAME, ("GM0345",)),
    Name("Utrecht", NAME, ("GM0344",)),
    Name("Utrechtse Heuvelrug", NAME, ("GM0352",)),
    Name("Doorn", FORMER, ("GM0352",)),
    Name("FoodValley", REGION, ("GM0340", "GM0345")),
    Name("Utrecht", REGION, ("GM0344", "GM0352", "GM0345")),
    Name("Rotterdam/Den Haag", REGION, ("GM0518", "GM0599")),
]


def codes(query):
    return [m.code for m in rank(query, NAMES)]


def test_a_search_key_ignores_case_accents_spaces_and_punctuation():
    assert search_key("'s-Gravenhage") == "sgravenhage"
    assert search_key("Súdwest-Fryslân") == "sudwestfryslan"
    assert search_key("Food Valley") == search_key("FoodValley") == "foodvalley"


def test_a_common_name_finds_the_official_municipality_and_says_which_name_matched():
    (match,) = rank("den haag", NAMES)
    assert (match.code, match.label, match.kind) == ("GM0518", "Den Haag", ALIAS)


def test_part_of_the_official_name_finds_it_without_the_apostrophe():
    assert codes("gravenhage") == ["GM0518"]


def test_a_region_name_finds_its_members_only_by_its_whole_name():
    assert codes("Food Valley") == ["GM0340", "GM0345"]
    assert codes("food") == []


def test_a_municipality_of_that_very_name_wins_over_the_region():
    assert codes("Utrecht") == ["GM0344", "GM0352"]  # the municipality first, then the name that starts so


def test_a_former_name_finds_the_municipality_it_merged_into():
    (match,) = rank("Doorn", NAMES)
    assert (match.code, match.kind) == ("GM0352", FORMER)


def test_an_exact_name_comes_before_one_that_only_contains_the_query():
    names = [Name("Bergen (NH.)", NAME, ("GM0373",)), Name("Bergen op Zoom", NAME, ("GM0748",))]
    names.append(Name("Bergen", ALIAS, ("GM0893",)))
    assert [m.code for m in rank("bergen", names)] == ["GM0893", "GM0373", "GM0748"]


def test_an_empty_query_finds_nothing():
    assert rank("  '- ", NAMES) == []
