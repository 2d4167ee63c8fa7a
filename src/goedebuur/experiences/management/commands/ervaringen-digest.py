# SPDX-License-Identifier: EUPL-1.2
"""`goedebuur ervaringen-digest --daily|--weekly [--base-url URL]`: e-mail every user the new items they follow."""

from django.core.management.base import BaseCommand

from goedebuur.experiences.digest import send_digests


class Command(BaseCommand):
    help = (
        "Stuur elke gebruiker een e-mail met de nieuwe ervaringen en vragen over wat hij volgt "
        "(van de afgelopen dag of week), alleen wat hij mag zien. Plan dit dagelijks of wekelijks in (cron)."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--daily", action="store_const", const="daily", dest="period", help="the last 24 hours"
        )
        group.add_argument(
            "--weekly", action="store_const", const="weekly", dest="period", help="the last 7 days"
        )
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="address of the site, for the links in the e-mail",
        )

    def handle(self, *args, period, base_url, **options):
        sent = send_digests(period, base_url)
        self.stdout.write(f"{sent} e-mail(s) verstuurd.")
