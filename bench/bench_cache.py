# SPDX-License-Identifier: EUPL-1.2
"""Cold and warm time of the heavy pages with the shared cache (goedebuur/common/cache.py), each next
to /health in the same run.

    .venv/bin/python bench/bench_cache.py [--cold 5] [--warm 30] [--write]

Uses a fresh temporary data directory with reference + demo data (SQLite unless DATABASE_URL is set;
the cache is the default database cache unless GOEDEBUUR_CACHE_URL names another) and Django's test
client (no network). For every page:

- cold: the shared cache emptied, every per-process cache dropped (the Features, the map paths,
  the pairs) and the business cases' stored results deleted before each request, as the first request
  after an edit of the data it shows (for a business case: an edit by a path that did not compute its
  result; a step saved through the services computes it before anyone views it);
- warm: the same request again, from the cache (a whole page for an anonymous visitor; the stored
  result and map for a logged-in one).

/health is requested between the pages, so its median is taken under the same load; each figure is
also given as a ratio to it. `--write` puts the table into bench/RESULTS.md (section "Shared cache")."""

import argparse
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Shared cache: cold and warm pages (`bench/bench_cache.py`)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold", type=int, default=5)
    parser.add_argument("--warm", type=int, default=30)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--only", help="measure only the pages whose path contains this (no --write)")
    args = parser.parse_args()
    os.environ.setdefault("GOEDEBUUR_DATA_DIR", tempfile.mkdtemp(prefix="goedebuur-bench-cache-"))
    os.environ["ANONYMOUS_HEAVY_RATE"] = "1000000/min"  # the bench is one address asking many times
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from goedebuur.accounts.models import User
    from goedebuur.businesscases.models import BusinessCase, StoredResult
    from goedebuur.clusters import pairs
    from goedebuur.common.cache import forget_versions
    from goedebuur.maps import services as maps
    from goedebuur.partners import services as partners

    print("loading demo data …", file=sys.stderr)
    call_command("demo", stdout=open(os.devnull, "w"))
    anonymous = Client()
    editor = Client()
    editor.force_login(User.objects.get(username="redacteur.veenendaal"))
    case = BusinessCase.objects.filter(is_demo=True).order_by("pk").first()
    pages = [
        ("/clusters", "anonymous", anonymous),
        ("/clusters", "logged in", editor),
        ("/achtervang-koppels", "anonymous", anonymous),
        ("/achtervang-koppels", "logged in", editor),
        ("/kaart", "anonymous", anonymous),
        ("/kaart", "logged in", editor),
        (f"/businesscases/{case.pk}", "logged in", editor),
        ("/partners?gemeente=GM0340", "anonymous", anonymous),
        ("/partners?gemeente=GM0340", "logged in", editor),
        ("/gemeenten/GM0345", "anonymous", anonymous),
        ("/gemeenten/GM0345", "logged in", editor),
        ("/api/v1/samenwerkingen", "anonymous", anonymous),
        ("/api/v1/samenwerkingen", "logged in", editor),
    ]
    if args.only:
        pages = [page for page in pages if args.only in page[0]]
        args.write = False

    def drop_caches():
        cache.clear()
        forget_versions()
        partners.clear_cache()
        maps.clear_cache()
        pairs._pair_cache.clear()
        StoredResult.objects.all().delete()  # as after an edit by a path that did not compute the result

    def timed(client, url):
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        return elapsed

    health = []

    def health_now():
        health.append(timed(anonymous, "/health"))

    for _ in range(5):  # warm-up: imports, templates, the first connection
        for url, _who, client in pages:
            client.get(url)
        health_now()
    health.clear()
    rows = []
    for url, who, client in pages:
        cold, warm = [], []
        for _ in range(args.cold):
            drop_caches()
            health_now()
            cold.append(timed(client, url))
        for _ in range(args.warm):
            health_now()
            warm.append(timed(client, url))
        rows.append((url, who, statistics.median(cold), statistics.median(warm)))
    base = statistics.median(health)
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 2)[-2]
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} with `.venv/bin/python bench/bench_cache.py --cold {args.cold} "
        f"--warm {args.warm}`: Django test client (no network), {database}, cache `{backend}`, demo data, "
        f"CPython {platform.python_version()} on a {os.cpu_count()}-core machine shared with other work "
        f"(load average {load} at the end). Median ms; ratio to the median of /health ({base:.1f} ms, "
        f"{len(health)} requests between the others).",
        "",
        "| page | visitor | cold ms | warm ms | cold / health | warm / health | cold / warm |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for url, who, cold, warm in rows:
        shown = re.sub(r"/\d+$", "/<id>", url)
        lines.append(
            f"| `{shown}` | {who} | {cold:.1f} | {warm:.1f} | {cold / base:.1f} | {warm / base:.1f} | {cold / warm:.0f}× |"
        )
    lines.append(f"| `/health` | anonymous | | {base:.1f} | | 1.0 | |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        results = ROOT / "bench" / "RESULTS.md"
        text = results.read_text()
        block = f"{SECTION}\n\n{table}\n"
        if SECTION in text:
            start = text.index(SECTION)
            end = text.find("\n## ", start + len(SECTION))
            text = text[:start] + block + (text[end:] if end != -1 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + block
        results.write_text(text)


if __name__ == "__main__":
    main()
