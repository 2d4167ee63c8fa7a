# SPDX-License-Identifier: EUPL-1.2
"""Concurrent writers against a served instance on the default SQLite setup (issue 18, item 4).

    .venv/bin/python bench/bench_sqlite_writes.py [--clients 12] [--posts 15] [--workers 3]

1. Makes a fresh data directory (no DATABASE_URL: SQLite in GOEDEBUUR_DATA_DIR), runs `goedebuur init` and
   creates one editor with a write token per client.
2. Starts `goedebuur serve --no-migrate` (gunicorn) on a free port and waits for /health.
3. `--clients` threads, each with its own keep-alive connection, start at the same moment and each send
   `--posts` POST /api/v1/vragen. Reported: the answers by status code, wall time, throughput,
   p50/p95/max latency, and how many questions were stored (must equal the 201s).
The code measured is the `goedebuur` package on PYTHONPATH (run once with the old tree, once with the new).
Standard library only (plus the project). Prints a Markdown line for bench/RESULTS.md."""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

GOEDEBUUR = [sys.executable, "-m", "goedebuur"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shell(env, script: str) -> str:
    result = subprocess.run(
        [*GOEDEBUUR, "shell", "-c", script], env=env, check=True, capture_output=True, text=True
    )
    return result.stdout.strip().splitlines()[-1]


def prepare(data_dir: Path, clients: int) -> tuple[dict, list[str]]:
    env = {**os.environ, "GOEDEBUUR_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING", "LOG_FORMAT": "text"}
    env.pop("DATABASE_URL", None)
    subprocess.run([*GOEDEBUUR, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
    script = (
        "import json; from goedebuur.accounts.models import User; from goedebuur.accounts.tokens import create_token;"
        "from goedebuur.municipalities.models import Municipality; m = Municipality.objects.get(code='GM0345');"
        f"print(json.dumps([create_token(User.objects.create_user(username=f'schrijver{{i}}', municipality=m,"
        f" role=User.Role.EDITOR), 'bench', 'write')[1] for i in range({clients})]))"
    )
    return env, json.loads(shell(env, script))


def wait_until_up(port: int, server) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not come up")


def client(port, key, number, posts, start, results, lock):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Token {key}", "Content-Type": "application/json"}
    start.wait()
    for serial in range(posts):
        body = json.dumps({"titel": f"Vraag {number}-{serial}", "tekst": "Gelijktijdig gesteld."})
        began = time.monotonic()
        try:
            conn.request("POST", "/api/v1/vragen", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status, data = type(error).__name__, b""
        with lock:
            results.append((status, time.monotonic() - began, data[:200]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--posts", type=int, default=15)
    parser.add_argument(
        "--workers", type=int, default=3, help="gunicorn workers (serve's default on 2 cores: 3)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="goedebuur-sqlite-bench-") as folder:
        env, keys = prepare(Path(folder), args.clients)
        port = free_port()
        server = subprocess.Popen(
            [*GOEDEBUUR, "serve", "--no-migrate", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(folder) / "server.log", "w"),  # noqa: SIM115
        )
        try:
            wait_until_up(port, server)
            results, lock = [], threading.Lock()
            start = threading.Barrier(args.clients + 1)
            threads = [
                threading.Thread(target=client, args=(port, keys[i], i, args.posts, start, results, lock))
                for i in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            start.wait()
            began = time.monotonic()
            for thread in threads:
                thread.join()
            wall = time.monotonic() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = int(
            shell(env, "from goedebuur.experiences.models import Question; print(Question.objects.count())")
        )
        journal = shell(
            env,
            "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        )
        log = (Path(folder) / "server.log").read_text()
    statuses = Counter(str(status) for status, _, _ in results)
    latencies = sorted(seconds * 1000 for status, seconds, _ in results if status == 201)
    causes = Counter(
        line.split("database unavailable: ", 1)[1].strip()
        for line in log.splitlines()
        if "database unavailable" in line
    )
    first_refusal = next((data for status, _, data in results if status != 201), b"")
    total = args.clients * args.posts
    print(f"first refusal: {first_refusal!r}", file=sys.stderr)
    print(f"logged causes: {dict(causes)}", file=sys.stderr)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0
    print(
        f"| {args.clients} x {args.posts} | {args.workers} | {journal} | "
        + ", ".join(f"{count} x {status}" for status, count in sorted(statuses.items()))
        + f" | {stored} / {statuses.get('201', 0)} | {wall:.1f} s | {total / wall:.1f} req/s | "
        + (
            f"{statistics.median(latencies):.0f} / {p95:.0f} / {latencies[-1]:.0f} ms |"
            if latencies
            else "- |"
        )
    )


if __name__ == "__main__":
    main()
