# SPDX-License-Identifier: EUPL-1.2
"""The official ROO export (exportOO.xml) read into the same values as polder's records."""

import datetime as dt
import gzip
import io
import json
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from goedebuur.core.register.gr import GrFormatError, Participant, RegelingVersion, read_polder_jsonl
from goedebuur.core.register.roo_xml import read_roo_xml, slugify

SAMPLE = Path(__file__).parent / "fixtures" / "exportOO_sample.xml"
NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"
TOOI = "https://identifier.overheid.nl/tooi/id/"


def read(xml: str | bytes) -> list[RegelingVersion]:
    return read_roo_xml(io.BytesIO(xml.encode() if isinstance(xml, str) else xml))


def export(regelingen: str = "", organisaties: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<overheidsorganisaties xmlns:p="{NS}">'
        f"<organisaties>{organisaties}</organisaties>"
        f"<gemeenschappelijkeRegelingen>{regelingen}</gemeenschappelijkeRegelingen></overheidsorganisaties>"
    )


def regeling(roo_id="900001", title="Gemeenschappelijke regeling Test", participant=None, extra="") -> str:
    participant = (
        participant
        if participant is not None
        else f'<deelnemendeOrganisatie p:systeemId="23644" p:resourceIdentifierTOOI="{TOOI}gemeente/gm0501">'
        "<naam>Gemeente Brielle</naam><toetredingsDatum>2001-01-01</toetredingsDatum></deelnemendeOrganisatie>"
    )
    id_attr = f' p:systeemId="{roo_id}"' if roo_id else ""
    return (
        f"<regeling{id_attr}><titel>{title}</titel>"
        f"<deelnemendeOrganisaties>{participant}</deelnemendeOrganisaties>{extra}</regeling>"
    )


def code_of(xml) -> GrFormatError:
    with pytest.raises(GrFormatError) as caught:
        read(xml)
    return caught.value


# --- the sample export ---------------------------------------------------------------------------


def test_it_reads_the_regelingen_with_participants_and_ignores_the_organisations():
    with SAMPLE.open("rb") as handle:
        versions = read_roo_xml(handle)
    # Gemeente Brielle (an organisation) and Delta (the body executing the regeling) are no versions.
    assert [v.roo_id for v in versions] == ["24966998", "28218531", "28178111"]
    delta_1, delta_2, svhw = versions
    assert [p.code for p in delta_1.participants] == ["GM1876", "GM0213", "GM0262", "GM0285", "GM0301"]
    assert [p.code for p in delta_2.participants] == ["GM1876", "GM0262", "GM0285"]
    assert (delta_1.next_id, delta_2.previous_id) == ("28218531", "24966998")
    assert delta_2.valid_from == dt.date(2019, 1, 1) and delta_2.valid_until == dt.date(2020, 1, 1)
    assert delta_1.body_name == "Delta" and delta_1.citation_title == ""
    # Former municipality Brielle keeps its own code; the water board is a participant without one.
    assert [(p.name, p.code) for p in svhw.participants][1] == ("Gemeente Brielle", "GM0501")
    board = svhw.participants[3]
    assert (board.name, board.code, board.tooi) == ("Hollandse Delta", "", f"{TOOI}waterschap/ws0655")


def test_it_reads_every_field_of_a_regeling():
    with SAMPLE.open("rb") as handle:
        svhw = read_roo_xml(handle)[2]
    assert svhw == RegelingVersion(
        roo_id="28178111",
        title="Gemeenschappelijke Regeling SVHW 2015",
        citation_title="Gemeenschappelijke Regeling SVHW 2015",
        valid_from=dt.date(2019, 6, 13),
        valid_until=dt.date(2023, 1, 1),
        in_force_from=dt.date(2019, 6, 13),
        in_force_until=dt.date(2023, 1, 1),
        legal_form="OL",
        legal_form_name="Openbaar lichaam",
        purpose=svhw.purpose,
        policy_areas=("organisatie en bedrijfsvoering", "overheidsfinanciën | belasting"),
        participants=(
            Participant("Gemeente Alblasserdam", "29079", f"{TOOI}gemeente/gm0482", dt.date(2001, 1, 1)),
            Participant("Gemeente Brielle", "23644", f"{TOOI}gemeente/gm0501", dt.date(2001, 1, 1)),
            Participant("Gemeente Hellevoetsluis", "25383", f"{TOOI}gemeente/gm0530", dt.date(2016, 1, 1)),
            Participant("Hollandse Delta", "21146", f"{TOOI}waterschap/ws0655", dt.date(2016, 1, 1)),
            Participant("Gemeente Westvoorne", "34694", f"{TOOI}gemeente/gm0614", dt.date(2019, 6, 13)),
        ),
        decisions=(
            "https://lokaleregelgeving.overheid.nl/CVDR624902/1",
            "https://zoek.officielebekendmakingen.nl/stcrt-2019-32818.html",
        ),
        roo_url="https://organisaties.overheid.nl/28178111/gemeenschappelijke-regeling-svhw-2015",
        body_name="Samenwerkingsverband vastgoedinformatie, heffing en waardebepaling",
        previous_id="28178037",
        next_id="29187788",
        last_mutation=dt.date(2023, 10, 20),
    )
    assert svhw.purpose.startswith("De Regeling wordt getroffen in het belang")


