"""Demo data of the root: the four gemeenten of the region, fictional people and their roles."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    ("coordinator.staphorst", "Koen Dijkstra", RolSoort.COORDINATOR, "Staphorst"),
    ("coordinator.kampen", "Iris Postma", RolSoort.COORDINATOR, "Kampen"),
]


@dataclass
class Demo:
    """What one app's demo made, for the apps below it."""

    gemeenten: dict[str, Gemeente] = field(default_factory=dict)
    gebruikers: dict[str, Gebruiker] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)


def al_geladen() -> bool:
    return Gemeente.objects.filter(cbs_code="GM1708").exists()


def laad(demo: Demo) -> None:
    for naam, code in GEMEENTEN:
        demo.gemeenten[naam] = Gemeente.objects.create(naam=naam, cbs_code=code)
    regio = Regio.objects.create(
        naam="IVP-samenwerking Steenwijkerland, Zwartewaterland, Staphorst en Kampen"
    )
    regio.gemeenten.set(demo.gemeenten.values())
    for gebruikersnaam, naam, rol, gemeente in GEBRUIKERS:
        voornaam, achternaam = naam.split(" ", 1)
        gebruiker = Gebruiker.objects.create_user(
            username=gebruikersnaam,
            password=WACHTWOORD,
            first_name=voornaam,
            last_name=achternaam,
            email=f"{gebruikersnaam}@demo.ivp-regie.local",
        )
        Rol.objects.create(gebruiker=gebruiker, gemeente=demo.gemeenten[gemeente], soort=rol)
        demo.gebruikers[gebruikersnaam] = gebruiker
