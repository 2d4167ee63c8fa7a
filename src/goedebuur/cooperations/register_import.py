# SPDX-License-Identifier: EUPL-1.2
"""Loading the national GR-register (ROO) into the register of cooperations.

One register entry per regeling: its chain of version records is one entry with its history
(`RegisterVersion`s). Participants that are municipalities become memberships (former municipalities
mapped to their successor, the mapping kept on the membership); other participants (provinces, water
boards, other regelingen) are kept in the entry's official data. What members added (ICT domains once
confirmed, roles, shared services, contact, description, sources) is never overwritten.

A run is all or nothing and idempotent: an entry whose official state did not change is not written
(its fingerprint, a hash of that state, is compared first)."""

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from goedebuur.common import bump
from goedebuur.common import date as format_date
from goedebuur.core.register import gr, gr_file
from goedebuur.core.register.domains import classify
from goedebuur.history import services as history
from goedebuur.municipalities.models import Municipality

from .models import (
    Cooperation,
    CooperationForm,
    IctDomain,
    MemberChange,
    Membership,
    PolicyDomain,
    RegisterVersion,
)
from .slugs import unique_slug

SNAPSHOT = "gr/regelingen.jsonl.gz"
SNAPSHOT_DATE = dt.date(2026, 5, 16)
SOURCE_NAME = "Register van Overheidsorganisaties (KOOP)"

FORM_BY_ABBREVIATION = {
    "OL": "wgr-openbaar-lichaam",
    "BVO": "wgr-bedrijfsvoeringsorganisatie",
    "GO": "wgr-gemeenschappelijk-orgaan",
    "RZM": "wgr-regeling-zonder-meer",
}
UNKNOWN_FORM = "wgr-vorm-onbekend"
CENTRE_FORM = "wgr-centrumregeling"


class DryRun(Exception):
    """Raised inside the transaction of a dry run, so that nothing it did stays."""


@dataclass
class ImportSummary:
    register_date: dt.date
    versions: int = 0
    regelingen: int = 0
    new: int = 0
    changed: int = 0
    ended: int = 0
    unchanged: int = 0
    linked: list[str] = field(default_factory=list)
    mapped: dict[str, tuple[str, str]] = field(default_factory=dict)  # former code -> (name, successor)
    unmapped: dict[str, str] = field(default_factory=dict)  # former code -> name, no successor known
    writes: int = 0
    dry_run: bool = False

    def as_dict(self) -> dict:
        return {
            "peildatum": self.register_date.isoformat(),
            "versies": self.versions,
            "regelingen": self.regelingen,
            "nieuw": self.new,
            "gewijzigd": self.changed,
            "beeindigd": self.ended,
            "ongewijzigd": self.unchanged,
            "gekoppeld": self.linked,
            "voormaligeGemeenten": {
                code: {"naam": name, "opvolger": successor}
                for code, (name, successor) in sorted(self.mapped.items())
            },
            "nietGekoppeld": dict(sorted(self.unmapped.items())),
            "schrijfacties": self.writes,
            "proefrun": self.dry_run,
        }


# --- reading ------------------------------------------------------------------------------------


def read_versions(path=None) -> list[gr.RegelingVersion]:
    """The version records of the file at `path`, or of the snapshot shipped in the package."""
    if path is None:
        with resources.files("goedebuur.data").joinpath(SNAPSHOT).open("rb") as raw:
            with gzip.open(raw, "rt", encoding="utf-8") as lines:
                return gr.read_polder_jsonl(lines)
    return gr_file.read_file(path)


def file_date(path) -> dt.date:
    """The peildatum of a downloaded export: the day the file was written."""
    return dt.date.fromtimestamp(os.stat(path).st_mtime)


class Mergers(dict):
    """Former CBS code -> (former name, current successor code); `by_name` maps the names of current
    and former municipalities (case-folded) to their code."""

    by_name: dict[str, str]


def mergers() -> Mergers:
    """Former CBS code -> (former name, current successor code), following merger chains."""
    text = resources.files("goedebuur.data").joinpath("gr/mergers.csv").read_text(encoding="utf-8")
    rows = {r["former_code"]: r for r in csv.DictReader(io.StringIO(text))}
    result = Mergers()
    for code, row in rows.items():
        successor, seen = row["successor_code"], {code}
        while successor in rows and successor not in seen:
            seen.add(successor)
            successor = rows[successor]["successor_code"]
        result[code] = (row["former_name"], successor)
    result.by_name = {row["former_name"].casefold(): code for code, row in rows.items()}
    result.by_name |= {
        name.casefold(): code for code, name in Municipality.objects.values_list("code", "name")
    }
    return result