# polder's record of the SVHW version in the sample (as in its gemeenschappelijke_regelingen.jsonl).
SVHW_POLDER = {
    "id": "org:gr-gemeenschappelijke-regeling-svhw-2015-28178111",
    "type": "gemeenschappelijke-regeling",
    "identifiers": {"roo_id": "28178111"},
    "names": [
        {
            "value": "Gemeenschappelijke Regeling SVHW 2015",
            "valid_from": "2019-06-13",
            "valid_until": "2023-01-01",
        }
    ],
    "policy_areas": [
        {
            "naam": "organisatie en bedrijfsvoering",
            "tooi": "https://identifier.overheid.nl/tooi/def/thes/top/c_3eb6243b",
        },
        {
            "naam": "overheidsfinanciën | belasting",
            "tooi": "https://identifier.overheid.nl/tooi/def/thes/top/c_25e30d03",
        },
    ],
    "gr_meta": {
        "citeertitel": "Gemeenschappelijke Regeling SVHW 2015",
        "doel": "De Regeling wordt getroffen in het belang van een zo doelmatig mogelijke uitvoering van "
        "werkzaamheden met betrekking tot de heffing en invordering van belastingen, heffingen en rechten en "
        "de Wet waardering onroerende zaken.",
        "samenwerkingsvorm": {"value": "Openbaar lichaam", "afkorting": "OL"},
        "regionaal_samenwerkingsorgaan": {
            "naam": "Samenwerkingsverband vastgoedinformatie, heffing en waardebepaling",
            "roo_id": "28178164",
        },
        "bronhouder": {
            "naam": "Samenwerkingsverband vastgoedinformatie, heffing en waardebepaling",
            "roo_id": "28178164",
        },
        "deelnemende_organisaties": [
            {
                "naam": "Gemeente Alblasserdam",
                "roo_id": "29079",
                "tooi": f"{TOOI}gemeente/gm0482",
                "toetredings_datum": "2001-01-01",
            },
            {
                "naam": "Gemeente Brielle",
                "roo_id": "23644",
                "tooi": f"{TOOI}gemeente/gm0501",
                "toetredings_datum": "2001-01-01",
            },
            {
                "naam": "Gemeente Hellevoetsluis",
                "roo_id": "25383",
                "tooi": f"{TOOI}gemeente/gm0530",
                "toetredings_datum": "2016-01-01",
            },
            {
                "naam": "Hollandse Delta",
                "roo_id": "21146",
                "tooi": f"{TOOI}waterschap/ws0655",
                "toetredings_datum": "2016-01-01",
            },
            {
                "naam": "Gemeente Westvoorne",
                "roo_id": "34694",
                "tooi": f"{TOOI}gemeente/gm0614",
                "toetredings_datum": "2019-06-13",
            },
        ],
        "instellingsbesluiten": [
            "https://lokaleregelgeving.overheid.nl/CVDR624902/1",
            "https://zoek.officielebekendmakingen.nl/stcrt-2019-32818.html",
        ],
        "datum_inwerkingtreding": "2019-06-13",
        "datum_uitwerkingtreding": "2023-01-01",
        "next_version": {"roo_id": "29187788", "naam": "Gemeenschappelijke Regeling SVHW 2023"},
        "previous_version": {"roo_id": "28178037", "naam": "Gemeenschappelijke Regeling SVHW 2015"},
    },
    "valid_from": "2019-06-13",
    "valid_until": "2023-01-01",
    "last_mutation": "2023-10-20",
    "sources": [
        {
            "id": "roo",
            "url": "https://organisaties.overheid.nl/28178111/gemeenschappelijke-regeling-svhw-2015",
            "retrieved": "2026-05-16",
        }
    ],
}


def test_it_gives_the_same_values_as_the_polder_reader_for_the_same_record():
    with SAMPLE.open("rb") as handle:
        from_xml = read_roo_xml(handle)[2]
    assert read_polder_jsonl([json.dumps(SVHW_POLDER)]) == [from_xml]


