# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur serve`: gunicorn workers and threads from the cores available, or from the settings."""

import pytest
from django.core.management import call_command
from gunicorn.app.base import BaseApplication

from goedebuur.pages import server
from goedebuur.pages.management.commands import serve


@pytest.mark.parametrize(("cores", "workers"), [(1, 2), (2, 3), (8, 9)])
def test_it_runs_one_worker_per_core_plus_one_with_four_threads_each(cores, workers):
    assert server.server_model(cores=cores) == (workers, 4)


def test_it_takes_the_numbers_it_is_given():
    assert server.server_model(5, 1, cores=2) == (5, 1)


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("max 100000\n", None), ("150000 100000\n", 1.5), ("50000 100000", 0.5), ("", None)],
)
def test_it_reads_the_cgroup_cpu_quota(tmp_path, cpu_max, expected):
    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert server.cgroup_cpu_limit(path) == expected


def test_a_cpu_quota_below_the_cores_limits_them(tmp_path, monkeypatch):
    monkeypatch.setattr(server.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    path = tmp_path / "cpu.max"
    path.write_text("150000 100000")
    assert server.available_cores(path) == 2
    assert server.available_cores(tmp_path / "missing") == 4


@pytest.fixture
def started(monkeypatch):
    """What `goedebuur serve` hands gunicorn, without starting it."""
    seen = {}

    def run(self):
        seen.update(
            workers=self.cfg.workers, threads=self.cfg.threads, worker_class=self.cfg.worker_class_str
        )
        seen["connections per worker"] = self.cfg.worker_connections

    class Connections:
        def close_all(self):
            seen["connections closed"] = True

    monkeypatch.setattr(BaseApplication, "run", run)
    monkeypatch.setattr(serve, "connections", Connections())
    monkeypatch.setattr(server, "available_cores", lambda: 2)
    return seen


def test_serve_uses_the_defaults_and_closes_the_database_connections_before_forking(started, settings):
    settings.WEB_CONCURRENCY = settings.WEB_THREADS = 0
    call_command("serve", "--no-migrate")
    assert started == {
        "workers": 3,
        "threads": 4,
        "worker_class": "gthread",
        "connections closed": True,
        "connections per worker": 4,  # a worker whose threads are all busy leaves new requests to the others
    }


def test_serve_takes_workers_and_threads_from_the_settings(started, settings):
    settings.WEB_CONCURRENCY, settings.WEB_THREADS = 5, 2
    call_command("serve", "--no-migrate")
    assert (started["workers"], started["threads"]) == (5, 2)


def test_serve_options_win_and_one_thread_means_sync_workers(started, settings):
    settings.WEB_CONCURRENCY, settings.WEB_THREADS = 5, 2
    call_command("serve", "--no-migrate", "--workers", "2", "--threads", "1")
    assert (started["workers"], started["threads"], started["worker_class"]) == (2, 1, "sync")
    assert started["connections closed"]
