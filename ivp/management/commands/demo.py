"""Load the demo: Steenwijkerland and its neighbours, fictional people, and their plans.

Each app that has demo data holds it in `<app>/demo.py` with a `laad(demo: Demo)` function;
this command calls them in the order of INSTALLED_APPS, so an app adds to what the apps
above it made without this command importing it. Running it again changes nothing.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ivp.demo import WACHTWOORD, Demo, al_geladen


class Command(BaseCommand):
    help = "Laadt de demodata (Steenwijkerland en buurgemeenten) als die er nog niet is."

    def handle(self, *args, **options) -> None:
        if al_geladen():
            self.stdout.write("De demodata staat er al; er is niets opnieuw geladen.")
        else:
            demo = Demo()
            with transaction.atomic():
                for config in apps.get_app_configs():
                    if find_spec(f"{config.name}.demo") is not None:
                        import_module(f"{config.name}.demo").laad(demo)
            self.stdout.write(self.style.SUCCESS("Demodata geladen."))
        self.stdout.write(f"\nDemo-inloggegevens (wachtwoord voor iedereen: {WACHTWOORD}):")
        from ivp.demo import GEBRUIKERS, REGIO_COORDINATOR

        for gebruikersnaam, naam, rol, gemeente in GEBRUIKERS:
            self.stdout.write(f"  {gebruikersnaam:<27} {naam:<18} {rol.label}, {gemeente}")
        gebruikersnaam, naam = REGIO_COORDINATOR
        self.stdout.write(f"  {gebruikersnaam:<27} {naam:<18} regionaal coördinator")
