# SPDX-License-Identifier: EUPL-1.2
"""Feasibility of an achtervang (fallback agreement) for one direction: the host takes over the
guest's services in scope. Every check gives the numbers, a traffic light and a plain Dutch
explanation; the texts stay Dutch because this module has no gettext (pure core).

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

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from goedebuur.core.fallback import restore_schedule as rs

GREEN, AMBER, RED = "groen", "oranje", "rood"
ORDER = {GREEN: 0, AMBER: 1, RED: 2}
LABELS = {GREEN: "haalbaar", AMBER: "krap", RED: "niet haalbaar"}

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
    topic: str  # capaciteit, replicatie, synchronisatie, afstand, hersteltijd
    subject: str
    status: str
    needed: float | None
    available: float | None
    unit: str
    explanation: str


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


def fmt(value: float, decimals: int = 1) -> str:
    """Dutch number: 1234.5 -> '1.234,5'; infinity -> 'oneindig'."""
    if value is None:
        return "onbekend"
    if math.isinf(value):
        return "oneindig"
    text = f"{value:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if decimals and text.endswith("," + "0" * decimals):
        text = text[: -(decimals + 1)]
    return text


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
        ("vCPU", sum(s.vcpu for s in d.services), d.reservation.vcpu, "vCPU"),
        ("RAM", sum(s.ram_gb for s in d.services), d.reservation.ram_gb, "GB"),
        ("opslag", sum(s.data_gb for s in d.services), d.reservation.storage_gb, "GB"),
        ("noodwerkplekken", sum(s.workplaces for s in d.services), d.reservation.workplaces, "werkplekken"),
    ]
    checks = []
    for subject, need, reserved, unit in rows:
        if need <= CAPACITY_HEADROOM * reserved or need == 0:
            status = GREEN
            text = (
                f"{d.host} reserveert {fmt(reserved)} {unit}; de diensten van {d.guest} hebben "
                f"{fmt(need)} {unit} nodig. Dat past, met ruimte over."
            )
        elif need <= reserved:
            status = AMBER
            text = (
                f"{d.guest} heeft {fmt(need)} van de {fmt(reserved)} gereserveerde {unit} nodig "
                f"(meer dan {round(CAPACITY_HEADROOM * 100)} %). Het past, maar er is weinig ruimte voor "
                "groei of extra belasting tijdens een calamiteit."
            )
        else:
            status = RED
            text = (
                f"{d.guest} heeft {fmt(need)} {unit} nodig, {d.host} reserveert maar {fmt(reserved)}. "
                f"Er komt {fmt(need - reserved)} {unit} tekort; {d.host} moet meer reserveren of er "
                "moeten minder diensten worden overgenomen."
            )
        checks.append(Check("capaciteit", subject, status, need, reserved, unit, text))
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
        basis = (
            f"{fmt(s.daily_change_gb)} GB wijzigingen per dag is gemiddeld {fmt(avg, 2)} Mbit/s; "
            f"bij een RPO van {fmt(s.rpo_hours)} uur en piekfactor {fmt(factor, 2)} is "
            f"{fmt(need, 2)} Mbit/s nodig"
        )
        if need > d.link_mbps:
            status = RED
            text = (
                f"{basis}, de verbinding levert {fmt(d.link_mbps)} Mbit/s. De kopie bij {d.host} loopt "
                f"dan meer dan {fmt(s.rpo_hours)} uur achter: de RPO is niet haalbaar. Verhoog de "
                "bandbreedte of spreek een ruimere RPO af."
            )
        else:
            status = GREEN
            text = f"{basis}; de verbinding levert {fmt(d.link_mbps)} Mbit/s."
        checks.append(Check("replicatie", s.name, status, need, d.link_mbps, "Mbit/s", text))
    if d.services:
        if total_avg > d.link_mbps:
            status = RED
            text = (
                f"Alle diensten samen wijzigen gemiddeld {fmt(total_avg, 2)} Mbit/s, meer dan de "
                f"{fmt(d.link_mbps)} Mbit/s van de verbinding: de replicatie raakt steeds verder achter."
            )
        elif total_peak > d.link_mbps:
            status = AMBER
            text = (
                f"Gemiddeld past het ({fmt(total_avg, 2)} Mbit/s), maar in drukke uren is "
                f"{fmt(total_peak, 2)} Mbit/s nodig en levert de verbinding {fmt(d.link_mbps)} Mbit/s: "
                "dan lopen de kopieën achter en worden korte RPO's niet gehaald."
            )
        else:
            status = GREEN
            text = (
                f"Alle diensten samen hebben in drukke uren {fmt(total_peak, 2)} Mbit/s nodig "
                f"(gemiddeld {fmt(total_avg, 2)}); de verbinding levert {fmt(d.link_mbps)} Mbit/s."
            )
        checks.append(
            Check("replicatie", "alle diensten samen", status, total_peak, d.link_mbps, "Mbit/s", text)
        )
    return checks


def _seeding(d: Direction) -> Check:
    volume = sum(s.data_gb for s in d.services)
    hours = seeding_hours(volume, d.link_mbps)
    basis = (
        f"De eerste volledige kopie ({fmt(volume)} GB) duurt over {fmt(d.link_mbps)} Mbit/s "
        f"{fmt(hours)} uur ({fmt(hours / 24)} dagen)"
    )
    if hours <= SEEDING_GREEN_HOURS:
        return Check(
            "synchronisatie",
            "eerste kopie",
            GREEN,
            hours,
            SEEDING_GREEN_HOURS,
            "uur",
            basis + ": dat past in een weekend.",
        )
    if hours <= SEEDING_AMBER_HOURS:
        text = basis + ": langer dan een weekend; plan het in delen of buiten kantooruren."
        return Check("synchronisatie", "eerste kopie", AMBER, hours, SEEDING_AMBER_HOURS, "uur", text)
    text = basis + ": meer dan twee weken. Vervoer de eerste kopie op schijven of verhoog de bandbreedte."
    return Check("synchronisatie", "eerste kopie", RED, hours, SEEDING_AMBER_HOURS, "uur", text)


def _distance(d: Direction) -> Check:
    band = f"{fmt(d.min_km)}-{fmt(d.max_km)} km"
    if d.distance_km is None:
        text = "De afstand is onbekend: vul de coördinaten van beide locaties in."
        return Check("afstand", "locaties", AMBER, None, d.max_km, "km", text)
    km = d.distance_km
    if km < d.min_km:
        text = (
            f"De locaties liggen {fmt(km)} km uit elkaar, minder dan {fmt(d.min_km)} km: één incident "
            "(brand, overstroming, stroomstoring) kan beide treffen (BIO2 8.13.03)."
        )
        return Check("afstand", "locaties", RED, km, d.min_km, "km", text)
    if km > d.max_km:
        text = (
            f"De locaties liggen {fmt(km)} km uit elkaar, verder dan {fmt(d.max_km)} km: gescheiden "
            "risicozones, maar ver voor medewerkers en voor een glasverbinding zonder versterking."
        )
        return Check("afstand", "locaties", AMBER, km, d.max_km, "km", text)
    text = f"De locaties liggen {fmt(km)} km uit elkaar, binnen de band van {band}: gescheiden risicozones en bereikbaar."
    return Check("afstand", "locaties", GREEN, km, d.max_km, "km", text)


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
        basis = f"Herstel van {fmt(s.data_gb)} GB bij {fmt(rate)} Mbit/s per herstelslot duurt {fmt(job.hours)} uur"
        if job.hours > s.rto_hours + rs.EPS:
            status = RED
            text = (
                f"{basis}, langer dan de RTO van {fmt(s.rto_hours)} uur, ook als deze dienst als eerste gaat."
            )
        elif chain[s.key] > s.rto_hours + rs.EPS:
            status = RED
            text = (
                f"{basis}, maar eerst moeten de diensten waarvan hij afhangt terug zijn: op zijn vroegst "
                f"klaar na {fmt(chain[s.key])} uur, later dan de RTO van {fmt(s.rto_hours)} uur."
            )
        elif not entry.met:
            status = AMBER
            text = (
                f"{basis}. In de beste volgorde is hij pas na {fmt(entry.end)} uur terug (RTO "
                f"{fmt(s.rto_hours)} uur), omdat de herstelcapaciteit gedeeld wordt. Meer herstelslots "
                "of meer doorvoer helpt."
            )
        else:
            status = GREEN
            text = f"{basis}; in de geplande volgorde terug na {fmt(entry.end)} uur, binnen de RTO van {fmt(s.rto_hours)} uur."
        checks.append(Check("hersteltijd", s.name, status, entry.end, s.rto_hours, "uur", text))
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
