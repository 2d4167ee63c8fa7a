# SPDX-License-Identifier: EUPL-1.2
"""Process start time, worker memory and /health under load: this checkout next to a baseline commit.

    .venv/bin/python bench/startup.py [--baseline REV] [--runs 5] [--serve] [--load-seconds 20]
        [--serve-runs 1] [--clients 6] [--data-dir DIR] [--top 15]

The baseline's `src/` is taken with `git archive REV` into a temporary folder; both versions run
against the same data folder (created with `goedebuur demo` when it holds no database yet), alternately,
so every figure stands beside its baseline from the same run on the same (possibly busy) machine.

1. Fresh process (`--runs` times each, alternating, after one unmeasured run that fills a bytecode
   cache in the temporary folder, as `pip install` compiles it in an installation): a new Python imports
   the WSGI application (`goedebuur.wsgi`: settings, apps, models, admin, middleware) and answers its first
   `GET /health` through it (this loads the URL configuration and with it every view). Reported: wall and
   CPU time of each step (median), the process's resident memory (RSS) after the first answer, and
   which heavy libraries that left loaded.
2. `--top N`: the N slowest imports of one fresh process (`python -X importtime`, cumulative ms).
3. `--serve`: `goedebuur serve --no-migrate` with its default server model on a free port. Reported:
   seconds from start until /health answers, the workers' RSS and PSS (proportional set size: shared
   pages divided between the processes that share them, from /proc/PID/smaps_rollup) once they have
   started and after a warm-up over the main pages from several clients at once, and /health's latency
   (probed every 100 ms, a new connection per request) while `--clients` threads keep requesting slow
   pages for `--load-seconds` seconds. `--serve-runs N` repeats this N times, alternating.
Linux only (/proc). Standard library only (plus the project). Prints Markdown for bench/RESULTS.md."""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
HEAVY = ("fpdf", "docx", "openpyxl", "networkx", "scipy", "numpy", "icalendar", "markdown", "psycopg")
WARM = ["/", "/gemeenten", "/samenwerkingen", "/matrix", "/kaart", "/api/v1/gemeenten", "/health", "/ready"]
SLOW = ["/matrix?alleen=alle", "/clusters", "/kaart", "/api/v1/partners/GM0345?top=341", "/"]

CHILD = r"""
import json, os, sys, time
wall0, cpu0 = time.perf_counter(), time.process_time()
import goedebuur.wsgi
wall1, cpu1 = time.perf_counter(), time.process_time()
from wsgiref.util import setup_testing_defaults
environ = {"PATH_INFO": "/health", "REQUEST_METHOD": "GET"}
setup_testing_defaults(environ)
status = []
body = b"".join(goedebuur.wsgi.application(environ, lambda s, h, exc_info=None: status.append(s)))
wall2, cpu2 = time.perf_counter(), time.process_time()
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:"))
print(json.dumps({
    "import_wall": wall1 - wall0, "import_cpu": cpu1 - cpu0,
    "health_wall": wall2 - wall1, "health_cpu": cpu2 - cpu1,
    "status": status[0], "rss_mb": rss / 1024, "modules": len(sys.modules),
    "heavy": sorted(m for m in json.loads(os.environ["HEAVY"]) if m in sys.modules),
}))
"""


PYCACHE = Path(tempfile.gettempdir()) / "goedebuur-bench-startup-pycache"


def variant_env(src: Path, data_dir: Path) -> dict:
    # Bytecode is cached (outside the source tree), as in an installation (pip compiles it): compiling
    # the project's own modules again in every process would add half a second that production never pays.
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **environ,
        "PYTHONPYCACHEPREFIX": str(PYCACHE),
        "PYTHONPATH": str(src),
        "DJANGO_SETTINGS_MODULE": "goedebuur.settings",
        "GOEDEBUUR_DATA_DIR": str(data_dir),
        "LOG_LEVEL": "WARNING",
        "HEAVY": json.dumps(HEAVY),
        "PYTHONWARNINGS": "ignore",
    }


