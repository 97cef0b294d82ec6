"""Demo data of the root: the four gemeenten of the region, fictional people and their roles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Gemeente, Regio, Rol

WACHTWOORD = "veilig-samen-2026"

GEMEENTEN = [
    ("Steenwijkerland", "GM1708"),
    ("Zwartewaterland", "GM1896"),
    ("Staphorst", "GM0180"),
    ("Kampen", "GM0166"),
]

# username, full name, role, gemeente. Fictional people only.
GEBRUIKERS = [
    ("coordinator", "Anouk Verbeek", RolSoort.COORDINATOR, "Steenwijkerland"),
    ("politie", "Jeroen Bakker", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("jeugd", "Sanne Mulder", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("handhaving", "Thomas Kok", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("economie", "Fatima el Amrani", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("crisisbeheersing", "Pieter Hoekstra", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("wijkzaken", "Lotte Visser", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("integriteit", "Ruben Smit", RolSoort.WERKGROEPLID, "Steenwijkerland"),
    ("burgemeester", "Hendrik Jansen", RolSoort.BESTUURDER, "Steenwijkerland"),
    ("griffie", "Esther de Boer", RolSoort.GRIFFIE, "Steenwijkerland"),
    ("coordinator.zwartewaterland", "Bas Hendriks", RolSoort.COORDINATOR, "Zwartewaterland"),
    ("coordinator.staphorst", "Koen Dijkstra", RolSoort.COORDINATOR, "Staphorst"),
    ("coordinator.kampen", "Iris Postma", RolSoort.COORDINATOR, "Kampen"),
]
# The regional coordinator of the four (docs/regio.md): no role in any of them.
REGIO_COORDINATOR = ("regio", "Marloes de Vries")


# The day the demo's story of the current plan is written for (step 3 under way, the
# prioritering in review). Loading the demo moves that story to the day it is loaded.
VERHAALDAG = dt.date(2022, 10, 20)


@dataclass
class Demo:
    """What one app's demo made, for the apps below it, and its calendar: the demo is dated
    relative to the day it is loaded, so a newcomer sees a cycle in motion."""

    gemeenten: dict[str, Gemeente] = field(default_factory=dict)
    gebruikers: dict[str, Gebruiker] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)
    vandaag: dt.date = field(default_factory=timezone.localdate)

    @property
    def verschuiving(self) -> dt.timedelta:
        """Whole weeks from the story's day to today, so meetings keep their weekday."""
        return dt.timedelta(weeks=(self.vandaag - VERHAALDAG).days // 7)

    def nu(self, datum: dt.date) -> dt.date:
        """A date of the current plan's story (written around VERHAALDAG), moved to today."""
        return datum + self.verschuiving

    @property
    def nieuwe_periode_start(self) -> dt.date:
        """The current plan's period starts the first of January after its trajectory began
        (the story: trajectory from June 2022, period from 2023)."""
        return dt.date(self.nu(dt.date(2022, 6, 1)).year + 1, 1, 1)

    @property
    def vorig_jaren(self) -> int:
        """The previous plan's four years end on the last 31 December before today."""
        return (self.vandaag.year - 1) - 2022

    def toen(self, datum: dt.date) -> dt.date:
        """A date of the previous plan's story (2018–2023), moved by whole years so that its
        period ends the 31st of December before today; never after today."""
        jaar = datum.year + self.vorig_jaren
        try:
            verschoven = datum.replace(year=jaar)
        except ValueError:  # 29 February
            verschoven = datum.replace(year=jaar, day=28)
        return min(verschoven, self.vandaag)


def al_geladen() -> bool:
    return Gemeente.objects.filter(cbs_code="GM1708").exists()


def laad(demo: Demo) -> None:
    for naam, code in GEMEENTEN:
        demo.gemeenten[naam] = Gemeente.objects.create(naam=naam, cbs_code=code)
    regio = Regio.objects.create(
        naam="IVP-samenwerking Steenwijkerland, Zwartewaterland, Staphorst en Kampen"
    )
    regio.gemeenten.set(demo.gemeenten.values())
    demo.extra["regio"] = regio
    for gebruikersnaam, naam, rol, gemeente in GEBRUIKERS:
        gebruiker = _gebruiker(gebruikersnaam, naam)
        Rol.objects.create(gebruiker=gebruiker, gemeente=demo.gemeenten[gemeente], soort=rol)
        demo.gebruikers[gebruikersnaam] = gebruiker
    gebruikersnaam, naam = REGIO_COORDINATOR
    demo.gebruikers[gebruikersnaam] = _gebruiker(gebruikersnaam, naam)
    regio.coordinatoren.add(demo.gebruikers[gebruikersnaam])


def _gebruiker(gebruikersnaam: str, naam: str) -> Gebruiker:
    voornaam, achternaam = naam.split(" ", 1)
    return Gebruiker.objects.create_user(
        username=gebruikersnaam,
        password=WACHTWOORD,
        first_name=voornaam,
        last_name=achternaam,
        email=f"{gebruikersnaam}@demo.ivp-regie.local",
    )
