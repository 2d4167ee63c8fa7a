# SPDX-License-Identifier: EUPL-1.2
"""The feasibility check and restore simulation of an agreement (with its common-mode risk, `common_mode`), per direction (a guest fails, the
other party hosts its services), built on the pure core (`goedebuur.core.fallback.feasibility`,
`goedebuur.core.fallback.restore_schedule`). Reads only; the wording is in `fallback.phrases`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from goedebuur.core.fallback import feasibility as ff
from goedebuur.core.fallback import restore_schedule as rs

from .agreements import distance_km
from .common_mode import CommonModeReport, agreement_common_mode
from .models import Agreement
from .phrases import PhrasedCheck, optimality, phrase


def direction_for(agreement: Agreement, guest, *, link_mbps: float | None = None) -> ff.Direction:
    """The core input for `guest`'s services hosted by the other party."""
    host = agreement.other(guest)
    suffix = "a" if host.pk == agreement.party_a_id else "b"
    services = agreement.services.filter(guest=guest).prefetch_related("depends_on")
    return ff.Direction(
        guest=guest.name,
        host=host.name,
        services=tuple(
            ff.ServiceSpec(
                str(s.pk),
                s.name,
                s.beschikbaarheid,
                float(s.rto_hours),
                float(s.rpo_hours),
                float(s.data_gb),
                float(s.daily_change_gb),
                float(s.vcpu),
                float(s.ram_gb),
                s.workplaces,
                tuple(str(d.pk) for d in s.depends_on.all()),
            )
            for s in services
        ),
        reservation=ff.Reservation(
            vcpu=getattr(agreement, f"reserved_vcpu_{suffix}"),
            ram_gb=getattr(agreement, f"reserved_ram_gb_{suffix}"),
            storage_gb=getattr(agreement, f"reserved_storage_gb_{suffix}"),
            workplaces=getattr(agreement, f"reserved_workplaces_{suffix}"),
        ),
        link_mbps=float(agreement.link_mbps if link_mbps is None else link_mbps),
        restore_mbps=float(agreement.restore_mbps),
        restore_slots=agreement.restore_slots,
        distance_km=distance_km(agreement),
        min_km=float(agreement.min_km),
        max_km=float(agreement.max_km),
        peak_factor=float(agreement.peak_factor),
    )


@dataclass
class DirectionResult:
    guest: object  # Municipality
    host: object
    feasibility: ff.Feasibility
    naive: rs.Schedule

    @property
    def best(self) -> rs.Schedule:
        return self.feasibility.schedule

    @property
    def checks(self) -> list[PhrasedCheck]:
        """The checks in words (active language)."""
        return [phrase(c) for c in self.feasibility.checks]

    @property
    def optimality(self) -> str:
        """The planned order's optimality in words (active language)."""
        return optimality(self.best)

    @property
    def gain(self) -> int:
        return self.best.met_count - self.naive.met_count


def assess(agreement: Agreement) -> list[DirectionResult]:
    """Feasibility, planned restore order and naive order, per guest of the agreement."""
    results = []
    for guest in agreement.guests():
        direction = direction_for(agreement, guest)
        feasibility = ff.assess(direction)
        naive = rs.naive_schedule(ff.restore_jobs(direction), direction.restore_slots)
        results.append(DirectionResult(guest, agreement.other(guest), feasibility, naive))
    return results


def overall_status(results: list[DirectionResult]) -> str:
    return ff.worst(r.feasibility.status for r in results)


def rate_per_slot(agreement: Agreement) -> float:
    return rs.slot_rate_mbps(agreement.link_mbps, agreement.restore_mbps, agreement.restore_slots)


def is_finite(value: float) -> bool:
    return not math.isinf(value)


@dataclass
class Report:
    """An agreement with the assessment of each direction (what the presenters show)."""

    agreement: Agreement
    results: list[DirectionResult]

    @property
    def status(self) -> str:
        return overall_status(self.results)

    @property
    def distance_km(self) -> float:
        return distance_km(self.agreement)

    @property
    def rate_per_slot(self) -> float:
        return rate_per_slot(self.agreement)

    @cached_property
    def common_mode(self) -> CommonModeReport:
        """Can both fail together (`common_mode`)? Apart from the traffic light of the directions."""
        return agreement_common_mode(self.agreement)


def report(agreement: Agreement, results: list[DirectionResult] | None = None) -> Report:
    return Report(agreement, assess(agreement) if results is None else results)