def roo_element(record: dict) -> ET.Element:
    """polder's record written back in the export's element structure (the inverse of polder's
    `parse_gemeenschappelijke_regeling`)."""
    p = f"{{{NS}}}"
    meta = record["gr_meta"]

    def add(parent, tag, text=None, **attrs):
        child = ET.SubElement(parent, tag, {p + key: value for key, value in attrs.items() if value})
        child.text = text
        return child

    identifiers = record["identifiers"]
    elem = ET.Element("regeling", {p + "systeemId": identifiers["roo_id"]})
    if identifiers.get("tooi"):
        elem.set(p + "resourceIdentifierTOOI", identifiers["tooi"])
    add(elem, "titel", record["names"][0]["value"])
    if "citeertitel" in meta:
        add(elem, "citeertitel", meta["citeertitel"])
    types = add(elem, "types")
    add(types, "type", "Gemeenschappelijke regeling")
    if "samenwerkingsvorm" in meta:
        form = meta["samenwerkingsvorm"]
        add(elem, "samenwerkingsvorm", form.get("value"), afkorting=form.get("afkorting"))
    if "regionaal_samenwerkingsorgaan" in meta:
        body = meta["regionaal_samenwerkingsorgaan"]
        add(elem, "regionaalSamenwerkingsorgaan", body.get("naam"), systeemId=body.get("roo_id"))
    participants = add(elem, "deelnemendeOrganisaties")
    for raw in meta["deelnemende_organisaties"]:
        participant = add(
            participants,
            "deelnemendeOrganisatie",
            systeemId=raw.get("roo_id"),
            resourceIdentifierTOOI=raw.get("tooi"),
        )
        add(participant, "naam", raw.get("naam"))
        for key, tag in [
            ("toetredings_datum", "toetredingsDatum"),
            ("uittredings_datum", "uittredingsDatum"),
            ("verdeelsleutel", "verdeelsleutel"),
        ]:
            if key in raw:
                add(participant, tag, raw[key])
    if "instellingsbesluiten" in meta:
        decisions = add(elem, "instellingsbesluiten")
        for url in meta["instellingsbesluiten"]:
            add(decisions, "referentie", url)
    for key, tag in [
        ("doel", "doel"),
        ("datum_inwerkingtreding", "datumInwerkingtreding"),
        ("datum_uitwerkingtreding", "datumUitwerkingtreding"),
    ]:
        if key in meta:
            add(elem, tag, meta[key])
    if record.get("policy_areas"):
        areas = add(elem, "beleidsterreinen")
        for area in record["policy_areas"]:
            add(areas, "beleidsterrein", area["naam"], resourceIdentifier=area.get("tooi"))
    for key, tag in [("previous_version", "previousVersion"), ("next_version", "nextVersion")]:
        if key in meta:
            add(elem, tag, meta[key].get("naam"), systeemId=meta[key].get("roo_id"))
    if record.get("last_mutation"):
        add(elem, "datumMutatie", record["last_mutation"])
    return elem


def test_every_record_of_the_shipped_snapshot_written_as_roo_xml_reads_back_the_same():
    path = resources.files("goedebuur") / "data" / "gr" / "regelingen.jsonl.gz"
    with path.open("rb") as handle:
        records = [json.loads(line) for line in gzip.open(handle, "rt", encoding="utf-8")]
    ET.register_namespace("p", NS)
    root = ET.Element("overheidsorganisaties")
    block = ET.SubElement(root, "gemeenschappelijkeRegelingen")
    block.extend(roo_element(record) for record in records)
    from_xml = read(ET.tostring(root, encoding="utf-8", xml_declaration=True))
    from_polder = read_polder_jsonl(json.dumps(record) for record in records)
    assert len(from_xml) == len(records) >= 1100
    assert from_xml == from_polder


def test_it_reads_an_export_by_its_path():
    assert [v.roo_id for v in read_roo_xml(SAMPLE)] == ["24966998", "28218531", "28178111"]


def test_it_matches_names_on_their_local_part_whatever_the_prefix():
    qualified = (
        f'<p:overheidsorganisaties xmlns:p="{NS}"><p:gemeenschappelijkeRegelingen>'
        '<p:regeling p:systeemId="7"><p:titel>GR Test</p:titel><p:deelnemendeOrganisaties>'
        '<p:deelnemendeOrganisatie p:systeemId="23644"><p:naam>Gemeente Brielle</p:naam>'
        "<p:toetredingsDatum>2001-01-01</p:toetredingsDatum></p:deelnemendeOrganisatie>"
        "</p:deelnemendeOrganisaties></p:regeling></p:gemeenschappelijkeRegelingen></p:overheidsorganisaties>"
    )
    (version,) = read(qualified)
    assert (version.roo_id, version.title, version.participants[0].roo_id) == ("7", "GR Test", "23644")


def test_it_skips_a_regeling_without_participants():
    xml = export(regeling("1", "Regeling zonder deelnemers", participant="") + regeling("2"))
    assert [v.roo_id for v in read(xml)] == ["2"]


