# SPDX-License-Identifier: EUPL-1.2
"""Experience sharing: full-text search latency on a synthetic corpus of 10,000 documents.

The corpus is reproducible (seeded): lessons of 80-200 words drawn from a Dutch ICT-cooperation
vocabulary (with inflected forms), spread over 342 municipalities, five phases, nine domains,
thirteen forms and the years 2019-2026; 60 % public, 30 % for municipalities, 10 % members only.
It measures `goedebuur.experiences.search.search()` as the pages and the API call it: visibility,
matching, ranking, facet counts (six facets) and the snippets of the first page of 20 hits.

SQLite (a fresh temporary database):
    .venv/bin/python bench/bench_search.py [--docs 10000] [--runs 30]
PostgreSQL (a database of its own, emptied of experiences first):
    createdb -h 127.0.0.1 -U postgres gb_bench_search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gb_bench_search .venv/bin/python bench/bench_search.py"""

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time

TOPICS = (
    "migratie migraties gemigreerd kosten kostten begroting begroot overschrijding zaaksysteem zaaksystemen "
    "koppeling koppelingen licentie licenties contract contracten einddatum opzegtermijn aanbesteding "
    "aanbestedingen leverancier leveranciers werkplek werkplekken servicedesk beheer beheerder netwerk "
    "datacenter hosting cloud back-up uitwijk achtervang test testen hersteltest bestuur bestuurlijke "
    "drukte overleg mandaat regeling gemeenschappelijke uittreding uittreden exitstrategie frictiekosten "
    "verdeelsleutel inwoners personeel medewerkers cultuur harmonisatie werkprocessen gegevens datakwaliteit "
    "informatiebeveiliging privacy ciso samenwerking samenwerkingen samenwerkingsverband intentieverklaring "
    "dienstverleningsovereenkomst evaluatie indicatoren besparing besparingen risico risico's ambitie ambities"
).split()
FILLER = (
    "de het een en van in op met voor door bij dat die we wij onze was werd waren niet ook maar toen later "
    "eerst daarna uiteindelijk vooral vaak meer minder goed lastig duidelijk belangrijk afspraken maken"
).split()
QUERIES = [
    ("one common word", "migratie", {}),
    ("inflected form", "samenwerkingen", {}),
    ("two words", "kosten migratie", {}),
    ("three words", "uittreding frictiekosten regeling", {}),
    ("rare word", "exitstrategie", {}),
    ("word + phase facet", "licenties", {"phase": "inrichten"}),
    ("no words, facets only", "", {}),
]


def timed(fn, runs):
    """Median and 95th percentile wall-clock ms, and median CPU ms of this process (the database
    work of SQLite included; PostgreSQL's own process not). On a shared machine, CPU is the steadier figure."""
    fn()  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    walls.sort()
    return statistics.median(walls), walls[max(0, int(len(walls) * 0.95) - 1)], statistics.median(cpus)


def _text(rng, words):
    out = []
    for _ in range(words):
        out.append(rng.choice(TOPICS) if rng.random() < 0.35 else rng.choice(FILLER))
    return " ".join(out).capitalize() + "."


def build_corpus(n, seed=42):
    from goedebuur.cooperations.models import CooperationForm, IctDomain
    from goedebuur.core.trajectory.workflow import PHASE_CODES
    from goedebuur.experiences.models import Lesson, Visibility
    from goedebuur.municipalities.models import Municipality

    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("code"))
    domains = list(IctDomain.objects.order_by("slug"))
    forms = list(CooperationForm.objects.order_by("code"))
    tz = dt.UTC
    lessons = []
    for _ in range(n):
        roll = rng.random()
        visibility = (
            Visibility.PUBLIC if roll < 0.6 else Visibility.MUNICIPAL if roll < 0.9 else Visibility.MEMBERS
        )
        lessons.append(
            Lesson(
                title=_text(rng, rng.randint(5, 9)).rstrip("."),
                body=_text(rng, rng.randint(80, 200)),
                municipality=rng.choice(municipalities),
                created_at=dt.datetime(2019, 1, 1, tzinfo=tz)
                + dt.timedelta(minutes=rng.randint(0, 7 * 525600)),
                phase=rng.choice(PHASE_CODES),
                form=rng.choice(forms),
                visibility=visibility,
                is_demo=True,
            )
        )
    Lesson.objects.bulk_create(lessons, batch_size=1000)
    through = Lesson.domains.through
    rows = []
    for lesson in Lesson.objects.order_by("pk"):
        for domain in rng.sample(domains, rng.randint(1, 2)):
            rows.append(through(lesson_id=lesson.pk, ictdomain_id=domain.pk))
    through.objects.bulk_create(rows, batch_size=2000)


