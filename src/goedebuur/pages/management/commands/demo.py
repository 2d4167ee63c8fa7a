# SPDX-License-Identifier: EUPL-1.2
from django.core.management import call_command
from django.core.management.base import BaseCommand

from goedebuur.accounts.services import DEMO_PASSWORD, ensure_demo_accounts
from goedebuur.cooperations.demo import load_demo_cooperations


class Command(BaseCommand):
    help = "Load demo accounts and fictional demo cooperations (runs `init` first). Idempotent."

    def handle(self, *args, **options):
        call_command("init", stdout=self.stdout)
        added = load_demo_cooperations()
        accounts = ensure_demo_accounts()
        self.stdout.write(f"Demosamenwerkingen toegevoegd: {added}")
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
        for account in accounts:
            self.stdout.write(f"  {account.username:<22} {account.description}")
