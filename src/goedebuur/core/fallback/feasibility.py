# SPDX-License-Identifier: EUPL-1.2
"""Feasibility of an achtervang (fallback agreement) for one direction: the host takes over the
guest's services in scope. Every check gives the numbers, a traffic light and a reason code with
the values behind it; the fallback app words them (`goedebuur.fallback.phrases`, with gettext).

Checks
1. Capacity (vCPU, RAM, storage, emergency workplaces): the guest's need against what the host has
   reserved. The reservation is what the host keeps free while running its own services, so the
   host's own load is not counted again. Green up to 80 % of the reservation (room for growth and
   for the overhead of running under stress), amber up to 100 %, red above it.
2. Replication per service: the data changed in the busiest RPO window must cross the link within
   that window, otherwise the copy at the host falls behind by more than the RPO.
   average = daily change / 24 h; effective peak factor = min(peak factor, max(1, 24 h / RPO)):
   municipal systems change most of their data in office hours, so a short window can see the
   stated peak factor (default 3: a day's changes in about 8 office hours), a window of a day or
   longer holds a whole day and needs only the average. Needed = average x effective peak factor.
   Red when one service alone needs more than the link; the total over all services is red when
   even the averages exceed the link, amber when the peaks do (the copy lags in busy hours),
   green otherwise.
3. Initial seeding: the whole data volume over the link. Green within 48 h (a weekend), amber
   within 14 days, red above that (ship disks instead, or raise the bandwidth).
4. Distance between the sites: below the minimum the sites share a risk zone (BIO2 8.13.03: an
   incident at one site must not damage the other), red; above the maximum the site is far for
   staff and for fibre optics, amber. Defaults 5-40 km, as the fallback pairing of the cluster
   optimiser: a local incident (fire, flood of a polder, failure of a substation) rarely reaches
   beyond a few kilometres, and 40 km is the reach of common 10 Gbit/s ER optics on dark fibre
   and about 45 minutes by car.
5. RTO per service, from the restore simulation (`restore_schedule`): red when the restore alone
   (or the chain of dependencies before it) already takes longer than the RTO, amber when it
   misses the RTO only because it shares the restore capacity with other services, green when it
   makes the RTO in the planned order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from goedebuur.core.fallback import restore_schedule as rs

GREEN, AMBER, RED = "groen", "oranje", "rood"
ORDER = {GREEN: 0, AMBER: 1, RED: 2}

DEFAULT_PEAK_FACTOR = 3.0
DEFAULT_MIN_KM = 5.0
DEFAULT_MAX_KM = 40.0
CAPACITY_HEADROOM = 0.8
SEEDING_GREEN_HOURS = 48.0
SEEDING_AMBER_HOURS = 14 * 24.0


@dataclass(frozen=True)
class ServiceSpec:
    key: str
    name: str
    criticality: int  # availability score 1-3
    rto_hours: float
    rpo_hours: float
    data_gb: float
    daily_change_gb: float
    vcpu: float = 0
    ram_gb: float = 0
    workplaces: int = 0
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reservation:
    vcpu: float
    ram_gb: float
    storage_gb: float
    workplaces: int


@dataclass(frozen=True)
class Direction:
    """The host takes over the guest's services."""

    guest: str
    host: str
    services: tuple[ServiceSpec, ...]
    reservation: Reservation
    link_mbps: float
    restore_mbps: float
    restore_slots: int = 1
    distance_km: float | None = None
    min_km: float = DEFAULT_MIN_KM
    max_km: float = DEFAULT_MAX_KM
    peak_factor: float = DEFAULT_PEAK_FACTOR


@dataclass(frozen=True)
class Check:
    """One check: codes and numbers; the app words them (`reason` + `values`)."""

    topic: str  # capaciteit, replicatie, synchronisatie, afstand, hersteltijd (the API's codes)
    subject: str  # a service's name (about_service) or vcpu, ram, storage, workplaces, all, first_copy, sites
    status: str
    needed: float | None
    available: float | None
    unit: str  # vcpu, gb, workplaces, mbps, hours, km
    reason: str  # e.g. capacity_short, replication_fits, distance_too_close, rto_shared
    values: dict = field(default_factory=dict, compare=False)  # the numbers (and names) of the reason
    about_service: bool = False


