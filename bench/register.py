# SPDX-License-Identifier: EUPL-1.2
"""The real register, measured end to end (issue 16):

1. import of the full GR-register snapshot from empty: `goedebuur init` on an empty data directory
   (migrations, reference data, seed, and the GR-register: 519 regelingen), as a child process; wall
   time, the time of the GR-register step (from the line that announces it to the end), the CPU time
   and the peak memory of the child (user + system time and maximum resident set size, from `os.wait4`:
   the CPU time shows what the machine's other load added to the wall time);
2. re-import with no change: `goedebuur import-gr --json` on the same database; wall time, peak memory
   and the writes the summary reports (`schrijfacties`, which must be 0);
3. pages on a served instance (`goedebuur serve --no-migrate` on that database, loopback): the register
   list, the matrix, the map, a municipality page and its network, next to `/health`, requested one at a
   time in interleaved rounds (so a busy moment of the machine hits every URL alike), after two warm-up
   rounds; p50 and p95 of the wall time per request, and the size of the answer.

Run (from a checkout, with the project installed or `PYTHONPATH=src`):

    PYTHONPATH=src .venv/bin/python bench/register.py [--runs 30] [--workers 2] [--append]

Standard library only. Prints a Markdown block; `--append` also appends it to bench/RESULTS.md.
Goal (issue 16): the import in at most 60 s and 500 MB."""

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOEDEBUUR = Path(sys.executable).with_name("goedebuur")
URLS = [
    "/health",
    "/samenwerkingen",
    "/matrix",
    "/matrix?kolommen=alle&alleen=alle",
    "/kaart",
    "/kaart?telling=alle",
    "/gemeenten/GM0345",
    "/gemeenten/GM0345/netwerk",
    "/api/v1/matrix?metBeleidsdomeinen=true",
]
GOAL_SECONDS, GOAL_MB = 60, 500


def run_measured(args, env, *, announce: str = "") -> dict:
    """Run a child process; its wall time, peak RSS (MB), stdout and, when `announce` is given, the
    seconds from the first output line containing it to the end."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(a) for a in args], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines, announced = [], None
    for line in child.stdout:
        lines.append(line)
        if announce and announced is None and announce in line:
            announced = time.perf_counter()
    _pid, status, usage = os.wait4(child.pid, 0)
    end = time.perf_counter()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"{' '.join(map(str, args))} failed ({child.returncode}):\n{''.join(lines)}")
    return {
        "seconds": end - start,
        "step_seconds": end - announced if announced else None,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,  # kB on Linux
        "output": "".join(lines),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"goedebuur serve stopped with status {server.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("goedebuur serve did not answer /health in time")


def measure_pages(port: int, runs: int) -> dict[str, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    timings: dict[str, list[float]] = {url: [] for url in URLS}
    sizes: dict[str, int] = {}
    for round_number in range(runs + 2):
        for url in URLS:
            start = time.perf_counter()
            connection.request("GET", url)
            response = connection.getresponse()
            body = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200:
                sys.exit(f"{url}: HTTP {response.status}")
            if round_number >= 2:  # two warm-up rounds
                timings[url].append(elapsed)
            sizes[url] = len(body)
    connection.close()
    result = {}
    for url, values in timings.items():
        values.sort()
        result[url] = {
            "p50": statistics.median(values),
            "p95": values[max(0, round(len(values) * 0.95) - 1)],
            "kb": sizes[url] / 1024,
        }
    return result


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="measured requests per URL (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of the served instance")
    parser.add_argument("--append", action="store_true", help="append the result to bench/RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    args = parser.parse_args()
    if not GOEDEBUUR.exists():
        sys.exit(f"{GOEDEBUUR} not found: run with the project's virtual environment")

    data_dir = tempfile.mkdtemp(prefix="goedebuur-bench-register-")
    env = {**os.environ, "GOEDEBUUR_DATA_DIR": data_dir, "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)  # SQLite in the empty data directory
    load = os.getloadavg()[0]
    try:
        first = run_measured([GOEDEBUUR, "init"], env, announce="GR-register laden")
        again = run_measured([GOEDEBUUR, "import-gr", "--json"], env)
        summary = json.loads(again["output"][again["output"].index("{") :])
        port = free_port()
        log = open(Path(data_dir) / "serve.log", "w")  # noqa: SIM115 - closed with the data directory
        server = subprocess.Popen(
            [str(GOEDEBUUR), "serve", "--no-migrate", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_ready(port, server)
            pages = measure_pages(port, args.runs)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)

    lines = [
        "",
        f"### Run of {dt.date.today().isoformat()} (commit {git_commit()})",
        "",
        f"    PYTHONPATH=src .venv/bin/python bench/register.py --runs {args.runs} --workers {args.workers}",
        "",
        f"CPython {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, SQLite; load average "
        f"{load:.1f} at the start.",
        "",
        "| step | wall time | of which the GR-register | CPU time | peak memory | writes | goal |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| `goedebuur init` on an empty data directory (import of the full snapshot) | {first['seconds']:.1f} s | "
        f"{first['step_seconds'] or 0:.1f} s | {first['cpu_seconds']:.1f} s | {first['peak_mb']:.0f} MB | – | "
        f"≤ {GOAL_SECONDS} s, ≤ {GOAL_MB} MB: "
        f"{'met' if first['seconds'] <= GOAL_SECONDS and first['peak_mb'] <= GOAL_MB else 'NOT met'} |",
        f"| `goedebuur import-gr --json` again, nothing changed | {again['seconds']:.1f} s | – | "
        f"{again['cpu_seconds']:.1f} s | {again['peak_mb']:.0f} MB | {summary['schrijfacties']} | 0 writes: "
        f"{'met' if summary['schrijfacties'] == 0 else 'NOT met'} |",
        "",
        f"Re-import summary: {summary['regelingen']} regelingen, {summary['ongewijzigd']} unchanged, "
        f"{summary['nieuw']} new, {summary['gewijzigd']} changed.",
        "",
        f"Pages on `goedebuur serve --workers {args.workers}` (loopback, one request at a time, {args.runs} interleaved "
        "rounds after two warm-up rounds; wall time per request in ms):",
        "",
        "| url | p50 ms | p95 ms | kB |",
        "|---|---:|---:|---:|",
        *(f"| `{url}` | {r['p50']:.1f} | {r['p95']:.1f} | {r['kb']:.0f} |" for url, r in pages.items()),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.append:
        results = ROOT / "bench" / "RESULTS.md"
        content = results.read_text(encoding="utf-8")
        heading = "## The real register (issue 16): import, re-import and pages (`bench/register.py`)"
        if heading not in content:
            content = content.rstrip("\n") + "\n\n" + heading + "\n"
        results.write_text(content.rstrip("\n") + "\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
