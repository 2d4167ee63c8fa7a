# SPDX-License-Identifier: EUPL-1.2
"""The national register of gemeenschappelijke regelingen (Wgr art. 136), as published in the
government's organisation register (ROO): its records read into plain values, and the chains of
versions that make one regeling.

Two readers give the same `RegelingVersion`s: `read_polder_jsonl` for the snapshot shipped in the
package (polder's JSON records of the ROO) and `read_roo_xml` (in `roo_xml`) for the official
`exportOO.xml`. Errors are `GrFormatError`s with a code, the record they concern and a detail; the
app phrases them."""

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

MUNICIPALITY_TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/"
POLDER_UNKNOWN_START = "1900-01-01"


class GrFormatError(Exception):
    """A file that cannot be read as a GR register. `code` is one of:

    - about the file: `empty`; `not_roo` (another kind of document: RSS, HTML, other XML or JSON);
      `truncated` (cut off, or ill-formed XML, or a broken gzip stream); `bad_json` (the first line
      is no JSON); `unsafe_xml` (a DOCTYPE, entity declaration or external reference: refused
      unexpanded); `no_regelingen` (an ROO export without any regeling with participants);
    - about one record (`record` names it, `detail` gives the value or participant): `bad_date`,
      `no_id`, `no_name`, `participant_without_date`, `duplicate_id`.

    `line` is the line of the file where reading stopped, when known."""

    def __init__(self, code: str, record: str = "", detail: str = "", line: int | None = None):
        super().__init__(f"{code}: {record} {detail}".strip())
        self.code = code
        self.record = record
        self.detail = detail
        self.line = line


@dataclass(frozen=True)
class Participant:
    name: str
    roo_id: str
    tooi: str
    joined: dt.date | None
    left: dt.date | None = None
    cost_key: str = ""

    @property
    def code(self) -> str:
        """The CBS code (`GM0345`) when the participant is a municipality, else ''."""
        if self.tooi.startswith(MUNICIPALITY_TOOI):
            return self.tooi[len(MUNICIPALITY_TOOI) :].upper()
        return ""


@dataclass(frozen=True)
class RegelingVersion:
    """One version record of a regeling, as the register holds it."""

    roo_id: str
    title: str
    abbreviation: str = ""
    citation_title: str = ""
    tooi: str = ""
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    legal_form: str = ""  # OL, BVO, GO, RZM or ''
    legal_form_name: str = ""
    purpose: str = ""
    policy_areas: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    decisions: tuple[str, ...] = ()
    roo_url: str = ""
    body_name: str = ""
    previous_id: str = ""
    next_id: str = ""
    last_mutation: dt.date | None = None

    @property
    def municipal_participants(self) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.code)

    def current_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or self.valid_until > day
        )


def parse_date(value, record: str) -> dt.date | None:
    """An ISO date (a timestamp's date part is accepted) or None for an empty value."""
    if value in (None, ""):
        return None
    text = str(value).strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise GrFormatError("bad_date", record, str(value)[:40]) from None


# --- polder's JSON records ---------------------------------------------------------------------


def read_polder_jsonl(lines: Iterable[str]) -> list[RegelingVersion]:
    """Every record with participants, from polder's `gemeenschappelijke_regelingen.jsonl`.
    Records without participants describe the executing body, not the regeling, and are skipped."""
    versions = []
    seen = False
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        seen = True
        try:
            record = json.loads(line)
        except ValueError:
            code = "truncated" if number > 1 else "bad_json"
            raise GrFormatError(code, f"regel {number}", line=number) from None
        if not isinstance(record, dict) or record.get("type") != "gemeenschappelijke-regeling":
            raise GrFormatError("not_roo", f"regel {number}", line=number)
        version = _from_polder(record, number)
        if version is not None:
            versions.append(version)
    if not seen:
        raise GrFormatError("empty")
    _check_unique(versions)
    return versions


