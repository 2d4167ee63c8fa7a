# SPDX-License-Identifier: EUPL-1.2
import multiprocessing

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


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
            default=min(4, multiprocessing.cpu_count() + 1),
            help="number of gunicorn worker processes (default: CPUs + 1, at most 4)",
        )
        parser.add_argument("--demo", action="store_true", help="run `init` and `demo` before serving")
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="skip migrate and collectstatic at start (when the deployment runs them once for all web processes)",
        )

    def handle(self, *args, host, port, workers, demo, no_migrate, **options):
        if demo:
            call_command("demo", stdout=self.stdout)
        elif not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        if not no_migrate:
            call_command("collectstatic", interactive=False, verbosity=0)
        from gunicorn.app.base import BaseApplication

        from goedebuur.ops.services import gunicorn_settings
        from goedebuur.wsgi import application

        class Server(BaseApplication):
            def load_config(self):
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("accesslog", "-")
                self.cfg.set("timeout", 60)
                # gunicorn's maximum: longer URLs reach the application, which refuses them itself
                # with its documented 414 (goedebuur.ops.limits).
                self.cfg.set("limit_request_line", 8190)
                for name, value in gunicorn_settings().items():
                    self.cfg.set(name, value)

            def load(self):
                return application

        self.stdout.write(f"Goede Buur draait op http://{host}:{port}/ (stoppen met Ctrl+C)")
        if settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG staat aan: niet voor productie."))
        Server().run()
