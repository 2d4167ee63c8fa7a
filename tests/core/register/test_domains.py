# SPDX-License-Identifier: EUPL-1.2
"""The domain rule on named regelingen of the shipped register snapshot (peildatum 16 May 2026),
plus edge cases on made-up versions. See docs/user/register.md, "Hoe Goede Buur domeinen afleidt"."""

import datetime as dt
import gzip
from importlib import resources

import pytest

from goedebuur import data
from goedebuur.core.register.domains import (
    ICT_ANY,
    ICT_DOMAINS,
    POLICY_AREAS,
    POLICY_DOMAINS,
    Classification,
    classify,
    count_by_domain,
    normalise,
)
from goedebuur.core.register.gr import RegelingVersion, chains, read_polder_jsonl

PEILDATUM = dt.date(2026, 5, 16)


@pytest.fixture(scope="module")
def current():
    """The latest version of every regeling current on the peildatum with two or more current
    municipal participants."""
    path = resources.files("goedebuur.data").joinpath("gr/regelingen.jsonl.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:
        versions = read_polder_jsonl(lines)
    result = []
    for regeling in chains(versions):
        members = {
            p.code for p in regeling.latest.municipal_participants if p.left is None or p.left > PEILDATUM
        }
        if not regeling.ended(PEILDATUM) and len(members) >= 2:
            result.append(regeling.latest)
    return result


@pytest.fixture(scope="module")
def regeling(current):
    def find(title: str) -> RegelingVersion:
        found = [v for v in current if title.casefold() in v.title.casefold()]
        assert len(found) == 1, f"{title!r}: {[v.title for v in found]}"
        return found[0]

    return find


# --- the domain lists -------------------------------------------------------------------------


def test_the_domain_lists_are_the_shipped_csv_files():
    assert ICT_DOMAINS == tuple(row["slug"] for row in data.read_csv("ict_domains.csv"))
    rows = data.read_csv("policy_domains.csv")
    assert POLICY_DOMAINS == tuple(row["slug"] for row in rows)
    assert [int(row["order"]) for row in rows] == list(range(1, len(rows) + 1))
    assert all(row["name"] and row["short_name"] and row["description"] for row in rows)
    assert 10 <= len(POLICY_DOMAINS) <= 16
    assert not set(ICT_DOMAINS) & set(POLICY_DOMAINS) and ICT_ANY not in ICT_DOMAINS + POLICY_DOMAINS


def test_every_policy_area_of_the_snapshot_has_a_domain_except_recht(current):
    # "recht" (bezwaar en klachten, bestuursrecht) is left out on purpose: it says how a body works,
    # not what it is for.
    areas = {area for version in current for area in version.policy_areas}
    unmapped = set()
    for area in areas:
        plain = normalise(area)[0]
        if plain not in POLICY_AREAS and plain.split(" | ")[0] not in POLICY_AREAS:
            unmapped.add(area)
    assert {a.split(" | ")[0] for a in unmapped} == {"recht"}


# --- ICT cooperations -------------------------------------------------------------------------


def test_ict_samenwerking_west_brabant_west_is_ict_by_its_title_alone(regeling):
    version = regeling("ICT samenwerking West-Brabant-West")
    assert version.policy_areas == ("economie | kenniseconomie",)  # no ICT area in the register
    result = classify(version)
    assert result.ict == ("infrastructuur-beheer",)
    assert result.policy == ()  # an ICT organisation, not counted as economie or bedrijfsvoering
    assert ("title", "ICT") in result.evidence


def test_regionale_ict_dienst_utrecht_is_ict_with_applications(regeling):
    result = classify(regeling("Regionale ICT-dienst Utrecht"))
    assert result.ict == ("infrastructuur-beheer", "applicaties")
    assert ("title", "ICT-dienst") in result.evidence
    assert ("purpose", "soft- en hardware") in result.evidence


def test_ict_noord_en_midden_limburg_is_ict_with_its_geo_module(regeling):
    result = classify(regeling("ICT Noord- en Midden-Limburg"))
    assert result.ict == ("infrastructuur-beheer", "gegevensbeheer")
    assert ("policy_area", "organisatie en bedrijfsvoering | informatievoorziening en ICT") in result.evidence
    assert ("purpose", "geo-informatie") in result.evidence


def test_i_and_it_hengelo_is_ict(regeling):
    result = classify(regeling("Centrumgemeenteregeling samenwerking I&IT Hengelo"))
    assert result.ict == ("infrastructuur-beheer",) and result.policy == ()
    assert ("title", "I&IT") in result.evidence


def test_a_specific_ict_word_makes_a_regeling_ict_without_the_word_ict(regeling):
    result = classify(regeling("Het Gegevenshuis"))  # basisregistraties en geo-informatie
    assert result.ict == ("gegevensbeheer",) and result.policy == ()
    assert ("purpose", "geo-informatie") in result.evidence


def test_it_among_the_tasks_of_a_bedrijfsvoeringsorganisatie_is_broad(regeling):
    # "ondersteunende taken voor bedrijfsvoeringsprocessen, waaronder IT-diensten taken"
    result = classify(regeling("Bedrijfsvoeringsorganisatie Delft-Rijswijk"))
    assert result.ict == ("bedrijfsvoering-breed",) and result.policy == ("bedrijfsvoering",)
    assert ("purpose", "IT-diensten") in result.evidence


# --- werkorganisaties -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "evidence"),
    [
        ("Werkorganisatie BUCH", ("title", "Werkorganisatie")),
        ("werkorganisatie HLTsamen", ("title", "werkorganisatie")),
        ("SED organisatie", ("policy_area", "organisatie en bedrijfsvoering")),
        ("Noaberkracht Dinkelland Tubbergen", ("purpose", "bedrijfsvoeringsorganisatie")),
        ("De Bedrijfsvoeringspartner", ("title", "Bedrijfsvoeringspartner")),
    ],
)
def test_a_werkorganisatie_is_bedrijfsvoering_with_broad_ict(regeling, title, evidence):
    result = classify(regeling(title))
    assert result.ict == ("bedrijfsvoering-breed",)
    assert result.policy == ("bedrijfsvoering",)
    assert evidence in result.evidence


