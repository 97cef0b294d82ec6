"""`manage.py herinneringen`: the daily sweep now (what `celery beat` runs at 07:00)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ivp import herinneringen


class Command(BaseCommand):
    help = "Verstuur de herinneringen die vandaag aan de beurt zijn (elke herinnering één keer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--gemeente", type=int, help="Alleen deze gemeente (id).")
        parser.add_argument(
            "--ook-mislukt",
            action="store_true",
            help="Probeer ook de e-mails die 'niet verzonden' zijn opnieuw.",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        aantal = herinneringen.veeg(
            vandaag=timezone.localdate(),
            gemeente_id=opties["gemeente"],
            ook_mislukt=opties["ook_mislukt"],
        )
        self.stdout.write(f"{aantal} nieuwe herinnering(en).")
