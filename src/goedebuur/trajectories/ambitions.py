# SPDX-License-Identifier: EUPL-1.2
"""Ambitions per partner and their alignment (part of the app's public API, re-exported by
services). The computation is `goedebuur.core.trajectory.alignment`."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goedebuur.core.trajectory import alignment as core
from goedebuur.core.trajectory.workflow import Blocker
from goedebuur.history import services as history
from goedebuur.history.services import expect_revision
from goedebuur.profiles import services as profiles

from .models import Acknowledgement, Ambition, Participant, Trajectory
from .rules import check_may_speak_for


@dataclass
class AlignmentPicture:
    partners: list  # accepted Participant records
    ambitions: dict  # municipality id -> Ambition
    gaps: list  # (code, label, gap) per K, for the chart
    rows: list  # per K: label, gap, [(partner name, score)]
    divergences: list[core.Divergence]
    fingerprint: str
    acknowledged: dict  # municipality id -> bool (acknowledged the current divergences)
    blockers: list[Blocker]
    avoiding: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return bool(self.partners) and len(self.ambitions) == len(self.partners)

    @property
    def partner_rows(self) -> list[dict]:
        return [
            {
                "participant": p,
                "filled": p.municipality_id in self.ambitions,
                "acknowledged": self.acknowledged.get(p.municipality_id, False),
            }
            for p in self.partners
        ]


def _core_ambition(ambition: Ambition) -> core.PartnerAmbition:
    return core.PartnerAmbition(
        partner=ambition.municipality.name,
        scores={code: getattr(ambition, code) for code in core.K_CODES},
        motive=ambition.motive,
        must_haves=core.split_lines(ambition.must_haves),
        deal_breakers=core.split_lines(ambition.deal_breakers),
    )


def picture(trajectory: Trajectory) -> AlignmentPicture:
    partners = list(
        trajectory.participants.filter(status=Participant.Status.ACCEPTED).select_related("municipality")
    )
    partner_ids = {p.municipality_id for p in partners}
    ambitions = {
        a.municipality_id: a
        for a in trajectory.ambitions.select_related("municipality")
        if a.municipality_id in partner_ids
    }
    core_ambitions = [
        _core_ambition(ambitions[p.municipality_id]) for p in partners if p.municipality_id in ambitions
    ]
    found = core.divergences(core_ambitions)
    current = core.fingerprint(found)
    acknowledged_prints = dict(trajectory.acknowledgements.values_list("municipality_id", "fingerprint"))
    names = {p.municipality_id: p.municipality.name for p in partners}
    blockers = core.gate(
        [p.municipality.name for p in partners],
        core_ambitions,
        {names[m]: fp for m, fp in acknowledged_prints.items() if m in names},
    )
    gaps = core.score_gaps(core_ambitions)
    rows = [
        {
            "code": code,
            "label": label,
            "gap": gap,
            "scores": [
                (p.municipality.name, getattr(ambitions[p.municipality_id], code))
                for p in partners
                if p.municipality_id in ambitions
            ],
        }
        for code, label, gap in sorted(gaps, key=lambda g: -g[2])
    ]
    return AlignmentPicture(
        partners=partners,
        ambitions=ambitions,
        gaps=gaps,
        rows=rows,
        divergences=found,
        fingerprint=current,
        acknowledged={m: acknowledged_prints.get(m) == current for m in partner_ids},
        blockers=blockers,
        avoiding=core.avoidance_warnings(core_ambitions),
    )


@transaction.atomic
def ambition_defaults(municipality) -> dict[str, int]:
    """The scores of the four K's the municipality gave in its ICT profile (those it filled in), as
    the starting point of its ambitions in a new trajectory; empty without a profile."""
    profile = profiles.profile_for(municipality)
    scores = {code: getattr(profile, f"ambition_{code}", None) for code, _label in core.FOUR_KS}
    return {code: score for code, score in scores.items() if score is not None}


def save_ambition(trajectory: Trajectory, municipality, values: dict, user, revision=None) -> Ambition:
    """`values`: the four K's (0-5), `motive`, `must_haves`, `deal_breakers` (text, one per line)."""
    check_may_speak_for(user, trajectory, municipality)
    errors = {}
    for code in core.K_CODES:
        value = values.get(code)
        if not isinstance(value, int) or not 0 <= value <= 5:
            errors[code] = [_("Kies een score van 0 tot en met 5.")]
    if values.get("motive") not in Ambition.Motive.values:
        errors["motive"] = [_("Kies het motief: verbeteren of vermijden.")]
    if not trajectory.participants.filter(
        municipality=municipality, status=Participant.Status.ACCEPTED
    ).exists():
        errors["__all__"] = [_("Alleen deelnemende gemeenten vullen ambities in.")]
    if trajectory.state == Trajectory.State.STOPPED:
        errors["__all__"] = [_("Het traject is gestopt.")]
    if errors:
        raise ValidationError(errors)
    ambition = Ambition.objects.filter(trajectory=trajectory, municipality=municipality).first() or Ambition(
        trajectory=trajectory, municipality=municipality
    )
    if ambition.pk:
        expect_revision(ambition, revision)
    for code in core.K_CODES:
        setattr(ambition, code, values[code])
    ambition.motive = values["motive"]
    ambition.must_haves = (values.get("must_haves") or "").strip()
    ambition.deal_breakers = (values.get("deal_breakers") or "").strip()
    ambition.updated_by = user if user is not None and user.is_authenticated else None
    ambition.save()
    trajectory.touch()
    history.record(trajectory, "update", user, _("ambities van %(name)s") % {"name": municipality.name})
    return ambition


@transaction.atomic
def acknowledge(trajectory: Trajectory, municipality, user) -> Acknowledgement:
    """`municipality` has seen and discussed the divergences as they are now."""
    check_may_speak_for(user, trajectory, municipality, acknowledging=True)
    current = picture(trajectory)
    if municipality.pk not in current.ambitions:
        raise ValidationError(_("Vul eerst de ambities van uw gemeente in."))
    if len(current.ambitions) < len(current.partners):
        raise ValidationError(
            _("Nog niet elke partner heeft de ambities ingevuld; bevestig de verschillen daarna.")
        )
    acknowledgement, _created = Acknowledgement.objects.update_or_create(
        trajectory=trajectory,
        municipality=municipality,
        defaults={
            "fingerprint": current.fingerprint,
            "by": user if user is not None and user.is_authenticated else None,
        },
    )
    trajectory.touch()
    history.record(
        trajectory, "update", user, _("verschillen bevestigd door %(name)s") % {"name": municipality.name}
    )
    return acknowledgement