def lower_bound(search, user, query):
    """What any search must do at least, timed beside it: fetch the ids of every visible match (the
    backend's match, no score, no facets, no snippets)."""
    from goedebuur.core.experiences import textsearch
    from goedebuur.experiences.search.backends import backend, fetch
    from goedebuur.experiences.search.service import visible_entries

    ids = visible_entries(user).values_list("pk")
    terms = textsearch.query_terms(query)
    if not terms:
        return fetch(*ids.order_by().query.sql_with_params())
    engine = backend()
    if engine.name.startswith("postgresql"):
        return fetch(*ids.filter(vector=engine._query(query)).order_by().query.sql_with_params())
    inner, params = ids.order_by().query.sql_with_params()
    sql = f"SELECT e.pk FROM experiences_fts JOIN ({inner}) AS e ON e.pk = experiences_fts.rowid WHERE experiences_fts MATCH %s"
    return fetch(sql, [*params, textsearch.fts5_match(terms)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("GOEDEBUUR_DATA_DIR", tempfile.mkdtemp(prefix="goedebuur-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from goedebuur.accounts.models import User
    from goedebuur.cooperations.services import load_managed_lists
    from goedebuur.experiences import search
    from goedebuur.experiences.models import Answer, Lesson, Question, SearchEntry
    from goedebuur.municipalities.models import Municipality
    from goedebuur.municipalities.services import load_reference_data

    call_command("migrate", verbosity=0)
    if not Municipality.objects.exists():
        load_reference_data()
    load_managed_lists()
    for model in (SearchEntry, Answer, Question, Lesson):
        model.objects.all().delete()
    start = time.perf_counter()
    build_corpus(args.docs)
    built = time.perf_counter() - start
    start = time.perf_counter()
    entries = search.rebuild()
    indexed = time.perf_counter() - start
    user, _ = User.objects.get_or_create(
        username="bench-reader", defaults={"municipality": Municipality.objects.get(code="GM0345")}
    )
    print(f"backend {search.backends.backend().name} ({connection.vendor}), {entries} documents")
    print(f"corpus built in {built:.1f} s; index rebuilt (`goedebuur ervaringen-index`) in {indexed:.1f} s")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    trivial = timed(lambda: connection.cursor().execute("SELECT 1"), args.runs)
    print(f"baseline: one trivial query (SELECT 1) median {trivial[0]:.2f} ms, p95 {trivial[1]:.2f} ms")
    print(
        f"{'query':<24} {'q':<34} {'viewer':<10} {'hits':>6} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>7}"
        f" {'bound p95':>9} {'x bound':>7}"
    )
    for label, query, facets in QUERIES:
        for viewer, who in (("anonymous", None), ("municipal", user)):
            filters = search.Filters(**facets)
            total = search.search(who, query, filters).total
            median, p95, cpu = timed(lambda q=query, f=filters, w=who: search.search(w, q, f), args.runs)
            bound = timed(lambda q=query, w=who: lower_bound(search, w, q), args.runs)[1]
            print(
                f"{label:<24} {query!r:<34} {viewer:<10} {total:>6} {median:>10.1f} {p95:>8.1f} {cpu:>7.1f}"
                f" {bound:>9.1f} {p95 / bound:>7.1f}"
            )


if __name__ == "__main__":
    main()
