# SPDX-License-Identifier: EUPL-1.2
"""Load and fault test against a real `goedebuur serve` on loopback with PostgreSQL.

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--logged-in 25] [--no-baseline] [--cold]
        [--writers 8] [--restart-postgres-at 20] [--contended 8] [--workers 4]
        [--database postgres://postgres@127.0.0.1:5432/goedebuur_load]

1. (Re)creates the database, runs `goedebuur demo`, creates an API write token for each demo editor,
   starts `goedebuur serve --no-migrate --no-warm` on a free port, runs `goedebuur warm-cache` (what
   `serve` does in the background; not with --cold) and waits for /ready.
2. Baseline (unless --no-baseline): the same `--clients` threads request only /health for `--duration`
   seconds, so that the machine's capacity at that moment is known: throughput and p95 of the
   cheapest answer the server gives.
3. Read load: `--clients` threads with keep-alive connections request a mix of main pages and API
   listings for `--duration` seconds; `--logged-in` of them (default half) as a logged-in editor (a
   session for the pages, an API token for the API) with the heavy pages in their mix (/clusters,
   /achtervang-koppels, a business case; anonymous visitors are rate-limited on those), the others
   anonymous. Reported: requests, throughput, p50/p95/p99 latency overall and p95 per page, errors
   by kind (anything but 2xx/3xx is an error, except 503 during a database restart), and the goals
   next to the baseline: 0 errors, mixed throughput at least half of the baseline's, every page's p95
   at most 3x the baseline's p95.
4. Write load (with --writers N > 0): N editor threads create cooperations through the API and update
   them; afterwards every acknowledged write must be in the database: count and a checksum over
   (slug, name, description) compared with what the clients were told succeeded.
5. Contended writes (with --contended N > 0): N threads edit the same three cooperations at once, each
   a read (ETag) and a PATCH with If-Match that appends a unique mark to the description; a 412 or 409
   (someone else was first) is a conflict, not an error, and the thread reads again and retries.
   Afterwards every acknowledged mark must be in the stored description (no lost update), and no mark
   whose PATCH was refused may be there.
6. Fault (--restart-postgres-at S): after S seconds PostgreSQL is restarted (`pg_ctlcluster ... restart`,
   needs root). During the gap a response must be a clean 503 (problem+json for the API); reported:
   how long until the first good response again, and any other error.
Standard library only (plus the project). Prints a Markdown block for bench/RESULTS.md."""

import argparse
import hashlib
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
GOEDEBUUR = ROOT / ".venv" / "bin" / "goedebuur"
READ_MIX = [
    "/",
    "/gemeenten",
    "/gemeenten?q=veen",
    "/gemeenten/GM0345",
    "/samenwerkingen",
    "/matrix",
    "/kaart",
    "/partners?gemeente=GM0340",
    "/api/v1/gemeenten",
    "/api/v1/gemeenten/GM0340",
    "/api/v1/samenwerkingen",
    "/api/v1/matrix",
    "/api/v1/partners/GM0340",
    "/health",
]
# A logged-in editor's mix: the same, plus the heavy pages (anonymous visitors are rate-limited there);
# {case} is a demo business case the editor may see.
LOGGED_IN_MIX = [
    *READ_MIX,
    "/clusters",
    "/achtervang-koppels",
    "/businesscases/{case}",
    "/api/v1/achtervang-koppels",
]
LOGGED_IN_USER = "redacteur.veenendaal"
# Demo editors and a municipality each may create cooperations for.
EDITORS = {"redacteur.veenendaal": "GM0345", "redacteur.rhenen": "GM0340", "redacteur.utrecht": "GM0344"}
PARTNER = {"GM0345": "GM0340", "GM0340": "GM0345", "GM0344": "GM0353"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    return subprocess.run([str(a) for a in args], env=env, check=True, cwd=ROOT, **kwargs)


def prepare(database: str, data_dir: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database, "GOEDEBUUR_DATA_DIR": data_dir, "LOG_LEVEL": "WARNING"}
    name = urlsplit(database).path.lstrip("/")
    admin = database.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {name}"], check=True)
    run([GOEDEBUUR, "demo"], env, stdout=subprocess.DEVNULL)
    script = (
        "import json; from goedebuur.accounts.models import User; from goedebuur.accounts.tokens import create_token;"
        f"print(json.dumps({{u: create_token(User.objects.get(username=u), 'load', 'write')[1] for u in {list(EDITORS)!r}}}))"
    )
    out = run([GOEDEBUUR, "shell", "-c", script], env, capture_output=True, text=True).stdout
    env["tokens"] = out.strip().splitlines()[-1]
    # A session for the logged-in readers' pages, and a demo business case they may see.
    script = (
        "import json; from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY;"
        "from django.contrib.sessions.backends.db import SessionStore;"
        "from goedebuur.accounts.models import User; from goedebuur.businesscases.models import BusinessCase;"
        f"u = User.objects.get(username={LOGGED_IN_USER!r}); s = SessionStore();"
        "s[SESSION_KEY] = str(u.pk); s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend';"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create();"
        "print(json.dumps({'session': s.session_key, 'case': BusinessCase.objects.filter(is_demo=True).order_by('pk').first().pk}))"
    )
    out = run([GOEDEBUUR, "shell", "-c", script], env, capture_output=True, text=True).stdout
    env["login"] = out.strip().splitlines()[-1]
    return env


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.by_page: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}
        self.outage_503 = 0
        self.last_error_at = 0.0
        self.first_ok_after_restart = None

    def ok(self, seconds, page=None):
        with self.lock:
            self.latencies.append(seconds)
            if page is not None:
                self.by_page.setdefault(page, []).append(seconds)

    def error(self, kind, body=b""):
        with self.lock:
            if kind not in self.errors:
                print(f"first {kind}: {body[:300]!r}", file=sys.stderr)
            self.errors[kind] = self.errors.get(kind, 0) + 1
            self.last_error_at = time.monotonic()