# --- the official state of one regeling --------------------------------------------------------


@dataclass
class OfficialMember:
    code: str
    joined: dt.date | None
    left: dt.date | None
    former: list[dict] = field(default_factory=list)


@dataclass
class OfficialEntry:
    regeling: gr.Regeling
    name: str
    form: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    official: dict
    members: dict[str, OfficialMember]

    @property
    def fingerprint(self) -> str:
        members = {code: [_iso(m.joined), _iso(m.left), m.former] for code, m in sorted(self.members.items())}
        versions = [_version_row(v) for v in self.regeling.versions]
        state = [
            self.name,
            self.form,
            self.status,
            _iso(self.start_date),
            _iso(self.end_date),
            self.official,
            members,
            versions,
        ]
        return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def official_entry(
    regeling: gr.Regeling, on: dt.date, known: set[str], merged, summary
) -> OfficialEntry | None:
    """What the register says of one regeling, or None when no municipality takes part in it."""
    latest = regeling.latest
    members: dict[str, OfficialMember] = {}
    others = []
    for membership in gr.memberships(regeling):
        participant = membership.participant
        code = participant.code or _code_by_name(participant.name, merged)
        successor, former = code, []
        if code and code not in known and code not in merged:
            raise gr.GrFormatError("unknown_municipality", f"{latest.title} ({latest.roo_id})", code)
        if code and code not in known:
            name, successor = merged.get(code, (participant.name, ""))
            if successor in known:
                former = [{"code": code, "name": name}]
                summary.mapped[code] = (name, successor)
            else:
                summary.unmapped[code] = participant.name
                successor = ""
        if not successor:
            others.append(
                {
                    "name": participant.name,
                    "roo_id": participant.roo_id,
                    "tooi": participant.tooi,
                    "joined": _iso(membership.joined),
                    "left": _iso(membership.left),
                    "former_municipality": bool(code),
                }
            )
            continue
        current = members.get(successor)
        if current is None:
            members[successor] = OfficialMember(successor, membership.joined, membership.left, former)
        else:  # two former municipalities merged into one: one membership, the widest span
            current.joined = (
                min(d for d in (current.joined, membership.joined) if d)
                if (current.joined or membership.joined)
                else None
            )
            current.left = (
                None
                if current.left is None or membership.left is None
                else max(current.left, membership.left)
            )
            current.former = sorted(current.former + former, key=lambda f: f["code"])
    if not members:
        return None
    ended = regeling.ended(on)
    form = FORM_BY_ABBREVIATION.get(latest.legal_form, UNKNOWN_FORM)
    if latest.legal_form == "RZM" and "centrum" in latest.title.casefold():
        form = CENTRE_FORM
    classification = classify(latest)
    official = {
        "title": latest.title,
        "abbreviation": latest.abbreviation,
        "citation_title": latest.citation_title,
        "legal_form": latest.legal_form,
        "legal_form_name": latest.legal_form_name,
        "purpose": latest.purpose,
        "policy_areas": list(latest.policy_areas),
        "in_force_from": _iso(latest.in_force_from),
        "in_force_until": _iso(latest.in_force_until),
        "decisions": list(latest.decisions),
        "roo_url": latest.roo_url,
        "body_name": latest.body_name,
        "other_participants": others,
        "derived_ict_domains": list(classification.ict),
        "derived_policy_domains": list(classification.policy),
        "evidence": [list(pair) for pair in classification.evidence],
        "source": SOURCE_NAME,
    }
    end = (latest.valid_until or latest.in_force_until) if ended else None
    return OfficialEntry(
        regeling=regeling,
        name=latest.title[:200],
        form=form,
        status=Cooperation.Status.BEEINDIGD if ended else Cooperation.Status.ACTIEF,
        start_date=regeling.start(),
        end_date=end,
        official=official,
        members=members,
    )


def _code_by_name(name: str, merged) -> str:
    """The CBS code of a participant the register names as a municipality without its TOOI id
    ("Gemeente Binnenmaas"), when the name is a current or former Dutch municipality; else ''."""
    if not name.casefold().startswith("gemeente "):
        return ""
    return merged.by_name.get(name[len("gemeente ") :].strip().casefold(), "")