def baseline_src(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def prepare(data_dir: Path, src: Path) -> None:
    if (data_dir / "goedebuur.sqlite3").exists():
        return
    print(f"preparing {data_dir} with `goedebuur demo` ...", file=sys.stderr)
    env = variant_env(src, data_dir)
    subprocess.run([PYTHON, "-m", "goedebuur.cli", "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [PYTHON, "-m", "goedebuur.cli", "collectstatic", "--noinput"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fresh_process(src: Path, data_dir: Path) -> dict:
    started = time.perf_counter()
    out = subprocess.run(
        [PYTHON, "-c", CHILD], env=variant_env(src, data_dir), check=True, capture_output=True, text=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["process_wall"] = time.perf_counter() - started
    return result


def slowest_imports(src: Path, data_dir: Path, top: int) -> list[tuple[int, str]]:
    code = "import goedebuur.wsgi; from django.urls import get_resolver; get_resolver().url_patterns"
    err = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code],
        env=variant_env(src, data_dir),
        capture_output=True,
        text=True,
    ).stderr
    rows = []
    for line in err.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].strip()))
    return sorted(rows, reverse=True)[:top]


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")


# -- served --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, timeout: float = 60) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def settled_children(pid: int) -> list[int]:
    """The workers once gunicorn has started them all (their number unchanged for two seconds)."""
    seen, since, deadline = children(pid), time.monotonic(), time.monotonic() + 60
    while time.monotonic() - since < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        now = children(pid)
        if len(now) != len(seen):
            seen, since = now, time.monotonic()
    return seen


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB from /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1]) / 1024
    return values.get("Rss:", 0.0), values.get("Pss:", 0.0)


