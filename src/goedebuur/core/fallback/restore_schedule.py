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

Objective (`Schedule.quality`): the most RTOs met; among those, the least total lateness (hours past
the RTO, summed over the late services); then the earliest end of the last restore. A service
without data takes no slot time (it is back as soon as its dependencies are).

Algorithms (docs/decisions.md, "Restore scheduler")
- Up to EXACT_MAX_SERVICES services: CP-SAT (OR-Tools) on the times in whole seconds (`_exact`), the
  RTOs met first, then the tie-breakers; the solver's order is placed on the real times by the serial
  scheme (`serial_schedule`). `Schedule.status` says what was proven, `bound_met` bounds the RTOs met.
- Otherwise (and as the solver's first solution) a heuristic, not optimal in general:
  0. one slot and no dependencies: Moore-Hodgson (1968), optimal for the number of RTOs met. Jobs in
     order of due date (EDD); whenever the job just added finishes late, the longest job so far is
     moved to the back;
  1. modified due dates: a service must be finished early enough for the services that depend
     on it (d'_j = min(d_j, min over successors k of d'_k - p_k));
  2. list scheduling: whenever a slot is free, start the ready service (all dependencies done)
     that comes first in the priority list (EDD on the modified due dates);
  3. Moore-Hodgson-style rejection: while a service in the priority part is late, move the
     longest service scheduled before it (with everything that depends on it) to the back of the
     list, and schedule again; keep the better of before and after;
  4. local improvement: try to put each late service that was moved to the back (with the
     services it depends on) into the front part again, keeping each change that meets more RTOs;
     two sweeps at most. Steps 3-4 run within a budget of HEURISTIC_WORK / n list schedules.
  The best of this result, plain EDD and the naive order is used, so the planner is never worse
  than the naive order it is compared with; `met_upper_bound` gives its bound.
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
# The heuristic evaluates at most max(MIN_EVALUATIONS, HEURISTIC_WORK / n) list schedules (each
# O(n log n)), so 500 services stay well under a second (about 0.3 s of CPU); below about 150
# services the heuristic of before issue 19 (at most about 3n list schedules) fits in it unchanged.
HEURISTIC_WORK = 250_000
MIN_EVALUATIONS = 60
# The exact method (CP-SAT, OR-Tools) for up to this many services, within SOLVER_SECONDS of wall
# time per schedule (CP-SAT's default portfolio of SOLVER_WORKERS threads). An instance it proves
# within the limit gives the same optimum every time; one that hits the limit may vary between runs.
EXACT_MAX_SERVICES = 40
SOLVER_SECONDS = 1.0
TIEBREAK_SHARE = 0.25  # of those, at most this share for the tie-breakers (lateness, end)
SOLVER_WORKERS = 8
SECONDS_PER_HOUR = 3600
# Codes of Schedule.status: the objective proven optimal; the RTOs met proven maximal (lateness or
# end possibly not minimal); not proven (bound_met is then an upper bound on the RTOs met).
STATUSES = ("optimal", "max_met", "bound")


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
    status: str | None = None  # one of STATUSES for the planner's schedule; None for the naive one
    bound_met: int | None = None  # upper bound on the RTOs any schedule meets (planner only)
    _quality: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def gap(self) -> int | None:
        """RTOs that a better schedule might meet at most (0 when the RTOs met are maximal)."""
        return None if self.bound_met is None else self.bound_met - self.met_count

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


