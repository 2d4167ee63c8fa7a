# SPDX-License-Identifier: EUPL-1.2
"""The server model of `goedebuur serve`: how many gunicorn worker processes and threads per worker.

- Workers: one per core this process may use, plus one (at least two, so one worker restarting never
  leaves the site without an answer). Python runs one thread at a time per process, so CPU-bound
  pages (maps, matrix, cluster proposals) need processes to use every core; the extra one covers a
  worker that is waiting on the database or restarting.
- Threads: four per worker (gunicorn's `gthread` worker). A slow page then occupies one thread, not the
  whole worker: `/health`, `/ready` and short pages that arrive meanwhile get another thread at once
  and share the processor with it (CPython switches threads every 5 ms) instead of queueing behind it.
  Each thread keeps its own database connection: size PostgreSQL's `max_connections` for
  processes × workers × threads.
- "Cores this process may use": the CPU affinity (taskset, cpusets) and a cgroup v2 CPU quota
  (`docker run --cpus`, systemd's CPUQuota=), whichever is smaller; not the machine's total.

WEB_CONCURRENCY and WEB_THREADS (settings) or `--workers` and `--threads` override the defaults."""

import math
import os
from pathlib import Path

THREADS = 4
CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def cgroup_cpu_limit(cpu_max: Path = CGROUP_CPU_MAX) -> float | None:
    """The CPUs a cgroup v2 quota allows ("200000 100000" is 2.0), None without a quota."""
    try:
        quota, period = cpu_max.read_text().split()[:2]
    except (OSError, ValueError):
        return None
    if quota == "max":
        return None
    try:
        return int(quota) / int(period)
    except (ValueError, ZeroDivisionError):
        return None


def available_cores(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    limit = cgroup_cpu_limit(cpu_max)
    if limit is not None:
        cores = min(cores, max(1, math.ceil(limit)))
    return max(1, cores)


def default_workers(cores: int) -> int:
    return max(2, cores + 1)


def server_model(workers: int = 0, threads: int = 0, cores: int | None = None) -> tuple[int, int]:
    """(workers, threads): the given numbers, or for 0 the defaults for the cores available."""
    if not workers:
        workers = default_workers(available_cores() if cores is None else cores)
    return workers, threads or THREADS