def test_it_capitalises_the_title_and_builds_polders_link_from_it():
    (version,) = read(export(regeling("5", "regeling Belastingsamenwerking &amp; Gegevensbeheer")))
    assert version.title == "Regeling Belastingsamenwerking & Gegevensbeheer"
    assert (
        version.roo_url
        == "https://organisaties.overheid.nl/5/regeling-belastingsamenwerking-en-gegevensbeheer"
    )
    assert slugify(
        "Gemeenschappelijke regeling Bedrijfsvoeringsorganisatie Mobiliteitsbureau Noordoost Fryslân"
    ) == ("gemeenschappelijke-regeling-bedrijfsvoeringsorganisatie-mobiliteitsbureau-noordoost-fryslan")


def test_it_reads_an_export_with_thousands_of_regelingen_from_a_stream():
    many = "".join(regeling(str(100000 + i), f"Regeling {i}") for i in range(5000))
    versions = read(
        export(many, organisaties="<organisatie p:systeemId='1'><naam>X</naam></organisatie>" * 5000)
    )
    assert len(versions) == 5000 and versions[-1].roo_id == "104999"


# --- bad files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "   \n\n  "])
def test_an_empty_file_is_empty(content):
    assert code_of(content).code == "empty"


@pytest.mark.parametrize(
    "content",
    [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nieuws</title></channel></rss>',
        "<!DOCTYPE html><html><head><title>404</title></head><body>Niet gevonden</body></html>",
        "<html><body><p>Onderhoud</body></html>",
        '<?xml version="1.0"?><gemeenten><gemeente code="GM0501">Brielle</gemeente></gemeenten>',
    ],
    ids=["rss", "html-doctype", "html", "other-xml"],
)
def test_xml_that_is_not_an_roo_export_is_not_roo(content):
    assert code_of(content).code == "not_roo"


def test_an_roo_export_without_gr_register_has_no_regelingen():
    organisation = "<organisatie p:systeemId='23644'><naam>Gemeente Brielle</naam><types><type>Gemeente</type></types></organisatie>"
    assert code_of(export(organisaties=organisation)).code == "no_regelingen"


def test_a_truncated_export_is_truncated_with_the_line_where_it_stops():
    content = SAMPLE.read_text(encoding="utf-8")
    cut = content[: content.index("Gemeente Lochem", content.index("28218531"))]
    error = code_of(cut)
    assert error.code == "truncated"
    assert error.line == cut.count("\n") + 1


def test_ill_formed_xml_is_truncated():
    error = code_of(export(regeling(extra="<doel>a < b</doel>")))
    assert error.code == "truncated" and error.line == 2


def test_a_bad_date_names_the_record_and_the_value():
    error = code_of(
        export(
            regeling(
                "42", "GR Belastingen", extra="<datumInwerkingtreding>31-12-2019</datumInwerkingtreding>"
            )
        )
    )
    assert (error.code, error.record, error.detail) == ("bad_date", "GR Belastingen (42)", "31-12-2019")


def test_a_participant_without_join_date_names_the_record_and_the_participant():
    participant = (
        '<deelnemendeOrganisatie p:systeemId="21146"><naam>Hollandse Delta</naam></deelnemendeOrganisatie>'
    )
    error = code_of(export(regeling("42", "GR SVHW", participant=participant)))
    assert (error.code, error.record, error.detail) == (
        "participant_without_date",
        "GR SVHW (42)",
        "Hollandse Delta",
    )


def test_a_regeling_without_systeem_id_has_no_id():
    error = code_of(export(regeling(None, "GR Zonder Id")))
    assert (error.code, error.record) == ("no_id", "GR Zonder Id")


def test_a_regeling_without_title_has_no_name():
    error = code_of(export(regeling("42", "")))
    assert (error.code, error.record) == ("no_name", "42")


def test_the_same_systeem_id_twice_is_a_duplicate():
    error = code_of(export(regeling("42", "GR A") + regeling("42", "GR A")))
    assert (error.code, error.record) == ("duplicate_id", "GR A (42)")


@pytest.mark.parametrize(
    "prolog",
    [
        # billion laughs
        '<!DOCTYPE overheidsorganisaties [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        # external entity (XXE)
        '<!DOCTYPE overheidsorganisaties [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        # external DTD
        '<!DOCTYPE overheidsorganisaties SYSTEM "http://example.org/roo.dtd">',
    ],
    ids=["entity-bomb", "xxe", "external-dtd"],
)
def test_a_doctype_is_refused_before_anything_is_expanded(prolog):
    body = export(regeling(extra="<doel>&c;</doel>" if "ENTITY c" in prolog else "")).split("\n", 1)[1]
    error = code_of(f'<?xml version="1.0"?>\n{prolog}\n{body}')
    assert error.code == "unsafe_xml"