def _version_row(version: gr.RegelingVersion) -> dict:
    return {
        "roo_id": version.roo_id,
        "title": version.title[:500],
        "valid_from": _iso(version.valid_from),
        "valid_until": _iso(version.valid_until),
        "in_force_from": _iso(version.in_force_from),
        "in_force_until": _iso(version.in_force_until),
        "legal_form": version.legal_form,
        "participants": [
            {
                "name": p.name,
                "code": p.code,
                "roo_id": p.roo_id,
                "joined": _iso(p.joined),
                "left": _iso(p.left),
            }
            for p in version.participants
        ],
        "decisions": list(version.decisions),
        "roo_url": version.roo_url[:500],
    }


def _iso(value):
    return value.isoformat() if value else None


def _date(value):
    return dt.date.fromisoformat(value) if value else None


# --- applying ----------------------------------------------------------------------------------


def import_register(
    path=None,
    *,
    register_date: dt.date | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    link_titles: dict[str, str] | None = None,
) -> ImportSummary:
    """Bring the register in line with the GR-register file at `path` (None: the shipped snapshot).
    `link_titles` maps an existing entry's slug to a regeling title it describes (the seed file's
    links). Raises gr.GrFormatError for a broken file; changes nothing then, nor on a dry run."""
    versions = read_versions(path)
    if register_date is None:
        register_date = SNAPSHOT_DATE if path is None else file_date(path)
    summary = ImportSummary(register_date=register_date, versions=len(versions), dry_run=dry_run)
    regelingen = gr.chains(versions)
    try:
        with transaction.atomic():
            _apply(regelingen, summary, progress, link_titles or {})
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return summary


def _apply(regelingen, summary: ImportSummary, progress, link_titles) -> None:
    municipalities = Municipality.objects.in_bulk(field_name="code")
    known = set(municipalities)
    merged = mergers()
    forms = {f.code: f for f in CooperationForm.objects.all()}
    ict = {d.slug: d for d in IctDomain.objects.all()}
    policy = {d.slug: d for d in PolicyDomain.objects.all()}
    by_version = dict(RegisterVersion.objects.values_list("roo_id", "cooperation_id"))
    cooperations = Cooperation.objects.in_bulk(set(by_version.values()))
    linkable = _linkable(link_titles)
    total = len(regelingen)
    for index, regeling in enumerate(regelingen, start=1):
        if progress:
            progress(index, total)
        entry = official_entry(regeling, summary.register_date, known, merged, summary)
        if entry is None:
            continue
        summary.regelingen += 1
        existing = next(
            (
                cooperations[by_version[r]]
                for r in regeling.roo_ids
                if r in by_version and by_version[r] in cooperations
            ),
            None,
        )
        if existing is None:
            existing = _find_link(entry, linkable)
            if existing is not None:
                summary.linked.append(existing.slug)
        if existing is not None and existing.official.get("fingerprint") == entry.fingerprint:
            summary.unchanged += 1
            continue
        _write(entry, existing, summary, municipalities, forms, ict, policy)


def _linkable(link_titles: dict[str, str]) -> dict[str, Cooperation]:
    """Entries not yet linked that may describe a regeling: normalised title -> entry. The seed's
    explicit links, plus every platform entry by its own name (a user's entry named exactly like a
    regeling, sharing a member with it, is that regeling)."""
    result = {}
    for cooperation in Cooperation.objects.filter(
        origin=Cooperation.Origin.PLATFORM, deleted_at__isnull=True
    ):
        result.setdefault(_normal(cooperation.name), cooperation)
        if cooperation.slug in link_titles:
            result[_normal(link_titles[cooperation.slug])] = cooperation
    return result


def _find_link(entry: OfficialEntry, linkable) -> Cooperation | None:
    titles = {_normal(v.title) for v in entry.regeling.versions} | {
        _normal(v.citation_title) for v in entry.regeling.versions if v.citation_title
    }
    for title in titles:
        cooperation = linkable.get(title)
        if cooperation is None:
            continue
        members = set(cooperation.memberships.values_list("municipality__code", flat=True))
        if members & set(entry.members):
            del linkable[title]
            return cooperation
    return None


def _normal(text: str) -> str:
    return slugify(text or "")


