# SPDX-License-Identifier: EUPL-1.2
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from goedebuur.accounts.services import DEMO_PASSWORD, ensure_demo_accounts
from goedebuur.cooperations import services as cooperations
from goedebuur.profiles.services import load_demo_profiles

CAPABILITY_DEMOS = [
    "goedebuur.businesscases.demo",
    "goedebuur.trajectories.demo",
    "goedebuur.experiences.demo",
    "goedebuur.fallback.demo",
    "goedebuur.ledger.demo",
]


class Command(BaseCommand):
    help = (
        "Load demo accounts, fictional demo cooperations and demo ICT profiles with application landscapes "
        "(runs `init` first). Idempotent."
    )

    def handle(self, *args, **options):
        call_command("init", stdout=self.stdout)
        added = cooperations.load_demo_cooperations()
        profiles = load_demo_profiles()
        accounts = ensure_demo_accounts()
        # Demo invitations and notifications go to fictional people: never send them, whatever EMAIL_BACKEND says.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            for module in CAPABILITY_DEMOS:
                line = import_module(module).load_demo()
                if line:
                    self.stdout.write(line)
        self.stdout.write(f"Demosamenwerkingen toegevoegd: {added}")
        self.stdout.write(
            f"Demo-ICT-profielen toegevoegd: {profiles['profiles']}, demo-applicaties: {profiles['applications']}"
        )
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<22} {account.description}")
