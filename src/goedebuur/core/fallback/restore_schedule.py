# SPDX-License-Identifier: EUPL-1.2
"""Restore simulation for an achtervang ("site A fails now"): in which order does the host restore
the guest's services so that as many as possible are back within their RTO?

Model
- Time 0 is the moment the decision to fail over is taken; times are in hours.
- Restoring a service means moving its data volume at the effective throughput of one restore slot:
  `min(restore throughput per slot, link / slots)` Mbit/s. The slots share the link equally; this
  is conservative (a slot running alone could use more of the link) and keeps each service's
  restore duration fixed, so the problem is the classic "parallel machines, precedence, number of
  late jobs" (P|prec|ΣU), which is NP-hard in general.
- A service starts only when every service it depends on is restored (e.g. the zaaksysteem needs
  the identity service first).

Algorithms
- One slot and no dependencies: Moore-Hodgson (1968), optimal for the number of RTOs met.
  Jobs in order of due date (EDD); whenever the job just added finishes late, the longest job so
  far is moved to the back. The on-time jobs run first in EDD order, the late ones after them.
- Otherwise a heuristic, documented here because it is not optimal in general:
  1. modified due dates: a service must be finished early enough for the services that depend
     on it (d'_j = min(d_j, min over successors k of d'_k - p_k));
  2. list scheduling: whenever a slot is free, start the ready service (all dependencies done)
     that comes first in the priority list (EDD on the modified due dates);
  3. Moore-Hodgson-style rejection: while a service in the priority part is late, move the
     longest service scheduled before it (with everything that depends on it) to the back of the
     list, and schedule again; keep the better of before and after;
  4. local improvement: try to put each late service that was moved to the back (with the
     services it depends on) into the front part again, keeping each change that meets more RTOs; two
     sweeps at most, so 200 services take well under a few seconds.
  The best of this result, plain EDD and the naive order is returned, so the planner is never
  worse than the naive order it is compared with.
- Naive order, for comparison: by criticality (availability score high to low), then name, with
  the same list scheduling (so dependencies hold there too)."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MBIT_PER_GB = 8000.0  # 1 GB = 10^9 bytes = 8,000 Mbit
EPS = 1e-9
IMPROVEMENT_SWEEPS = 2


class ScheduleError(ValueError):
    """Input that cannot be scheduled: `reason` is no_slots, duplicate, unknown_dependency,
    self_dependency or cycle; `names` the services concerned (for unknown_dependency: the service
    and the unknown key). The app words it."""

    def __init__(self, reason: str, names: Sequence[str] = ()):
        self.reason = reason
        self.names = tuple(names)
        super().__init__(f"{reason}: {', '.join(self.names)}" if self.names else reason)


@dataclass(frozen=True)
class RestoreJob:
    key: str
    name: str
    hours: float  # restore duration
    rto_hours: float
    criticality: int = 2  # availability score 1-3 (B of BIV)
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduledRestore:
    key: str
    name: str
    slot: int
    start: float
    end: float
    rto_hours: float
    criticality: int

    @property
    def met(self) -> bool:
        return self.end <= self.rto_hours + EPS

    @property
    def late_hours(self) -> float:
        return max(0.0, self.end - self.rto_hours)

    @property
    def slot_number(self) -> int:
        """The slot counted from 1, as people count."""
        return self.slot + 1


@dataclass
class Schedule:
    method: str
    entries: list[ScheduledRestore] = field(default_factory=list)
    _quality: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def met_count(self) -> int:
        return sum(e.met for e in self.entries)

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def by_start(self) -> list[ScheduledRestore]:
        """The entries in the order they start (then by key)."""
        return sorted(self.entries, key=lambda e: (e.start, e.key))

    @property
    def missed(self) -> list[ScheduledRestore]:
        return [e for e in self.entries if not e.met]

    @property
    def makespan(self) -> float:
        return max((e.end for e in self.entries), default=0.0)

    @property
    def total_lateness(self) -> float:
        return sum(e.late_hours for e in self.entries)

    def entry(self, key: str) -> ScheduledRestore:
        return next(e for e in self.entries if e.key == key)

    def quality(self) -> tuple:
        """Higher is better: more RTOs met, then less total lateness, then a shorter makespan.
        Computed once per schedule (the planner compares many)."""
        if self._quality is None or self._quality[0] != len(self.entries):
            met = late = end = 0.0
            for e in self.entries:
                over = e.end - e.rto_hours
                if over <= EPS:
                    met += 1
                else:
                    late += over
                end = max(end, e.end)
            self._quality = (len(self.entries), (int(met), -round(late, 9), -round(end, 9)))
        return self._quality[1]


def slot_rate_mbps(link_mbps: float, restore_mbps: float, slots: int) -> float:
    """Effective throughput of one restore slot: the host's restore rate, at most an equal share
    of the link."""
    if slots < 1:
        raise ScheduleError("no_slots")
    return min(restore_mbps, link_mbps / slots)


def restore_hours(data_gb: float, rate_mbps: float) -> float:
    """Hours to move `data_gb` at `rate_mbps`; 0 for no data, infinite for no throughput."""
    if data_gb <= 0:
        return 0.0
    if rate_mbps <= 0:
        return math.inf
    if math.isinf(rate_mbps):
        return 0.0
    return data_gb * MBIT_PER_GB / rate_mbps / 3600.0


def _check(jobs: Sequence[RestoreJob]) -> dict[str, RestoreJob]:
    by_key = {j.key: j for j in jobs}
    if len(by_key) != len(jobs):
        raise ScheduleError("duplicate")
    for job in jobs:
        for dep in job.depends_on:
            if dep not in by_key:
                raise ScheduleError("unknown_dependency", (job.name, dep))
            if dep == job.key:
                raise ScheduleError("self_dependency", (job.name,))
    topological_order(jobs)
    return by_key


def topological_order(jobs: Sequence[RestoreJob]) -> list[str]:
    """Keys in an order where every service comes after its dependencies (Kahn). Raises
    ScheduleError on a cycle, naming the services in it."""
    indegree = {j.key: len(set(j.depends_on)) for j in jobs}
    children: dict[str, list[str]] = {j.key: [] for j in jobs}
    for job in jobs:
        for dep in set(job.depends_on):
            children.setdefault(dep, []).append(job.key)
    ready = sorted(k for k, n in indegree.items() if n == 0)
    order: list[str] = []
    while ready:
        key = ready.pop(0)
        order.append(key)
        for child in children.get(key, []):
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
        ready.sort()
    if len(order) != len(jobs):
        names = sorted(j.name for j in jobs if j.key not in set(order))
        raise ScheduleError("cycle", names)
    return order


def list_schedule(jobs: Sequence[RestoreJob], priority: Sequence[str], slots: int, method: str) -> Schedule:
    """Whenever a slot is free, start the ready job that comes first in `priority`."""
    by_key = {j.key: j for j in jobs}
    rank = {key: i for i, key in enumerate(priority)}
    waiting = {j.key: set(j.depends_on) for j in jobs}
    children: dict[str, list[str]] = {j.key: [] for j in jobs}
    for job in jobs:
        for dep in set(job.depends_on):
            children[dep].append(job.key)
    ready = [(rank[k], k) for k, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    free = [(0.0, s) for s in range(slots)]  # (time the slot is free, slot number)
    heapq.heapify(free)
    running: list[tuple[float, str]] = []  # (end, key)
    entries = []
    while ready or running:
        if ready:
            now, slot = heapq.heappop(free)
            # Finish what is done by then, so that its dependents can compete for this slot.
            while running and running[0][0] <= now + EPS:
                _release(heapq.heappop(running)[1], waiting, children, ready, rank)
            _, key = heapq.heappop(ready)
            job = by_key[key]
            end = now + job.hours
            entries.append(ScheduledRestore(key, job.name, slot, now, end, job.rto_hours, job.criticality))
            heapq.heappush(running, (end, key))
            heapq.heappush(free, (end, slot))
        else:
            end, key = heapq.heappop(running)
            _release(key, waiting, children, ready, rank)
            # Slots idle until now become free at `end` at the earliest.
            free = [(max(t, end), s) for t, s in free]
            heapq.heapify(free)
    return Schedule(method, entries)


def _release(key, waiting, children, ready, rank):
    for child in children[key]:
        waiting[child].discard(key)
        if not waiting[child]:
            heapq.heappush(ready, (rank[child], child))


def moore_hodgson(jobs: Sequence[RestoreJob]) -> list[str]:
    """Optimal order for one slot without dependencies: the most jobs finish by their due date."""
    on_time: list[RestoreJob] = []
    heap: list[tuple[float, str]] = []  # max-heap on duration
    elapsed = 0.0
    late: list[RestoreJob] = []
    by_key = {j.key: j for j in jobs}
    for job in sorted(jobs, key=lambda j: (j.rto_hours, j.hours, j.key)):
        on_time.append(job)
        heapq.heappush(heap, (-job.hours, job.key))
        elapsed += job.hours
        if elapsed > job.rto_hours + EPS:
            _, longest = heapq.heappop(heap)
            elapsed -= by_key[longest].hours
            late.append(by_key[longest])
            on_time = [j for j in on_time if j.key != longest]
    late.sort(key=lambda j: (j.rto_hours, j.hours, j.key))
    return [j.key for j in on_time] + [j.key for j in late]


def naive_order(jobs: Sequence[RestoreJob]) -> list[str]:
    return [j.key for j in sorted(jobs, key=lambda j: (-j.criticality, j.name, j.key))]


def naive_schedule(jobs: Sequence[RestoreJob], slots: int = 1) -> Schedule:
    """Restore by criticality (availability high to low), then by name; dependencies respected."""
    _check(jobs)
    return list_schedule(jobs, naive_order(jobs), slots, "naief")


def modified_due_dates(jobs: Sequence[RestoreJob]) -> dict[str, float]:
    by_key = {j.key: j for j in jobs}
    due = {j.key: j.rto_hours for j in jobs}
    children: dict[str, list[str]] = {j.key: [] for j in jobs}
    for job in jobs:
        for dep in set(job.depends_on):
            children[dep].append(job.key)
    for key in reversed(topological_order(jobs)):
        for child in children[key]:
            due[key] = min(due[key], due[child] - by_key[child].hours)
    return due


def _descendants(key: str, children: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), [key]
    while stack:
        for child in children[stack.pop()]:
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def _ancestors(key: str, parents: dict[str, set[str]]) -> set[str]:
    seen, stack = set(), [key]
    while stack:
        for parent in parents[stack.pop()]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def _heuristic(jobs: Sequence[RestoreJob], slots: int) -> Schedule:
    by_key = {j.key: j for j in jobs}
    due = modified_due_dates(jobs)
    edd = sorted(by_key, key=lambda k: (due[k], by_key[k].hours, k))
    children: dict[str, list[str]] = {j.key: [] for j in jobs}
    for job in jobs:
        for dep in set(job.depends_on):
            children[dep].append(job.key)

    def run(back: set[str]) -> Schedule:
        order = [k for k in edd if k not in back] + [k for k in edd if k in back]
        return list_schedule(jobs, order, slots, "planner")

    back: set[str] = set()
    current = best = run(back)
    best_back: set[str] = set()
    # 3. Rejection: move the longest job before the first late front job to the back.
    for _ in range(len(jobs)):
        front_late = sorted(
            (e for e in current.entries if not e.met and e.key not in back), key=lambda e: e.end
        )
        if not front_late:
            break
        first = front_late[0]
        before = [
            e for e in current.entries if e.key not in back and (e.start < first.end - EPS or e is first)
        ]
        victim = max(before, key=lambda e: (by_key[e.key].hours, e.key))
        back = back | {victim.key} | _descendants(victim.key, children)
        current = run(back)
        if current.quality() > best.quality():
            best, best_back = current, set(back)
    back = best_back
    # 4. Local improvement: bring a service (with what it depends on) back to the front where that
    # meets more RTOs; at most IMPROVEMENT_SWEEPS passes over the moved services, so the time stays
    # bounded (about n^2 list schedules in the worst case).
    parents = {j.key: set(j.depends_on) for j in jobs}
    for _ in range(IMPROVEMENT_SWEEPS):
        improved = False
        late = {e.key for e in best.entries if not e.met}
        for key in sorted(back & late):  # a moved service already on time gains nothing
            if key not in back:
                continue
            trial = back - ({key} | _ancestors(key, parents))
            candidate = run(trial)
            if candidate.quality() > best.quality():
                back, best, improved = trial, candidate, True
        if not improved:
            break
    return best


def best_schedule(jobs: Sequence[RestoreJob], slots: int = 1) -> Schedule:
    """The planner's schedule (see the module docstring for the method)."""
    _check(jobs)
    if not jobs:
        return Schedule("planner")
    has_deps = any(j.depends_on for j in jobs)
    if slots == 1 and not has_deps:
        return list_schedule(jobs, moore_hodgson(jobs), 1, "moore-hodgson")
    due = modified_due_dates(jobs)
    edd = sorted((j.key for j in jobs), key=lambda k: (due[k], k))
    candidates = [
        _heuristic(jobs, slots),
        list_schedule(jobs, edd, slots, "edd"),
        naive_schedule(jobs, slots),
    ]
    best = max(candidates, key=lambda s: s.quality())
    return Schedule("planner", best.entries)


def jobs_from(
    services: Iterable[tuple[str, str, float, float, int, tuple[str, ...]]], rate_mbps: float
) -> list[RestoreJob]:
    """RestoreJobs from (key, name, data_gb, rto_hours, criticality, depends_on) at one slot rate."""
    return [
        RestoreJob(key, name, restore_hours(data_gb, rate_mbps), rto, crit, tuple(deps))
        for key, name, data_gb, rto, crit, deps in services
    ]