def test_a_werkorganisatie_for_sociale_werkvoorziening_goes_by_its_purpose(regeling):
    result = classify(regeling("Amstelland en Meerlanden Werkorganisatie"))
    assert result.policy == ("werk-inkomen",) and result.ict == ()


def test_bedrijfsvoering_that_lists_its_tasks_without_ict_is_not_ict(regeling):
    # HRM, Facilitaire Zaken en Communicatie
    result = classify(regeling("Bedrijfsvoering Bloemendaal en Heemstede"))
    assert result.policy == ("bedrijfsvoering",) and result.ict == ()


def test_a_werkorganisatie_listing_ict_among_its_tasks_is_broad(regeling):
    result = classify(regeling("Samenwerking A2-gemeenten"))  # informatisering en automatisering
    assert "bedrijfsvoering-breed" in result.ict and "infrastructuur-beheer" not in result.ict
    assert result.policy == ("werk-inkomen", "bedrijfsvoering")


# --- other domains ----------------------------------------------------------------------------


def test_a_belastingsamenwerking_is_belastingen_and_not_ict(regeling):
    result = classify(regeling("Belastingsamenwerking West-Brabant"))
    assert result.policy == ("belastingen",) and result.ict == ()
    assert ("title", "Belastingsamenwerking") in result.evidence


def test_basisregistraties_of_a_belastingsamenwerking_do_not_make_it_ict(regeling):
    version = regeling("Belastingsamenwerking Rivierenland")
    assert "basisregistraties" in version.purpose.casefold()
    assert classify(version).ict == ()


def test_a_ggd_is_gezondheid_and_not_ict(regeling):
    result = classify(regeling("GGD Hart voor Brabant"))
    assert result.policy == ("gezondheid",) and result.ict == ()


def test_a_veiligheidsregio_is_veiligheid(regeling):
    assert classify(regeling("Veiligheidsregio Twente")).policy == ("veiligheid",)


def test_purpose_and_policy_area_together_add_a_domain_to_the_title(regeling):
    # "veiligheid en publieke gezondheid" in the purpose, "zorg en gezondheid" among the areas
    result = classify(regeling("Veiligheidsregio Kennemerland"))
    assert result.policy == ("gezondheid", "veiligheid")
    assert ("policy_area", "zorg en gezondheid") in result.evidence


def test_an_afval_regeling_is_afval(regeling):
    result = classify(regeling("Afvalbeheer Westfriesland 2020"))
    assert result.policy == ("afval",) and result.ict == ()


def test_a_region_in_a_title_that_names_a_domain_is_only_a_place(regeling):
    assert classify(regeling("Afvalbeheer Regio Centraal Groningen")).policy == ("afval",)
    assert classify(regeling("Regio Hart van Brabant")).policy == ("bestuur",)