def _write(entry: OfficialEntry, cooperation, summary, municipalities, forms, ict, policy) -> None:
    creating = cooperation is None
    linking = not creating and not cooperation.from_register
    was_ended = not creating and cooperation.status == Cooperation.Status.BEEINDIGD
    if creating:
        cooperation = Cooperation(slug=unique_slug(entry.name), domains_confirmed=False)
    before = (
        {}
        if creating
        else {m.municipality.code: m for m in cooperation.memberships.select_related("municipality")}
    )
    cooperation.origin = Cooperation.Origin.REGISTER
    cooperation.name = entry.name
    cooperation.form = forms[entry.form]
    cooperation.form_text = entry.official["legal_form_name"][:300]
    cooperation.status = entry.status
    cooperation.start_date, cooperation.start_precision = entry.start_date, Cooperation.Precision.DAY
    cooperation.end_date, cooperation.end_precision = entry.end_date, Cooperation.Precision.DAY
    cooperation.roo_id = entry.regeling.latest.roo_id
    cooperation.tooi = entry.regeling.latest.tooi[:200]
    cooperation.official = entry.official | {"fingerprint": entry.fingerprint}
    cooperation.register_date = summary.register_date
    cooperation.save()
    summary.writes += 1
    derived_ict = [ict[s] for s in entry.official["derived_ict_domains"] if s in ict]
    derived_policy = [policy[s] for s in entry.official["derived_policy_domains"] if s in policy]
    if not cooperation.domains_confirmed:
        cooperation.domains.set(derived_ict)
        cooperation.policy_domains.set(derived_policy)
    elif not cooperation.policy_domains.exists():
        cooperation.policy_domains.set(derived_policy)
    joined, left = _sync_members(cooperation, entry, before, municipalities)
    summary.writes += 1 + len(entry.members)
    _sync_versions(cooperation, entry)
    summary.writes += len(entry.regeling.versions)
    ended_now = entry.status == Cooperation.Status.BEEINDIGD and not was_ended
    if creating:
        summary.new += 1
    else:
        summary.changed += 1
    if ended_now and not creating:
        summary.ended += 1
    note = _note(summary.register_date, creating, linking, joined, left, ended_now, municipalities)
    history.record(cooperation, "create" if creating else "update", None, note)
    summary.writes += 1


def _sync_members(cooperation, entry: OfficialEntry, before: dict, municipalities):
    """Memberships as the register says; the role a member chose is kept. Returns the codes that
    joined and that left (for the history note)."""
    roles = {code: m.role for code, m in before.items()}
    was_current = {code for code, m in before.items() if m.left_on is None}
    # the register decides who takes part: invitations and removals of a linked entry are moot
    cooperation.member_changes.filter(status=MemberChange.Status.OPEN).update(
        status=MemberChange.Status.WITHDRAWN, decided_at=timezone.now()
    )
    cooperation.memberships.all().delete()
    Membership.objects.bulk_create(
        Membership(
            cooperation=cooperation,
            municipality=municipalities[code],
            role=roles.get(code, Membership.Role.DEELNEMER),
            joined_on=member.joined,
            left_on=member.left,
            official=True,
            former=member.former,
        )
        for code, member in sorted(entry.members.items())
    )
    bump("cooperations")  # bulk writes send no signals (goedebuur.common.cache)
    now_current = {code for code, m in entry.members.items() if m.left is None}
    if not before:
        return [], []
    return sorted(now_current - was_current), sorted(was_current - now_current)


def _sync_versions(cooperation, entry: OfficialEntry) -> None:
    rows = {v.roo_id: _version_row(v) for v in entry.regeling.versions}
    RegisterVersion.objects.filter(roo_id__in=rows).exclude(cooperation=cooperation).delete()
    cooperation.register_versions.exclude(roo_id__in=rows).delete()
    existing = {v.roo_id: v for v in cooperation.register_versions.all()}
    for roo_id, row in rows.items():
        values = {
            k: (_date(v) if k.startswith(("valid", "in_force")) else v)
            for k, v in row.items()
            if k != "roo_id"
        }
        version = existing.get(roo_id)
        if version is None:
            RegisterVersion.objects.create(cooperation=cooperation, roo_id=roo_id, **values)
        elif any(getattr(version, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(version, k, v)
            version.save()


def _note(day, creating, linking, joined, left, ended, municipalities) -> str:
    names = lambda codes: ", ".join(municipalities[c].name for c in codes)  # noqa: E731
    parts = [_("GR-register, peildatum %(date)s") % {"date": format_date(day)}]
    if linking:
        parts.append(_("gekoppeld aan de regeling in het register"))
    if joined:
        parts.append(_("toegetreden: %(names)s") % {"names": names(joined)})
    if left:
        parts.append(_("uitgetreden: %(names)s") % {"names": names(left)})
    if ended:
        parts.append(_("regeling beëindigd"))
    if not creating and not (linking or joined or left or ended):
        parts.append(_("gegevens bijgewerkt"))
    return "; ".join(parts)[:300]