class _Instance:
    """The jobs as index arrays (the planner evaluates thousands of list schedules: no objects per run)."""

    def __init__(self, jobs: Sequence[RestoreJob]):
        self.jobs = list(jobs)
        self.n = len(self.jobs)
        self.keys = [j.key for j in self.jobs]
        self.index = {k: i for i, k in enumerate(self.keys)}
        self.hours = [j.hours for j in self.jobs]
        self.rto = [j.rto_hours for j in self.jobs]
        self.parents = [sorted({self.index[d] for d in j.depends_on}) for j in self.jobs]
        self.children: list[list[int]] = [[] for _ in self.jobs]
        for i, parents in enumerate(self.parents):
            for p in parents:
                self.children[p].append(i)
        self.indegree = [len(p) for p in self.parents]
        self.evaluations = 0

    def run(self, order: Sequence[int], slots: int) -> tuple[tuple, list[float], list[float], list[int]]:
        """List scheduling (see `list_schedule`) of the indices in priority `order`: the quality
        (as `Schedule.quality`) and the start, end and slot of each job."""
        self.evaluations += 1
        n, hours, children = self.n, self.hours, self.children
        rank = [0] * n
        for position, i in enumerate(order):
            rank[i] = position
        waiting = self.indegree.copy()
        ready = [(rank[i], i) for i in range(n) if not waiting[i]]
        heapq.heapify(ready)
        free = [(0.0, s) for s in range(slots)]
        running: list[tuple[float, int]] = []
        start, end, slot_of = [0.0] * n, [0.0] * n, [0] * n
        pop, push = heapq.heappop, heapq.heappush
        while ready or running:
            if ready:
                now, slot = pop(free)
                while running and running[0][0] <= now + EPS:
                    for child in children[pop(running)[1]]:
                        waiting[child] -= 1
                        if not waiting[child]:
                            push(ready, (rank[child], child))
                _, i = pop(ready)
                finish = now + hours[i]
                start[i], end[i], slot_of[i] = now, finish, slot
                push(running, (finish, i))
                push(free, (finish, slot))
            else:
                finish, i = pop(running)
                for child in children[i]:
                    waiting[child] -= 1
                    if not waiting[child]:
                        push(ready, (rank[child], child))
                free = [(max(t, finish), s) for t, s in free]
                heapq.heapify(free)
        return self.quality(end), start, end, slot_of

    def quality(self, end: Sequence[float]) -> tuple:
        met, late, last = 0, 0.0, 0.0
        for finish, rto in zip(end, self.rto, strict=True):
            over = finish - rto
            if over <= EPS:
                met += 1
            else:
                late += over
            if finish > last:
                last = finish
        return (met, -round(late, 9), -round(last, 9))

    def schedule(self, start, end, slot_of, method: str) -> Schedule:
        return Schedule(
            method,
            [
                ScheduledRestore(j.key, j.name, slot_of[i], start[i], end[i], j.rto_hours, j.criticality)
                for i, j in enumerate(self.jobs)
            ],
        )


def list_schedule(jobs: Sequence[RestoreJob], priority: Sequence[str], slots: int, method: str) -> Schedule:
    """Whenever a slot is free, start the ready job that comes first in `priority`."""
    instance = _Instance(jobs)
    _, start, end, slot_of = instance.run([instance.index[k] for k in priority], slots)
    return instance.schedule(start, end, slot_of, method)


def serial_schedule(jobs: Sequence[RestoreJob], order: Sequence[str], slots: int, method: str) -> Schedule:
    """The serial schedule generation scheme: each job in `order` (dependencies first) starts at the
    earliest time at which its dependencies are restored and fewer than `slots` jobs run during its
    whole restore, without moving the jobs placed before it (so it may fill a gap). Over all orders
    this yields every active schedule, a set that holds an optimum of every objective that never
    improves when a restore ends later (Kolisch 1996), such as `Schedule.quality`. Slots are assigned
    afterwards (interval partitioning: at most `slots` restores overlap at any time). A service
    without data takes no time on a slot: it is back as soon as its dependencies are."""
    by_key = {j.key: j for j in jobs}
    start: dict[str, float] = {}
    end: dict[str, float] = {}
    placed: list[tuple[float, float]] = []
    for key in _dependencies_first(jobs, order):
        job = by_key[key]
        earliest = max((end[d] for d in job.depends_on), default=0.0)
        start[key] = _earliest_fit(placed, earliest, job.hours, slots)
        end[key] = start[key] + job.hours
        placed.append((start[key], end[key]))
    return _with_slots(jobs, start, end, slots, method)