def test_the_ict_policy_area_of_an_archive_is_its_records(regeling):
    version = regeling("West-Brabants Archief")
    assert "organisatie en bedrijfsvoering | informatievoorziening en ICT" in version.policy_areas
    result = classify(version)
    assert result.ict == () and result.policy == ("onderwijs-cultuur",)


# --- edge cases -------------------------------------------------------------------------------


def test_a_regeling_without_policy_area_or_purpose_is_overig(regeling):
    version = regeling("Gemeenschappelijke regeling De Betho")
    assert version.policy_areas == () and version.purpose == ""
    assert classify(version) == Classification(ict=(), policy=("overig",), evidence=())


def test_an_empty_purpose_leaves_the_title_to_decide(regeling):
    version = regeling("Archeologie Hellevoetsluis-Rotterdam")
    assert version.purpose == ""
    assert classify(version).policy == ("onderwijs-cultuur",)


def test_only_a_bvo_legal_form_is_bedrijfsvoering():
    bvo = classify(RegelingVersion(roo_id="1", title="Gemeenschappelijke regeling Xyz", legal_form="BVO"))
    assert bvo.policy == ("bedrijfsvoering",) and bvo.ict == ("bedrijfsvoering-breed",)
    assert bvo.evidence == (("legal_form", "BVO"),)
    ol = classify(RegelingVersion(roo_id="2", title="Gemeenschappelijke regeling Xyz", legal_form="OL"))
    assert ol.policy == ("overig",) and ol.ict == ()


def test_it_matches_case_and_accent_insensitively():
    version = RegelingVersion(
        roo_id="1", title="Regeling X", purpose="Taken op het gebied van FINANCIËN en hrm."
    )
    result = classify(version)
    assert result.policy == ("bedrijfsvoering",)
    assert ("purpose", "FINANCIËN") in result.evidence and ("purpose", "hrm") in result.evidence


def test_it_matches_whole_words_only():
    def policy(title):
        return classify(RegelingVersion(roo_id="1", title=title)).policy

    def ict(title):
        return classify(RegelingVersion(roo_id="1", title=title)).ict

    assert ict("Districtsraad Noord") == () and ict("Regeling ICT Noord") == ("infrastructuur-beheer",)
    assert policy("Regeling restafval") == ("overig",) and policy("Regeling afvalstoffen") == ("afval",)
    assert policy("Regeling afvalwater") == ("omgeving-milieu",)
    assert policy("Regeling maatwerkvoorzieningen") == ("overig",)
    assert policy("Regeling natuurlijke personen") == ("overig",)


def test_it_reads_odd_dashes_and_invisible_characters():
    result = classify(RegelingVersion(roo_id="1", title="\u200bRegeling ICT\u2011voorziening\u200b"))
    assert result.ict == ("infrastructuur-beheer",) and ("title", "ICT‑voorziening") in result.evidence


# --- the whole register -----------------------------------------------------------------------


def test_every_regeling_gets_a_domain_and_evidence_unless_overig(current):
    for version in current:
        result = classify(version)
        assert result.ict or result.policy, version.title
        assert result.evidence or result.policy == ("overig",), version.title
        assert "overig" not in result.policy or result.policy == ("overig",)


def test_the_distribution_over_the_register_is_sensible(current):
    counts = count_by_domain(current)
    assert len(current) == 422  # README of the data: 419 with only still-existing municipalities
    # 23 regelingen name ICT (title, purpose or policy area) and 27 more are werkorganisaties,
    # 50 in all on this snapshot. Fewer than 40 means werkorganisaties or ICT words are lost;
    # more than 65 means bedrijfsvoeringsorganisaties for one task (jeugd, vervoer, afval) slip in.
    assert 40 <= counts[ICT_ANY] <= 65
    assert 25 <= counts["bedrijfsvoering-breed"] <= 45
    assert counts["overig"] <= 12  # under 3 %: regelingen whose register entry says nothing
    for domain in POLICY_DOMAINS[:-1]:
        assert counts[domain] >= 5, domain
    assert counts["veiligheid"] >= 25 and counts["gezondheid"] >= 25  # every region has one
    assert counts == count_by_domain(classify(v) for v in current)


def test_count_by_domain_takes_chains_versions_and_classifications():
    version = RegelingVersion(roo_id="1", title="Regeling ICT", legal_form="BVO")
    counts = count_by_domain([version, chains([version])[0], classify(version)])
    assert counts["infrastructuur-beheer"] == 3 and counts[ICT_ANY] == 3
    assert set(counts) == {*ICT_DOMAINS, *POLICY_DOMAINS, ICT_ANY}
    assert sum(counts.values()) == 6