def served(src: Path, data_dir: Path, clients: int, seconds: float) -> dict:
    port = free_port()
    env = variant_env(src, data_dir)
    started = time.perf_counter()
    server = subprocess.Popen(
        [PYTHON, "-m", "goedebuur.cli", "serve", "--no-migrate", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while True:
            try:
                if get(port, "/health", timeout=5) == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 120:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        ready = time.perf_counter() - started
        workers = settled_children(server.pid)
        time.sleep(1)  # let the last one finish booting
        started_memory = [memory_mb(pid) for pid in workers]
        # Warm-up from several clients at once, so that every worker serves the main pages.
        warmers = [threading.Thread(target=lambda: [get(port, path) for path in WARM]) for _ in workers * 2]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join()
        memory = [memory_mb(pid) for pid in workers]
        master = memory_mb(server.pid)

        stop = time.monotonic() + seconds
        done = []
        lock = threading.Lock()

        def load():
            while time.monotonic() < stop:
                for path in SLOW:
                    status = get(port, path)
                    with lock:
                        done.append(status)

        health = []

        def probe():
            while time.monotonic() < stop:
                t = time.perf_counter()
                status = get(port, "/health")
                health.append((time.perf_counter() - t, status))
                time.sleep(0.1)

        threads = [threading.Thread(target=load) for _ in range(clients)] + [threading.Thread(target=probe)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        latencies = [s for s, _ in health]
        os_threads = max((threading_of(pid) for pid in workers), default=0)
        return {
            "ready_s": ready,
            "workers": len(workers),
            "threads": os_threads,
            "start_rss": median([r for r, _ in started_memory]),
            "start_pss": median([p for _, p in started_memory]),
            "worker_rss": median([r for r, _ in memory]),
            "worker_pss": median([p for _, p in memory]),
            "master_rss": master[0],
            "total_pss": sum(p for _, p in memory) + master[1],
            "slow_rps": len(done) / seconds,
            "slow_errors": sum(1 for s in done if s >= 400),
            "health_p50": percentile(latencies, 0.5) * 1000,
            "health_p95": percentile(latencies, 0.95) * 1000,
            "health_max": max(latencies) * 1000 if latencies else float("nan"),
            "health_errors": sum(1 for _, s in health if s != 200),
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def threading_of(pid: int) -> int:
    """OS threads of a worker process after the load (gthread: the main thread and the pool's threads,
    which start as requests come in)."""
    return len(list(Path(f"/proc/{pid}/task").iterdir()))


# -- report --------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", help="git revision to compare with (its src/ via git archive)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=0, help="list the N slowest imports of each version")
    parser.add_argument("--serve", action="store_true", help="also measure `goedebuur serve`")
    parser.add_argument(
        "--serve-runs", type=int, default=1, help="rounds of --serve (one row each, alternating)"
    )
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--load-seconds", type=float, default=20)
    parser.add_argument(
        "--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "goedebuur-bench-startup"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        variants = {"this checkout": ROOT / "src"}
        if args.baseline:
            variants = {f"baseline {args.baseline}": baseline_src(args.baseline, Path(tmp)), **variants}
        args.data_dir.mkdir(parents=True, exist_ok=True)
        prepare(args.data_dir, ROOT / "src")

        for src in variants.values():
            fresh_process(src, args.data_dir)  # fills the bytecode cache; not counted
        results = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, src in variants.items():
                results[name].append(fresh_process(src, args.data_dir))

        load = os.getloadavg()[0]
        print(f"Fresh process, median of {args.runs} (alternating); load average {load:.1f} at the end.\n")
        print(
            "| version | import WSGI app: wall / CPU ms | first /health: wall / CPU ms | whole process wall ms "
            "| RSS MB | modules | heavy libraries loaded |"
        )
        print("|---|---:|---:|---:|---:|---:|---|")
        for name, rows in results.items():
            heavy = sorted({m for r in rows for m in r["heavy"]})
            print(
                f"| {name} | {median([r['import_wall'] for r in rows]) * 1000:.0f} / "
                f"{median([r['import_cpu'] for r in rows]) * 1000:.0f} "
                f"| {median([r['health_wall'] for r in rows]) * 1000:.0f} / "
                f"{median([r['health_cpu'] for r in rows]) * 1000:.0f} "
                f"| {median([r['process_wall'] for r in rows]) * 1000:.0f} "
                f"| {median([r['rss_mb'] for r in rows]):.0f} | {median([r['modules'] for r in rows]):.0f} "
                f"| {', '.join(heavy) or '–'} |"
            )
            if {r["status"] for r in rows} != {"200 OK"}:
                print(f"\n**{name}: /health answered {sorted({r['status'] for r in rows})}**")

        if args.top:
            for name, src in variants.items():
                print(f"\nSlowest imports, {name} (`-X importtime`, cumulative ms, one process):\n")
                for micros, module in slowest_imports(src, args.data_dir, args.top):
                    print(f"- {module}: {micros / 1000:.0f}")

        if args.serve:
            print(
                f"\n`goedebuur serve --no-migrate` with its defaults; {args.clients} clients requesting "
                f"{', '.join(SLOW)} for {args.load_seconds:.0f} s while /health is probed every 100 ms.\n"
            )
            print(
                "| version | workers | OS threads per worker after the load | start until /health 200 s "
                "| worker RSS / PSS MB after start | worker RSS / PSS MB after the warm-up "
                "| all processes PSS MB after the warm-up | slow pages/s | /health p50 / p95 / max ms under load |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
            for name, src in [item for _ in range(args.serve_runs) for item in variants.items()]:
                r = served(src, args.data_dir, args.clients, args.load_seconds)
                errors = f" ({r['health_errors']} /health errors)" if r["health_errors"] else ""
                print(
                    f"| {name} | {r['workers']} | {r['threads']} | {r['ready_s']:.1f} "
                    f"| {r['start_rss']:.0f} / {r['start_pss']:.0f} | {r['worker_rss']:.0f} / {r['worker_pss']:.0f} "
                    f"| {r['total_pss']:.0f} | {r['slow_rps']:.1f} "
                    f"| {r['health_p50']:.0f} / {r['health_p95']:.0f} / {r['health_max']:.0f}{errors} |"
                )


if __name__ == "__main__":
    main()