def _dependencies_first(jobs: Sequence[RestoreJob], order: Sequence[str]) -> list[str]:
    """`order`, with each service moved after what it depends on where needed (a service without
    data can start at the same moment as, or a rounding error before, the end of its dependency)."""
    position = {k: i for i, k in enumerate(order)}
    waiting = {j.key: len(set(j.depends_on)) for j in jobs}
    children: dict[str, list[str]] = {j.key: [] for j in jobs}
    for job in jobs:
        for dep in set(job.depends_on):
            children[dep].append(job.key)
    ready = [(position[k], k) for k, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    result = []
    while ready:
        _, key = heapq.heappop(ready)
        result.append(key)
        for child in children[key]:
            waiting[child] -= 1
            if not waiting[child]:
                heapq.heappush(ready, (position[child], child))
    return result


def _earliest_fit(placed: list[tuple[float, float]], earliest: float, hours: float, slots: int) -> float:
    if hours <= EPS:
        return earliest  # nothing (or a rounding error) to restore: no slot time, as in the solver
    candidates = sorted({earliest} | {b for _, b in placed if b > earliest})
    for t in candidates:
        finish = t + hours
        # The load is highest at t or at a start inside (t, finish).
        points = [t] + [a for a, _ in placed if t < a < finish - EPS]
        if all(sum(1 for a, b in placed if a <= x + EPS and b > x + EPS) < slots for x in points):
            return t
    raise AssertionError("the end of the last restore always fits")  # pragma: no cover


def _with_slots(jobs, start: dict, end: dict, slots: int, method: str) -> Schedule:
    free_at = [0.0] * slots
    slot_of: dict[str, int] = {}
    for key in sorted(start, key=lambda k: (start[k], end[k], k)):
        slot = min(range(slots), key=lambda s: (free_at[s] > start[key] + EPS, s))
        slot_of[key] = slot
        free_at[slot] = max(free_at[slot], end[key])
    return Schedule(
        method,
        [
            ScheduledRestore(
                j.key, j.name, slot_of[j.key], start[j.key], end[j.key], j.rto_hours, j.criticality
            )
            for j in jobs
        ],
    )


def exhaustive_schedule(jobs: Sequence[RestoreJob], slots: int = 1) -> Schedule:
    """The best schedule by `Schedule.quality` over ALL orders that respect the dependencies, each
    placed by `serial_schedule`: the exact optimum by enumeration, for checking the planner on
    small instances (up to about 8 services: 8! orders)."""
    _check(jobs)
    parents = {j.key: set(j.depends_on) for j in jobs}
    best: Schedule | None = None

    def extend(order: list[str], done: set[str]):
        nonlocal best
        if len(order) == len(jobs):
            candidate = serial_schedule(jobs, order, slots, "exhaustive")
            if best is None or candidate.quality() > best.quality():
                best = candidate
            return
        for job in jobs:
            if job.key not in done and parents[job.key] <= done:
                order.append(job.key)
                done.add(job.key)
                extend(order, done)
                order.pop()
                done.discard(job.key)

    extend([], set())
    return best if best is not None else Schedule("exhaustive")


def moore_hodgson(jobs: Sequence[RestoreJob]) -> list[str]:
    """Optimal order for one slot without dependencies: the most jobs finish by their due date."""
    on_time = _moore_hodgson_on_time([(j.hours, j.rto_hours, j.key) for j in jobs])
    ordered = sorted(jobs, key=lambda j: (j.rto_hours, j.hours, j.key))
    return [j.key for j in ordered if j.key in on_time] + [j.key for j in ordered if j.key not in on_time]


def _moore_hodgson_on_time(items: Iterable[tuple[float, float, str]]) -> set[str]:
    """The keys of a largest set of (duration, due, key) items that all finish in time one after
    the other (Moore-Hodgson: EDD, dropping the longest job whenever the last one is late)."""
    heap: list[tuple[float, str]] = []  # max-heap on duration
    on_time: set[str] = set()
    elapsed = 0.0
    for hours, due, key in sorted(items, key=lambda t: (t[1], t[0], t[2])):
        on_time.add(key)
        heapq.heappush(heap, (-hours, key))
        elapsed += hours
        if elapsed > due + EPS:
            longest, dropped = heapq.heappop(heap)
            elapsed += longest
            on_time.discard(dropped)
    return on_time


def met_upper_bound(jobs: Sequence[RestoreJob], slots: int) -> int:
    """An upper bound on the RTOs any schedule meets (a relaxation, cheap for any size): a service
    whose restore, after the longest chain of services it depends on, ends past its RTO is always
    late; of the others, the services restored by a time t need at most `slots` x t hours of work
    together, so at most as many as Moore-Hodgson fits on one slot `slots` times as fast."""
    instance = _Instance(jobs)
    head = [0.0] * instance.n
    for key in topological_order(jobs):
        i = instance.index[key]
        head[i] = max((head[p] + instance.hours[p] for p in instance.parents[i]), default=0.0)
    possible = [
        (instance.hours[i] / slots, instance.rto[i], instance.keys[i])
        for i in range(instance.n)
        if head[i] + instance.hours[i] <= instance.rto[i] + EPS
    ]
    return len(_moore_hodgson_on_time(possible))


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


def _closure(i: int, links: list[list[int]]) -> set[int]:
    seen, stack = set(), [i]
    while stack:
        for j in links[stack.pop()]:
            if j not in seen:
                seen.add(j)
                stack.append(j)
    return seen


def _heuristic(instance: _Instance, slots: int, budget: int):
    """Steps 1-4 of the heuristic (module docstring), at most `budget` list schedules. Returns
    (quality, start, end, slot) of the best list schedule found."""
    jobs, n = instance.jobs, instance.n
    due_by_key = modified_due_dates(jobs)
    due = [due_by_key[k] for k in instance.keys]
    edd = sorted(range(n), key=lambda i: (due[i], instance.hours[i], instance.keys[i]))
    hours, rto, keys = instance.hours, instance.rto, instance.keys

    def run(back: set[int]):
        order = [i for i in edd if i not in back] + [i for i in edd if i in back]
        return instance.run(order, slots)

    used = 0
    back: set[int] = set()
    current = best = run(back)
    best_back: set[int] = set()
    # 3. Rejection: move the longest job before the first late front job to the back. When the
    # budget is smaller than the services (hundreds of them), several late front jobs are handled
    # per list schedule, each in order of its end, with the longest job before it.
    batch = max(1, math.ceil(2 * n / budget))
    for _ in range(n):
        if used >= budget:
            break
        _, start, end, _ = current
        front_late = sorted(
            (i for i in range(n) if i not in back and end[i] - rto[i] > EPS), key=lambda i: (end[i], keys[i])
        )
        if not front_late:
            break
        moved: set[int] = set()
        for first in front_late[:batch]:
            if first in moved:
                continue
            before = [
                i
                for i in range(n)
                if i not in back and i not in moved and (start[i] < end[first] - EPS or i == first)
            ]
            victim = max(before, key=lambda i: (hours[i], keys[i]))
            moved |= {victim} | _closure(victim, instance.children)
        back = back | moved
        current = run(back)
        used += 1
        if current[0] > best[0]:
            best, best_back = current, set(back)
    back = best_back
    # 4. Local improvement: bring a service (with what it depends on) back to the front where that
    # meets more RTOs; at most IMPROVEMENT_SWEEPS passes over the moved services.
    for _ in range(IMPROVEMENT_SWEEPS):
        improved = False
        end = best[2]
        late = {i for i in range(n) if end[i] - rto[i] > EPS}
        for i in sorted(back & late, key=lambda i: keys[i]):  # a moved service on time gains nothing
            if i not in back or used >= budget:
                continue
            trial = back - ({i} | _closure(i, instance.parents))
            candidate = run(trial)
            used += 1
            if candidate[0] > best[0]:
                back, best, improved = trial, candidate, True
        if not improved:
            break
    return best


def _exact(instance: _Instance, slots: int, incumbent: Schedule, limit: float):
    """CP-SAT on the times in whole seconds (restore times rounded up, RTOs down, so a schedule
    of the model meets at least the RTOs it meets in the model), lexicographically: fewest RTOs
    missed, then least total lateness, then the earliest end. Returns (order of keys by start,
    status code, upper bound on the RTOs met), or None when the solver found no schedule."""
    from ortools.sat.python import cp_model  # imported with the first exact schedule (about 0.3 s)

    n = instance.n
    p = [math.ceil(round(h * SECONDS_PER_HOUR, 6)) for h in instance.hours]
    horizon = sum(p)
    d = [min(horizon, math.floor(round(r * SECONDS_PER_HOUR, 6))) for r in instance.rto]
    head = [0] * n
    for key in topological_order(instance.jobs):
        i = instance.index[key]
        head[i] = max((head[q] + p[q] for q in instance.parents[i]), default=0)

    model = cp_model.CpModel()
    start = [model.new_int_var(head[i], horizon - p[i], f"s{i}") for i in range(n)]
    intervals = [model.new_fixed_size_interval_var(start[i], p[i], f"i{i}") for i in range(n)]
    for i in range(n):
        for q in instance.parents[i]:
            model.add(start[i] >= start[q] + p[q])
    if slots == 1:
        model.add_no_overlap(intervals)
    elif slots < n:
        model.add_cumulative(intervals, [1] * n, slots)
    late = [model.new_bool_var(f"l{i}") for i in range(n)]
    for i in range(n):
        if head[i] + p[i] > d[i]:
            model.add(late[i] == 1)
        else:
            model.add(start[i] + p[i] <= d[i]).only_enforce_if(late[i].Not())
    # The incumbent's order placed on the rounded times: a feasible start for the solver.
    rounded = [
        RestoreJob(j.key, j.name, float(p[i]), float(d[i]), j.criticality, j.depends_on)
        for i, j in enumerate(instance.jobs)
    ]
    hint = serial_schedule(rounded, _in_start_order(instance, incumbent), slots, "hint")
    for i, key in enumerate(instance.keys):
        entry = hint.entry(key)
        model.add_hint(start[i], round(entry.start))
        model.add_hint(late[i], int(not entry.met))

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = SOLVER_WORKERS
    solver.parameters.random_seed = 0
    spent = 0.0

    def solve(objective, cap=math.inf):
        nonlocal spent
        model.minimize(objective)
        solver.parameters.max_time_in_seconds = max(0.01, min(cap, limit - spent))
        status = solver.solve(model)
        spent += solver.wall_time
        return status

    status = solve(sum(late))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    missed = round(solver.objective_value)
    bound_met = n - math.ceil(solver.best_objective_bound - 1e-6)
    values = [solver.value(s) for s in start]
    if status != cp_model.OPTIMAL:
        return _by_start(instance, values), "bound", bound_met
    code = "max_met"

    def rehint():
        model.clear_hints()
        for var, value in zip(start, values, strict=True):
            model.add_hint(var, value)

    # Then the tie-breakers in one objective: total lateness first (weight horizon + 1 outweighs
    # any makespan), then the end of the last restore.
    model.add(sum(late) <= missed)
    lateness = [model.new_int_var(0, horizon, f"t{i}") for i in range(n)]
    for i in range(n):
        model.add(lateness[i] >= start[i] + p[i] - d[i])
    makespan = model.new_int_var(0, horizon, "makespan")
    model.add_max_equality(makespan, [start[i] + p[i] for i in range(n)])
    rehint()
    status = solve(sum(lateness) * (horizon + 1) + makespan, limit * TIEBREAK_SHARE)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        values = [solver.value(s) for s in start]
    if status == cp_model.OPTIMAL:
        code = "optimal"
    return _by_start(instance, values), code, n - missed


def _by_start(instance: _Instance, values: Sequence[int]) -> list[str]:
    """Keys by start (a service of no duration before what depends on it: topological tie-break)."""
    topo = {k: r for r, k in enumerate(topological_order(instance.jobs))}
    return sorted(instance.keys, key=lambda k: (values[instance.index[k]], topo[k]))


def _in_start_order(instance: _Instance, schedule: Schedule) -> list[str]:
    topo = {k: r for r, k in enumerate(topological_order(instance.jobs))}
    return [e.key for e in sorted(schedule.entries, key=lambda e: (e.start, e.end, topo[e.key]))]


def best_schedule(
    jobs: Sequence[RestoreJob], slots: int = 1, *, exact: bool = True, seconds: float = SOLVER_SECONDS
) -> Schedule:
    """The planner's schedule (see the module docstring for the method), with its `status` and
    `bound_met` (an upper bound on the RTOs any schedule meets). `exact=False` skips the solver;
    `seconds` is its time limit."""
    _check(jobs)
    if not jobs:
        return Schedule("planner", status="optimal", bound_met=0)
    if slots < 1:
        raise ScheduleError("no_slots")
    instance = _Instance(jobs)
    has_deps = any(j.depends_on for j in jobs)
    due = modified_due_dates(jobs)
    edd = sorted(range(instance.n), key=lambda i: (due[instance.keys[i]], instance.keys[i]))
    naive_index = [instance.index[k] for k in naive_order(jobs)]
    if slots == 1 and not has_deps:
        mh = instance.run([instance.index[k] for k in moore_hodgson(jobs)], 1)
        best, method = mh, "moore-hodgson"
        bound_met, status = mh[0][0], "max_met"  # Moore-Hodgson: the most RTOs met, exactly
    else:
        budget = max(MIN_EVALUATIONS, HEURISTIC_WORK // instance.n)
        candidates = [
            _heuristic(instance, slots, budget),
            instance.run(edd, slots),
            instance.run(naive_index, slots),
        ]
        best, method = max(candidates, key=lambda c: c[0]), "planner"
        bound_met, status = met_upper_bound(jobs, slots), "bound"
    schedule = instance.schedule(*best[1:], method)
    finite = all(math.isfinite(h) for h in instance.hours)
    if exact and finite and instance.n <= EXACT_MAX_SERVICES and status != "optimal":
        found = _exact(instance, slots, schedule, seconds)
        if found is not None:
            order, status, bound_met = found
            solved = serial_schedule(jobs, order, slots, "cp-sat")
            if solved.quality() > schedule.quality():
                schedule = solved
    schedule.status = status
    schedule.bound_met = max(bound_met, schedule.met_count)
    return schedule


def jobs_from(
    services: Iterable[tuple[str, str, float, float, int, tuple[str, ...]]], rate_mbps: float
) -> list[RestoreJob]:
    """RestoreJobs from (key, name, data_gb, rto_hours, criticality, depends_on) at one slot rate."""
    return [
        RestoreJob(key, name, restore_hours(data_gb, rate_mbps), rto, crit, tuple(deps))
        for key, name, data_gb, rto, crit, deps in services
    ]