@dataclass
class Feasibility:
    direction: Direction
    checks: list[Check] = field(default_factory=list)
    schedule: rs.Schedule | None = None

    @property
    def status(self) -> str:
        return worst(c.status for c in self.checks)

    def by_topic(self, topic: str) -> list[Check]:
        return [c for c in self.checks if c.topic == topic]


def worst(statuses) -> str:
    return max(statuses, key=ORDER.__getitem__, default=GREEN)


def average_mbps(daily_change_gb: float) -> float:
    return daily_change_gb * rs.MBIT_PER_GB / 86400.0


def effective_peak(rpo_hours: float, peak_factor: float) -> float:
    if rpo_hours <= 0:
        return peak_factor
    return max(1.0, min(peak_factor, 24.0 / rpo_hours))


def replication_mbps(service: ServiceSpec, peak_factor: float) -> float:
    """Mbit/s needed to keep the copy at the host within the service's RPO in the busiest window."""
    return average_mbps(service.daily_change_gb) * effective_peak(service.rpo_hours, peak_factor)


def seeding_hours(data_gb: float, link_mbps: float) -> float:
    return rs.restore_hours(data_gb, link_mbps)


def _capacity(d: Direction) -> list[Check]:
    rows = [
        ("vcpu", sum(s.vcpu for s in d.services), d.reservation.vcpu, "vcpu"),
        ("ram", sum(s.ram_gb for s in d.services), d.reservation.ram_gb, "gb"),
        ("storage", sum(s.data_gb for s in d.services), d.reservation.storage_gb, "gb"),
        ("workplaces", sum(s.workplaces for s in d.services), d.reservation.workplaces, "workplaces"),
    ]
    checks = []
    for subject, need, reserved, unit in rows:
        if need <= CAPACITY_HEADROOM * reserved or need == 0:
            status, reason = GREEN, "capacity_fits"
        elif need <= reserved:
            status, reason = AMBER, "capacity_tight"
        else:
            status, reason = RED, "capacity_short"
        values = {
            "guest": d.guest,
            "host": d.host,
            "need": need,
            "reserved": reserved,
            "short": need - reserved,
            "headroom": round(CAPACITY_HEADROOM * 100),
        }
        checks.append(Check("capaciteit", subject, status, need, reserved, unit, reason, values))
    return checks


def _replication(d: Direction) -> list[Check]:
    checks = []
    total_avg = total_peak = 0.0
    for s in d.services:
        avg = average_mbps(s.daily_change_gb)
        factor = effective_peak(s.rpo_hours, d.peak_factor)
        need = avg * factor
        total_avg += avg
        total_peak += need
        reason = "replication_too_slow" if need > d.link_mbps else "replication_fits"
        values = {
            "host": d.host,
            "change": s.daily_change_gb,
            "average": avg,
            "rpo": s.rpo_hours,
            "factor": factor,
            "need": need,
            "link": d.link_mbps,
        }
        status = RED if need > d.link_mbps else GREEN
        checks.append(
            Check("replicatie", s.name, status, need, d.link_mbps, "mbps", reason, values, about_service=True)
        )
    if d.services:
        if total_avg > d.link_mbps:
            status, reason = RED, "replication_total_behind"
        elif total_peak > d.link_mbps:
            status, reason = AMBER, "replication_total_peaks"
        else:
            status, reason = GREEN, "replication_total_fits"
        values = {"average": total_avg, "peak": total_peak, "link": d.link_mbps}
        checks.append(Check("replicatie", "all", status, total_peak, d.link_mbps, "mbps", reason, values))
    return checks


