# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections

from goedebuur.pages.server import THREADS, server_model


class Command(BaseCommand):
    help = (
        "Serve Goede Buur with gunicorn (a production WSGI server) and WhiteNoise for static files. "
        "With --demo, load reference and demo data first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
        parser.add_argument(
            "--workers",
            type=int,
            default=settings.WEB_CONCURRENCY,
            help="gunicorn worker processes (default: WEB_CONCURRENCY, else the cores available + 1, at least 2)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=settings.WEB_THREADS,
            help=f"threads per worker (default: WEB_THREADS, else {THREADS})",
        )
        parser.add_argument("--demo", action="store_true", help="run `init` and `demo` before serving")
        parser.add_argument(
            "--no-warm",
            action="store_true",
            help="do not start `warm-cache` in the background (the heavy default results into the shared cache)",
        )
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="skip migrate and collectstatic at start (when the deployment runs them once for all web processes)",
        )

    def handle(self, *args, host, port, workers, threads, demo, no_migrate, no_warm, **options):
        workers, threads = server_model(workers, threads)
        if demo:
            call_command("demo", stdout=self.stdout)
        elif not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        if not no_migrate:
            call_command("collectstatic", interactive=False, verbosity=0)
        from django.urls import resolve
        from gunicorn.app.base import BaseApplication

        from goedebuur.ops.services import gunicorn_settings
        from goedebuur.wsgi import application

        # Load every URL and view here, once, before gunicorn forks: the workers start with them (sharing
        # the memory until they write to it) and answer their first request at once. The heavy libraries
        # for documents and exports are imported only by the request that needs them.
        resolve("/health")
        # A connection opened above (migrate, demo) must not be inherited by the workers.
        connections.close_all()

        class Server(BaseApplication):
            def load_config(self):
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("threads", threads)
                self.cfg.set("worker_class", "gthread" if threads > 1 else "sync")
                # A worker takes a connection only when one of its threads is free; the others wait in the
                # listen queue for whichever worker frees a thread first, instead of queueing inside a
                # worker behind its slow requests while another worker is idle. So no keep-alive
                # connections either (they would count against the same limit; on a local network or
                # behind nginx a new connection costs a fraction of a millisecond).
                self.cfg.set("worker_connections", threads)
                self.cfg.set("keepalive", 0)
                self.cfg.set("accesslog", "-")
                self.cfg.set("timeout", 60)
                # gunicorn's maximum: longer URLs reach the application, which refuses them itself
                # with its documented 414 (goedebuur.ops.limits).
                self.cfg.set("limit_request_line", 8190)
                for name, value in gunicorn_settings().items():
                    self.cfg.set(name, value)

            def load(self):
                return application

        self.stdout.write(
            f"Goede Buur draait op http://{host}:{port}/ met {workers} processen × {threads} threads "
            "(stoppen met Ctrl+C)"
        )
        if settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG staat aan: niet voor productie."))
        if not no_warm:
            # The heavy default results into the shared cache while the workers start answering: a
            # process of its own, so that the workers fork from a process without threads.
            import subprocess
            import sys

            subprocess.Popen(
                [sys.executable, "-c", "from goedebuur.cli import main; main()", "warm-cache"],
                stdout=subprocess.DEVNULL,
            )
        Server().run()