def _from_polder(record: dict, number: int) -> RegelingVersion | None:
    meta = record.get("gr_meta") or {}
    raw_participants = meta.get("deelnemende_organisaties") or []
    if not raw_participants:
        return None
    identifiers = record.get("identifiers") or {}
    roo_id = str(identifiers.get("roo_id") or "").strip()
    names = record.get("names") or [{}]
    title = (names[0].get("value") or "").strip()
    label = title or f"regel {number}"
    if not roo_id:
        raise GrFormatError("no_id", label)
    if not title:
        raise GrFormatError("no_name", roo_id)
    record_label = f"{title} ({roo_id})"
    participants = []
    for raw in raw_participants:
        name = (raw.get("naam") or "").strip()
        joined = parse_date(raw.get("toetredings_datum"), record_label)
        if joined is None:
            raise GrFormatError("participant_without_date", record_label, name)
        participants.append(
            Participant(
                name=name,
                roo_id=str(raw.get("roo_id") or ""),
                tooi=(raw.get("tooi") or "").strip(),
                joined=joined,
                left=parse_date(raw.get("uittredings_datum"), record_label),
                cost_key=(raw.get("verdeelsleutel") or "").strip(),
            )
        )
    form = meta.get("samenwerkingsvorm") or {}
    sources = record.get("sources") or []
    return RegelingVersion(
        roo_id=roo_id,
        title=title,
        abbreviation=(names[0].get("abbr") or "").strip(),
        citation_title=(meta.get("citeertitel") or "").strip(),
        tooi=(identifiers.get("tooi") or "").strip(),
        valid_from=parse_date(_unless_sentinel(record.get("valid_from")), record_label),
        valid_until=parse_date(record.get("valid_until"), record_label),
        in_force_from=parse_date(meta.get("datum_inwerkingtreding"), record_label),
        in_force_until=parse_date(meta.get("datum_uitwerkingtreding"), record_label),
        legal_form=(form.get("afkorting") or "").strip().upper(),
        legal_form_name=(form.get("value") or "").strip(),
        purpose=(meta.get("doel") or "").strip(),
        policy_areas=tuple(a["naam"].strip() for a in record.get("policy_areas") or [] if a.get("naam")),
        participants=tuple(participants),
        decisions=tuple(u.strip() for u in meta.get("instellingsbesluiten") or [] if u and u.strip()),
        roo_url=next((s.get("url", "") for s in sources if s.get("id") == "roo"), "")
        or f"https://organisaties.overheid.nl/{roo_id}",
        body_name=((meta.get("regionaal_samenwerkingsorgaan") or {}).get("naam") or "").strip(),
        previous_id=str((meta.get("previous_version") or {}).get("roo_id") or ""),
        next_id=str((meta.get("next_version") or {}).get("roo_id") or ""),
        last_mutation=parse_date(record.get("last_mutation"), record_label),
    )


def _unless_sentinel(value):
    """Polder writes `1900-01-01` for a validity start it does not know."""
    return None if value == POLDER_UNKNOWN_START else value


def _check_unique(versions: list[RegelingVersion]) -> None:
    seen: set[str] = set()
    for version in versions:
        if version.roo_id in seen:
            raise GrFormatError("duplicate_id", f"{version.title} ({version.roo_id})")
        seen.add(version.roo_id)


# --- chains of versions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Regeling:
    """One regeling: its versions, oldest first. `latest` holds what the register says now."""

    versions: tuple[RegelingVersion, ...]

    @property
    def latest(self) -> RegelingVersion:
        return self.versions[-1]

    @property
    def roo_ids(self) -> tuple[str, ...]:
        return tuple(v.roo_id for v in self.versions)

    def ended(self, on: dt.date) -> bool:
        latest = self.latest
        end = latest.valid_until or latest.in_force_until
        return end is not None and end <= on

    def start(self) -> dt.date | None:
        dates = [v.in_force_from or v.valid_from for v in self.versions]
        dates += [p.joined for v in self.versions for p in v.participants if p.joined]
        dates = [d for d in dates if d is not None and d.year > 1900]
        return min(dates) if dates else None


def chains(versions: Iterable[RegelingVersion]) -> list[Regeling]:
    """Group version records into regelingen by their previous/next links (either side suffices;
    a link to a record not in the file is ignored). Versions are ordered by validity."""
    by_id = {v.roo_id: v for v in versions}
    parent = {roo_id: roo_id for roo_id in by_id}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for version in by_id.values():
        for other in (version.previous_id, version.next_id):
            if other and other in by_id:
                a, b = find(version.roo_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[RegelingVersion]] = {}
    for roo_id, version in by_id.items():
        groups.setdefault(find(roo_id), []).append(version)
    low = dt.date.min
    result = [
        Regeling(
            tuple(sorted(group, key=lambda v: (v.valid_from or low, v.valid_until or dt.date.max, v.roo_id)))
        )
        for group in groups.values()
    ]
    result.sort(key=lambda r: (r.latest.title.casefold(), r.latest.roo_id))
    return result


@dataclass(frozen=True)
class Membership:
    """A participant over the versions of a regeling: first joined, and left when a later version
    no longer names it (or the register gives an exit date)."""

    participant: Participant
    joined: dt.date | None
    left: dt.date | None


def memberships(regeling: Regeling) -> list[Membership]:
    """Who took part when, over all versions. A participant missing from the latest version left
    when the first version without it took effect (the register keeps no exit date otherwise)."""
    key = _participant_key
    first: dict[str, Participant] = {}
    last_seen: dict[str, int] = {}
    for index, version in enumerate(regeling.versions):
        for participant in version.participants:
            k = key(participant)
            first.setdefault(k, participant)
            last_seen[k] = index
    latest_index = len(regeling.versions) - 1
    result = []
    for k, participant in first.items():
        latest = next((p for p in regeling.versions[last_seen[k]].participants if key(p) == k), participant)
        left = latest.left
        if left is None and last_seen[k] < latest_index:
            following = regeling.versions[last_seen[k] + 1]
            left = following.in_force_from or following.valid_from
        joined = min(
            (p.joined for v in regeling.versions for p in v.participants if key(p) == k and p.joined),
            default=None,
        )
        result.append(Membership(latest, joined, left))
    return result


def _participant_key(participant: Participant) -> str:
    return participant.tooi or participant.roo_id or participant.name.casefold()
