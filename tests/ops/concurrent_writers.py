# SPDX-License-Identifier: EUPL-1.2
"""Run as a separate process by test_sqlite_concurrent_writes.py, on the default SQLite setup of settings.py
(no DATABASE_URL; the database file goedebuur.sqlite3 in GOEDEBUUR_DATA_DIR, already migrated and holding
the reference data):

    python tests/ops/concurrent_writers.py THREADS POSTS

THREADS threads, each with its own database connection and its own user and API token, each send POSTS
questions to /api/v1/vragen through the whole request path (middleware included). Prints one JSON line:
the answers' status codes with their counts, the first refusal's body, and the questions stored."""

import json
import os
import sys
import threading
from collections import Counter

import django


def main(threads: int, posts: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goedebuur.settings")
    django.setup()
    from django.db import connection, connections
    from django.test import Client

    from goedebuur.accounts.models import User
    from goedebuur.accounts.tokens import create_token
    from goedebuur.experiences.models import Question
    from goedebuur.municipalities.models import Municipality

    assert connection.vendor == "sqlite" and not connection.settings_dict["NAME"].startswith(":memory:")
    municipality = Municipality.objects.get(code="GM0345")
    keys = []
    for number in range(threads):
        user = User.objects.create_user(
            username=f"schrijver{number}", municipality=municipality, role=User.Role.EDITOR
        )
        keys.append(create_token(user, "gelijktijdig", "write")[1])
    connection.close()

    statuses: Counter[int] = Counter()
    first_refusal: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def write(number: int) -> None:
        client = Client(HTTP_AUTHORIZATION=f"Token {keys[number]}")
        start.wait()
        for serial in range(posts):
            response = client.post(
                "/api/v1/vragen",
                {"titel": f"Vraag {number}-{serial}", "tekst": "Gelijktijdig gesteld."},
                content_type="application/json",
            )
            with lock:
                statuses[response.status_code] += 1
                if response.status_code != 201 and not first_refusal:
                    first_refusal.append(response.content.decode()[:500])
        connections.close_all()

    workers = [threading.Thread(target=write, args=(number,)) for number in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(
        json.dumps(
            {
                "statuses": {str(code): count for code, count in sorted(statuses.items())},
                "first_refusal": first_refusal[0] if first_refusal else None,
                "stored": Question.objects.count(),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
