# SPDX-License-Identifier: EUPL-1.2
"""polder's records of the GR register, the chains of versions and who took part when."""

import datetime as dt
import gzip
import json
from importlib import resources
from pathlib import Path

import pytest

from goedebuur.core.register.gr import (
    GrFormatError,
    Participant,
    RegelingVersion,
    chains,
    memberships,
    read_polder_jsonl,
)
from goedebuur.core.register.roo_xml import read_roo_xml

SAMPLE = Path(__file__).parent / "fixtures" / "exportOO_sample.xml"
SNAPSHOT = resources.files("goedebuur") / "data" / "gr" / "regelingen.jsonl.gz"
PEILDATUM = dt.date(2026, 5, 16)
GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/"


def snapshot_lines() -> list[str]:
    with SNAPSHOT.open("rb") as handle:
        return gzip.decompress(handle.read()).decode("utf-8").splitlines()


def sample() -> list[RegelingVersion]:
    with SAMPLE.open("rb") as handle:
        return read_roo_xml(handle)


def record(roo_id="1", title="GR Test", participants=None, **fields) -> str:
    participants = (
        participants
        if participants is not None
        else [
            {
                "naam": "Gemeente Brielle",
                "roo_id": "23644",
                "tooi": f"{GEMEENTE}gm0501",
                "toetredings_datum": "2001-01-01",
            }
        ]
    )
    data = {
        "type": "gemeenschappelijke-regeling",
        "identifiers": {"roo_id": roo_id} if roo_id else {},
        "names": [{"value": title}],
        "gr_meta": {"deelnemende_organisaties": participants},
        **fields,
    }
    return json.dumps(data)


# --- the shipped snapshot ------------------------------------------------------------------------


def test_the_shipped_snapshot_reads_with_its_regelingen_and_municipalities():
    versions = read_polder_jsonl(snapshot_lines())
    assert len(versions) >= 1100
    current = [
        r
        for r in chains(versions)
        if r.latest.current_on(PEILDATUM)
        and len({p.code for p in r.latest.municipal_participants if p.left is None or p.left > PEILDATUM})
        >= 2
    ]
    assert len(current) >= 400
    ict = next(
        r
        for r in current
        if r.latest.title == "Gemeenschappelijke regeling ICT samenwerking West-Brabant-West"
    )
    assert {p.code for p in ict.latest.municipal_participants} == {"GM0777", "GM1709", "GM1674", "GM0716"}
    assert ict.latest.legal_form == "BVO"


# --- polder's records ----------------------------------------------------------------------------


def test_a_record_without_participants_is_skipped():
    assert read_polder_jsonl([record("1", participants=[]), record("2")])[0].roo_id == "2"


def test_polders_unknown_start_is_no_date():
    (version,) = read_polder_jsonl([record(valid_from="1900-01-01")])
    assert version.valid_from is None


def test_a_truncated_jsonl_file_is_truncated_at_its_last_line():
    lines = snapshot_lines()[:3]
    lines[2] = lines[2][: len(lines[2]) // 2]
    with pytest.raises(GrFormatError) as caught:
        read_polder_jsonl(lines)
    assert (caught.value.code, caught.value.line) == ("truncated", 3)


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        ([], "empty"),
        (["not json"], "bad_json"),
        (['{"type": "gemeente", "names": [{"value": "Gemeente Brielle"}]}'], "not_roo"),
    ],
)
def test_a_file_that_is_no_polder_register_says_why(lines, code):
    with pytest.raises(GrFormatError) as caught:
        read_polder_jsonl(lines)
    assert caught.value.code == code


def test_a_bad_date_names_the_record():
    with pytest.raises(GrFormatError) as caught:
        read_polder_jsonl([record("42", "GR Belastingen", last_mutation="gisteren")])
    assert (caught.value.code, caught.value.record, caught.value.detail) == (
        "bad_date",
        "GR Belastingen (42)",
        "gisteren",
    )


def test_a_participant_without_join_date_names_the_record_and_the_participant():
    participants = [{"naam": "Hollandse Delta", "roo_id": "21146"}]
    with pytest.raises(GrFormatError) as caught:
        read_polder_jsonl([record("42", "GR SVHW", participants=participants)])
    assert (caught.value.code, caught.value.record, caught.value.detail) == (
        "participant_without_date",
        "GR SVHW (42)",
        "Hollandse Delta",
    )


def test_a_record_without_roo_id_has_no_id():
    with pytest.raises(GrFormatError) as caught:
        read_polder_jsonl([record(None, "GR Zonder Id")])
    assert (caught.value.code, caught.value.record) == ("no_id", "GR Zonder Id")


# --- participants --------------------------------------------------------------------------------


def test_a_municipality_is_known_by_its_cbs_code_and_others_have_none():
    assert Participant("Gemeente Brielle", "23644", f"{GEMEENTE}gm0501", None).code == "GM0501"
    board = Participant(
        "Hollandse Delta", "21146", "https://identifier.overheid.nl/tooi/id/waterschap/ws0655", None
    )
    assert board.code == ""


# --- chains and memberships ----------------------------------------------------------------------


def test_versions_linked_by_previous_and_next_make_one_regeling_in_order():
    regelingen = chains(reversed(sample()))
    assert [r.roo_ids for r in regelingen] == [("24966998", "28218531"), ("28178111",)]
    delta = regelingen[0]
    assert delta.start() == dt.date(1988, 6, 26)
    assert delta.ended(PEILDATUM) and not delta.ended(dt.date(2019, 6, 1))


def test_a_link_to_a_version_not_in_the_file_is_ignored():
    (svhw,) = [r for r in chains(sample()) if r.latest.roo_id == "28178111"]
    assert svhw.roo_ids == ("28178111",)  # its previous (28178037) and next (29187788) are absent


def test_a_municipality_missing_from_the_next_version_left_when_that_version_took_effect():
    delta = chains(sample())[0]
    periods = {m.participant.code: (m.joined, m.left) for m in memberships(delta)}
    assert periods == {
        "GM1876": (dt.date(1988, 6, 26), None),
        "GM0213": (dt.date(1988, 6, 26), dt.date(2019, 1, 1)),  # Brummen
        "GM0262": (dt.date(1988, 6, 26), None),
        "GM0285": (dt.date(1988, 6, 26), None),
        "GM0301": (dt.date(1988, 6, 26), dt.date(2019, 1, 1)),  # Zutphen
    }


def test_an_exit_date_in_the_register_is_kept():
    participant = {
        "naam": "Gemeente Brielle",
        "roo_id": "23644",
        "tooi": f"{GEMEENTE}gm0501",
        "toetredings_datum": "2001-01-01",
        "uittredings_datum": "2022-12-31",
    }
    (regeling,) = chains(read_polder_jsonl([record(participants=[participant])]))
    (membership,) = memberships(regeling)
    assert (membership.joined, membership.left) == (dt.date(2001, 1, 1), dt.date(2022, 12, 31))
