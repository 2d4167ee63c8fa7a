# SPDX-License-Identifier: EUPL-1.2
"""`/health` and `/ready` for load balancers and monitoring.

- `/health`: liveness with detail — the database answers and every migration is applied. 200 or 503.
- `/ready`: readiness — as /health, and the reference data is loaded (a fresh database that has been
  migrated but not initialised is not ready to serve users). 200 or 503.
Both answer JSON (`application/problem+json` on 503), never cache, and need no login."""

import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from goedebuur.api import PROBLEM_CONTENT_TYPE, problem


def _database() -> tuple[bool, str]:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "not reachable"
        return False, f"database unreachable: {type(error).__name__}"
    return True, "reachable"


def _migrations() -> tuple[bool, str]:
    try:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return False, f"cannot read migrations: {type(error).__name__}"
    if pending:
        return False, f"{len(pending)} migration(s) not applied"
    return True, "all applied"


def _reference_data() -> tuple[bool, str]:
    from goedebuur.municipalities.models import Municipality

    try:
        count = Municipality.objects.count()
    except Exception as error:
        return False, f"cannot count municipalities: {type(error).__name__}"
    if not count:
        return False, "no municipalities loaded: run `goedebuur init`"
    return True, f"{count} municipalities"


def _answer(request, checks: dict) -> JsonResponse:
    started = time.perf_counter()
    results = {}
    healthy = True
    for name, check in checks.items():
        ok, detail = check() if healthy else (False, "skipped")
        results[name] = {"ok": ok, "detail": detail}
        healthy = healthy and ok
    body = {"status": "ok", "checks": results}
    body["durationMs"] = round((time.perf_counter() - started) * 1000, 1)
    if healthy:
        return JsonResponse(body)
    body.update(problem(503, "A check failed.", request.get_full_path()))
    response = JsonResponse(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
    response["Retry-After"] = "5"
    return response


@never_cache
@require_GET
def health(request):
    return _answer(request, {"database": _database, "migrations": _migrations})


@never_cache
@require_GET
def ready(request):
    return _answer(
        request, {"database": _database, "migrations": _migrations, "referenceData": _reference_data}
    )
