# SPDX-License-Identifier: EUPL-1.2
"""What the pages show of the data the GR-register import stored in `Cooperation.official`: dates as
dates, the other participants, and where a derived domain was read (the classification's evidence,
see `goedebuur.core.register.domains`) in words."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Cooperation

EVIDENCE_SOURCES = {
    "title": _("titel"),
    "purpose": _("doel"),
    "policy_area": _("beleidsterrein"),
    "body_name": _("naam van het uitvoerende orgaan"),
    "legal_form": _("rechtsvorm"),
}


@dataclass
class OtherParticipant:
    name: str
    joined: dt.date | None
    left: dt.date | None
    former_municipality: bool


@dataclass
class Official:
    title: str
    abbreviation: str
    legal_form: str
    legal_form_name: str
    purpose: str
    policy_areas: list[str]
    in_force_from: dt.date | None
    in_force_until: dt.date | None
    decisions: list[str]
    roo_url: str
    body_name: str
    source: str
    other_participants: list[OtherParticipant] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)


def official(cooperation: Cooperation) -> Official | None:
    """The register's data of an entry from the GR-register (None for a platform entry)."""
    data = cooperation.official
    if not cooperation.from_register or not data:
        return None
    return Official(
        title=data.get("title", ""),
        abbreviation=data.get("abbreviation", ""),
        legal_form=data.get("legal_form", ""),
        legal_form_name=data.get("legal_form_name", "").strip("'\""),
        purpose=data.get("purpose", ""),
        policy_areas=list(data.get("policy_areas", [])),
        in_force_from=_date(data.get("in_force_from")),
        in_force_until=_date(data.get("in_force_until")),
        decisions=list(data.get("decisions", [])),
        roo_url=data.get("roo_url", ""),
        body_name=data.get("body_name", ""),
        source=data.get("source", ""),
        other_participants=[
            OtherParticipant(
                p.get("name", ""),
                _date(p.get("joined")),
                _date(p.get("left")),
                bool(p.get("former_municipality")),
            )
            for p in data.get("other_participants", [])
        ],
        evidence=evidence(data),
    )


def evidence(data: dict) -> list[tuple[str, str]]:
    """(where, what) pairs of the evidence for the derived domains, e.g. ("titel", "ICT")."""
    return [(EVIDENCE_SOURCES.get(source, source), text) for source, text in data.get("evidence", [])]


def _date(value):
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None