class Client:
    """One keep-alive connection; reconnects after a failure, as a browser would."""

    def __init__(self, port, headers=None):
        self.port, self.headers, self.conn = port, headers or {}, None

    def request(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
            return response.status, response.getheader("Content-Type", ""), data
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise


def in_outage(state) -> bool:
    return (
        state["restart_started"] is not None
        and state["restart_done_at"] is None
        or (state["restart_done_at"] is not None and time.monotonic() - state["restart_done_at"] < 15)
    )


def judge(stats, state, status, content_type, path, started, body=b"", page=None):
    if 200 <= status < 400:
        stats.ok(time.monotonic() - started, page)
        if (
            state["restart_started"] is not None
            and stats.first_ok_after_restart is None
            and (state["restart_done_at"] is not None)
        ):
            stats.first_ok_after_restart = time.monotonic()
        return True
    if status == 503 and in_outage(state):
        problem = path.startswith("/api/") or path in {"/health", "/ready"}
        clean = "problem+json" in content_type if problem else "text/html" in content_type
        with stats.lock:
            stats.outage_503 += 1
        if not clean:
            stats.error(f"503 without problem body on {path}")
        return False
    stats.error(f"HTTP {status} on {path.split('?')[0]}", body)
    return False


def reader(port, deadline, stats, state, offset, mix=READ_MIX, headers=None, label="anonymous"):
    client = Client(port, headers)
    i = offset
    while time.monotonic() < deadline:
        path = mix[i % len(mix)]
        i += 1
        started = time.monotonic()
        try:
            status, content_type, data = client.request("GET", path)
        except (OSError, http.client.HTTPException) as error:
            if not in_outage(state):
                stats.error(f"connection: {type(error).__name__}")
            continue
        page = f"{label} {path}".replace(f"/businesscases/{LOGGED_IN_CASE.get('pk')}", "/businesscases/<id>")
        judge(stats, state, status, content_type, path, started, data, page=page)


LOGGED_IN_CASE: dict = {}


def baseline(port, duration, clients) -> dict:
    """Only /health by the same number of clients for the same time: throughput and latency."""
    stats, state = Stats(), {"restart_started": None, "restart_done_at": None}
    deadline = time.monotonic() + duration
    threads = [
        threading.Thread(target=reader, args=(port, deadline, stats, state, 0, ["/health"]))
        for _ in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    lat = stats.latencies
    return {
        "requests": len(lat),
        "throughput": len(lat) / elapsed,
        "p50": percentile(lat, 50),
        "p95": percentile(lat, 95),
        "p99": percentile(lat, 99),
        "errors": stats.errors,
    }


def writer(port, deadline, stats, state, username, token, number, acknowledged, in_doubt):
    client = Client(port, {"Authorization": f"Token {token}"})
    code = EDITORS[username]
    serial = 0
    while time.monotonic() < deadline:
        serial += 1
        name = f"Laadtest {username} {number}-{serial}"
        body = {
            "naam": name,
            "omschrijving": "v0",
            "vorm": "convenant-intentieverklaring",
            "status": "verkenning",
            "deelnemers": [{"gemeente": code}, {"gemeente": PARTNER[code]}],
            "domeinen": ["achtervang-uitwijk"],
        }
        started = time.monotonic()
        try:
            status, content_type, data = client.request("POST", "/api/v1/samenwerkingen", body)
        except (OSError, http.client.HTTPException):
            continue  # not acknowledged: may or may not exist; not counted
        if (
            not judge(stats, state, status, content_type, "/api/v1/samenwerkingen", started, data)
            or status != 201
        ):
            continue
        slug = json.loads(data)["slug"]
        acknowledged[slug] = (name, "v0")
        for version in (1, 2):
            started = time.monotonic()
            # Until the answer arrives the change is in doubt: a commit cut off by the database restart
            # may or may not have happened (the server then answers 503 or the connection drops).
            in_doubt.setdefault(slug, set()).add(f"v{version}")
            try:
                status, content_type, _ = client.request(
                    "PATCH", f"/api/v1/samenwerkingen/{slug}", {"omschrijving": f"v{version}"}
                )
            except (OSError, http.client.HTTPException):
                break
            if (
                judge(stats, state, status, content_type, "/api/v1/samenwerkingen/{slug}", started)
                and status == 200
            ):
                acknowledged[slug] = (name, f"v{version}")
                in_doubt[slug] = set()
            elif status < 500:
                in_doubt[slug].discard(f"v{version}")  # refused: certainly not stored
                break
            else:
                break


CONTENDED_RECORDS = 3


def create_shared_records(port, username, token) -> list[str]:
    client = Client(port, {"Authorization": f"Token {token}"})
    code = EDITORS[username]
    slugs = []
    for number in range(CONTENDED_RECORDS):
        body = {
            "naam": f"Gedeeld laadtestrecord {number}",
            "omschrijving": "",
            "vorm": "convenant-intentieverklaring",
            "deelnemers": [{"gemeente": code}, {"gemeente": PARTNER[code]}],
            "domeinen": ["achtervang-uitwijk"],
        }
        status, _, data = client.request("POST", "/api/v1/samenwerkingen", body)
        if status != 201:
            raise SystemExit(f"could not create a shared record: {status} {data[:300]!r}")
        slugs.append(json.loads(data)["slug"])
    return slugs


def contended_writer(port, deadline, stats, state, token, slugs, number, outcome):
    """Append unique marks to shared records with read-then-If-Match writes; record each mark's fate."""
    client = Client(port, {"Authorization": f"Token {token}"})
    serial = 0
    while time.monotonic() < deadline:
        serial += 1
        slug = slugs[serial % len(slugs)]
        mark = f"m{number}.{serial}"
        path = f"/api/v1/samenwerkingen/{slug}"
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                client.headers.pop("If-Match", None)
                status, content_type, data = client.request("GET", path)
                if not judge(stats, state, status, content_type, path, started, data):
                    continue
                record = json.loads(data)
                client.headers["If-Match"] = f'"{record["revisie"]}"'
                started = time.monotonic()
                body = {"omschrijving": f"{record['omschrijving']} {mark}".strip()}
                status, content_type, data = client.request("PATCH", path, body)
            except (OSError, http.client.HTTPException):
                with stats.lock:
                    outcome["unknown"].add(mark)  # the answer was lost: the mark may or may not be stored
                break
            if status in (409, 412) and "problem+json" in content_type:
                stats.ok(time.monotonic() - started)
                with stats.lock:
                    outcome["conflicts"] += 1
                    outcome["refused"].add(mark)
                continue  # read again, apply the change to the current version, retry
            if judge(stats, state, status, content_type, path, started, data) and status == 200:
                with stats.lock:
                    outcome["refused"].discard(mark)
                    outcome["acknowledged"][mark] = slug
                break
            with stats.lock:
                outcome["unknown"].add(mark)
            break


def stored_descriptions(env, slugs) -> dict[str, str]:
    script = (
        "import json; from goedebuur.cooperations.models import Cooperation;"
        f"print(json.dumps(dict(Cooperation.objects.filter(slug__in={list(slugs)!r})"
        ".values_list('slug', 'description'))))"
    )
    out = run([GOEDEBUUR, "shell", "-c", script], env, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def checksum(rows) -> str:
    digest = hashlib.sha256()
    for row in sorted(rows):
        digest.update("\x1f".join(row).encode() + b"\x1e")
    return digest.hexdigest()[:16]


def stored(env) -> list[tuple[str, str, str]]:
    script = (
        "import json; from goedebuur.cooperations.models import Cooperation;"
        "print(json.dumps(list(Cooperation.objects.filter(name__startswith='Laadtest ')"
        ".values_list('slug', 'name', 'description'))))"
    )
    out = run([GOEDEBUUR, "shell", "-c", script], env, capture_output=True, text=True).stdout
    return [tuple(row) for row in json.loads(out.strip().splitlines()[-1])]


def restart_postgres(state, at):
    time.sleep(at)
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    state["restart_started"] = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"], check=True)
    state["restart_done_at"] = time.monotonic()


def percentile(values, q):
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000 if len(values) > 1 else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--writers", type=int, default=0)
    parser.add_argument("--contended", type=int, default=0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--logged-in", type=int, default=None, help="readers logged in as an editor (default: half)"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the /health-only run before the mixed load"
    )
    parser.add_argument(
        "--cold", action="store_true", help="do not run `goedebuur warm-cache` before the load (a cold cache)"
    )
    parser.add_argument("--restart-postgres-at", type=float, default=None)
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/goedebuur_load")
    args = parser.parse_args()

    data_dir = f"/tmp/goedebuur-load-{os.getpid()}"
    print("preparing database and demo data …", file=sys.stderr)
    env = prepare(args.database, data_dir)
    tokens = json.loads(env.pop("tokens"))
    login = json.loads(env.pop("login"))
    LOGGED_IN_CASE["pk"] = login["case"]
    logged_in = args.clients // 2 if args.logged_in is None else min(args.logged_in, args.clients)
    logged_in_mix = [path.format(case=login["case"]) for path in LOGGED_IN_MIX]
    logged_in_headers = {
        "Cookie": f"sessionid={login['session']}",
        "Authorization": f"Token {tokens[LOGGED_IN_USER]}",
    }
    port = free_port()
    server = subprocess.Popen(
        [
            GOEDEBUUR,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--no-migrate",
            "--no-warm",
        ],
        env={**env, "LOG_LEVEL": "ERROR"},
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        run([GOEDEBUUR, "collectstatic", "--noinput"], env, stdout=subprocess.DEVNULL)
        if not args.cold:  # as `serve` does in the background, but finished before anything is measured
            run([GOEDEBUUR, "warm-cache"], env, stdout=subprocess.DEVNULL)
        for _ in range(100):
            try:
                if Client(port).request("GET", "/ready")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        health_only = None
        if not args.no_baseline:
            print(f"baseline: /health only, {args.clients} clients, {args.duration} s …", file=sys.stderr)
            health_only = baseline(port, args.duration, args.clients)
        print("mixed load …", file=sys.stderr)
        stats, state, acknowledged = Stats(), {"restart_started": None, "restart_done_at": None}, {}
        in_doubt: dict[str, set[str]] = {}
        deadline = time.monotonic() + args.duration
        threads = [
            threading.Thread(
                target=reader,
                args=(port, deadline, stats, state, i, logged_in_mix, logged_in_headers, "logged in"),
            )
            if i < logged_in
            else threading.Thread(target=reader, args=(port, deadline, stats, state, i))
            for i in range(args.clients)
        ]
        editors = list(tokens)
        shared = create_shared_records(port, editors[0], tokens[editors[0]]) if args.contended else []
        outcome = {"acknowledged": {}, "refused": set(), "unknown": set(), "conflicts": 0}
        threads += [
            threading.Thread(
                target=contended_writer,
                args=(port, deadline, stats, state, tokens[editors[0]], shared, i, outcome),
            )
            for i in range(args.contended)
        ]
        threads += [
            threading.Thread(
                target=writer,
                args=(
                    port,
                    deadline,
                    stats,
                    state,
                    editors[i % len(editors)],
                    tokens[editors[i % len(editors)]],
                    i,
                    acknowledged,
                    in_doubt,
                ),
            )
            for i in range(args.writers)
        ]
        if args.restart_postgres_at is not None:
            threads.append(
                threading.Thread(target=restart_postgres, args=(state, args.restart_postgres_at), daemon=True)
            )
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    lat = stats.latencies
    restart_note = (
        f", PostgreSQL restarted at {args.restart_postgres_at:.0f} s"
        if args.restart_postgres_at is not None
        else ""
    )
    print(
        f"\n### Load: {args.clients} readers ({logged_in} logged in), {args.writers} writers, "
        f"{args.contended} contended writers, {args.duration} s, {args.workers} gunicorn workers"
        f"{restart_note}\n"
    )
    print("| measure | mixed load | /health only (same clients, same run) |\n|---|---|---|")
    base = health_only or {}

    def of_base(name, fmt="{:.0f}"):
        return fmt.format(base[name]) if name in base else "–"

    print(f"| good responses | {len(lat)} | {of_base('requests')} |")
    print(f"| throughput | {len(lat) / elapsed:.0f} requests/s | {of_base('throughput')} requests/s |")
    print(
        f"| latency p50 / p95 / p99 | {percentile(lat, 50):.0f} / {percentile(lat, 95):.0f} / {percentile(lat, 99):.0f} ms"
        f" | {of_base('p50')} / {of_base('p95')} / {of_base('p99')} ms |"
    )
    print(
        f"| errors | {sum(stats.errors.values())} {json.dumps(stats.errors, ensure_ascii=False) if stats.errors else ''}"
        f" | {sum(base.get('errors', {}).values())} |"
    )
    print("\n| page | requests | p50 ms | p95 ms | p95 / health-only p95 |\n|---|---:|---:|---:|---:|")
    for page, values in sorted(stats.by_page.items(), key=lambda item: -percentile(item[1], 95)):
        ratio = f"{percentile(values, 95) / base['p95']:.1f}" if base.get("p95") else "–"
        print(
            f"| `{page}` | {len(values)} | {percentile(values, 50):.0f} | {percentile(values, 95):.0f} | {ratio} |"
        )
    if health_only:
        worst = max(percentile(v, 95) for v in stats.by_page.values()) / base["p95"]
        share = (len(lat) / elapsed) / base["throughput"]
        print(
            f"\nGoals: errors {sum(stats.errors.values())} (goal 0); mixed throughput {share:.2f} of /health-only "
            f"(goal ≥ 0.5); worst page p95 {worst:.1f}× the /health-only p95 (goal ≤ 3)."
        )
    if state["restart_started"] is not None:
        gap = (stats.first_ok_after_restart or float("nan")) - state["restart_started"]
        print(f"| clean 503 responses during the restart | {stats.outage_503} |")
        print(f"| restart took | {state['restart_done_at'] - state['restart_started']:.1f} s |")
        print(f"| first good response after the restart began | {gap:.1f} s |")
    failed = False
    if args.writers:
        rows = stored(env)
        expected = [(slug, name, description) for slug, (name, description) in acknowledged.items()]
        present = {row[0]: row for row in rows}
        missing = [slug for slug in acknowledged if slug not in present]
        # A later change whose answer never came (cut off by the restart) may have been applied: then the
        # record holds that newer value, which is not a lost write. Lost = anything else.
        applied_in_doubt = [
            slug
            for slug, (name, desc) in acknowledged.items()
            if slug in present
            and present[slug][1:] != (name, desc)
            and present[slug][2] in in_doubt.get(slug, ())
        ]
        changed = [
            slug
            for slug, (name, desc) in acknowledged.items()
            if slug in present and present[slug][1:] != (name, desc) and slug not in applied_in_doubt
        ]
        expected = [row for row in expected if row[0] not in applied_in_doubt]
        print(f"| acknowledged creates | {len(acknowledged)} |")
        print(
            f"| stored | {len(rows)} (unacknowledged but stored: {len(set(present) - set(acknowledged))}) |"
        )
        print(
            f"| acknowledged writes missing / not in their last acknowledged state | {len(missing)} / {len(changed)} |"
        )
        print(f"| changes in doubt (answer cut off) that were applied | {len(applied_in_doubt)} |")
        kept = [present[s] for s in acknowledged if s in present and s not in applied_in_doubt]
        print(f"| checksum acknowledged / stored (without those) | {checksum(expected)} / {checksum(kept)} |")
        failed = bool(missing or changed)
    if args.contended:
        descriptions = stored_descriptions(env, shared)
        marks = {slug: set(text.split()) for slug, text in descriptions.items()}
        lost = [m for m, slug in outcome["acknowledged"].items() if m not in marks.get(slug, set())]
        refused = outcome["refused"] - outcome["unknown"]
        sneaked_in = [m for m in refused if any(m in found for found in marks.values())]
        print(
            f"| contended writes acknowledged | {len(outcome['acknowledged'])} on {len(shared)} shared records |"
        )
        print(f"| conflicts answered 409/412 (then re-read and retried) | {outcome['conflicts']} |")
        print(f"| acknowledged marks lost / refused marks stored anyway | {len(lost)} / {len(sneaked_in)} |")
        failed = failed or bool(lost or sneaked_in)
    if failed or stats.errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