def _seeding(d: Direction) -> Check:
    volume = sum(s.data_gb for s in d.services)
    hours = seeding_hours(volume, d.link_mbps)
    values = {"volume": volume, "link": d.link_mbps, "hours": hours, "days": hours / 24}
    if hours <= SEEDING_GREEN_HOURS:
        return Check(
            "synchronisatie",
            "first_copy",
            GREEN,
            hours,
            SEEDING_GREEN_HOURS,
            "hours",
            "seeding_weekend",
            values,
        )
    if hours <= SEEDING_AMBER_HOURS:
        return Check(
            "synchronisatie", "first_copy", AMBER, hours, SEEDING_AMBER_HOURS, "hours", "seeding_long", values
        )
    return Check(
        "synchronisatie", "first_copy", RED, hours, SEEDING_AMBER_HOURS, "hours", "seeding_too_long", values
    )


def _distance(d: Direction) -> Check:
    values = {"km": d.distance_km, "min": d.min_km, "max": d.max_km}
    if d.distance_km is None:
        return Check("afstand", "sites", AMBER, None, d.max_km, "km", "distance_unknown", values)
    km = d.distance_km
    if km < d.min_km:
        return Check("afstand", "sites", RED, km, d.min_km, "km", "distance_too_close", values)
    if km > d.max_km:
        return Check("afstand", "sites", AMBER, km, d.max_km, "km", "distance_too_far", values)
    return Check("afstand", "sites", GREEN, km, d.max_km, "km", "distance_fits", values)


def restore_jobs(d: Direction) -> list[rs.RestoreJob]:
    rate = rs.slot_rate_mbps(d.link_mbps, d.restore_mbps, d.restore_slots)
    return [
        rs.RestoreJob(
            s.key,
            s.name,
            rs.restore_hours(s.data_gb, rate),
            s.rto_hours,
            s.criticality,
            tuple(s.depends_on),
        )
        for s in d.services
    ]


def _chain_hours(jobs: Sequence[rs.RestoreJob]) -> dict[str, float]:
    """Earliest possible end of each job with unlimited slots: its own restore after the longest
    chain of dependencies."""
    by_key = {j.key: j for j in jobs}
    end: dict[str, float] = {}
    for key in rs.topological_order(jobs):
        job = by_key[key]
        end[key] = max((end[d] for d in job.depends_on), default=0.0) + job.hours
    return end


def _rto(d: Direction, schedule: rs.Schedule, jobs: Sequence[rs.RestoreJob]) -> list[Check]:
    chain = _chain_hours(jobs)
    by_key = {j.key: j for j in jobs}
    rate = rs.slot_rate_mbps(d.link_mbps, d.restore_mbps, d.restore_slots)
    checks = []
    for s in d.services:
        job, entry = by_key[s.key], schedule.entry(s.key)
        if job.hours > s.rto_hours + rs.EPS:
            status, reason = RED, "rto_alone_too_slow"
        elif chain[s.key] > s.rto_hours + rs.EPS:
            status, reason = RED, "rto_chain_too_slow"
        elif not entry.met:
            status, reason = AMBER, "rto_shared"
        else:
            status, reason = GREEN, "rto_fits"
        values = {
            "data": s.data_gb,
            "rate": rate,
            "hours": job.hours,
            "rto": s.rto_hours,
            "chain": chain[s.key],
            "end": entry.end,
        }
        checks.append(
            Check(
                "hersteltijd",
                s.name,
                status,
                entry.end,
                s.rto_hours,
                "hours",
                reason,
                values,
                about_service=True,
            )
        )
    return checks


def assess(d: Direction) -> Feasibility:
    """All checks for one direction, with the planner's restore schedule."""
    jobs = restore_jobs(d)
    schedule = rs.best_schedule(jobs, d.restore_slots)
    result = Feasibility(d, schedule=schedule)
    result.checks.extend(_capacity(d))
    result.checks.extend(_replication(d))
    if d.services:
        result.checks.append(_seeding(d))
    result.checks.append(_distance(d))
    result.checks.extend(_rto(d, schedule, jobs))
    return result
