"""Demo werkgroep of Steenwijkerland's current IVP: the coordinator and seven members
(fictional people from ivp.demo), three past meetings with agenda, attendance, notulen,
decisions and actiepunten, budgets and a realistic set of hour entries. The three
neighbours' werkgroepen (just started: their coordinator as trekker) and one joint meeting of
the four werkgroepen in the near future, planned by the regional coordinator.

The dates are the story's (June–October 2022), moved to the day the demo is loaded by
`Demo.nu` as the stappen demo moves the plan, so the meetings lie in the recent past.

Everything goes through the services, as a user would; `manage.py demo` only calls this
once (it checks whether the demo is loaded), so running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NotRequired, TypedDict

from ivp.demo import Demo
from ivp.models import Plan, Regio
from stappen.constants import DocumentSoort, StapNummer
from stappen.models import Document, Stap
from veiligheidsvelden.models import Veld
from werkgroep import services
from werkgroep.constants import Aanwezigheid, ActiepuntStatus, LidRol
from werkgroep.gezamenlijk import services as gezamenlijk_services
from werkgroep.models import Lid
from werkgroep.uren import services as uren_services

D = dt.date
T = dt.time

# username, role in the werkgroep, organisation, function, velden, budget in hours
LEDEN = [
    ("coordinator", LidRol.TREKKER, "Gemeente Steenwijkerland", "Coördinator OOV", "15", 350),
    ("politie", LidRol.POLITIE_EXPERT, "Politie Oost-Nederland", "Operationeel expert", "15", 40),
    ("jeugd", LidRol.LID, "Gemeente Steenwijkerland", "Beleidsadviseur jeugd", "3", 40),
    (
        "handhaving",
        LidRol.LID,
        "Gemeente Steenwijkerland",
        "Teamleider toezicht en handhaving",
        "12",
        40,
    ),
    (
        "economie",
        LidRol.LID,
        "Gemeente Steenwijkerland",
        "Accountmanager toerisme en horeca",
        "2",
        32,
    ),
    (
        "crisisbeheersing",
        LidRol.LID,
        "Gemeente Steenwijkerland",
        "Adviseur crisisbeheersing en fysieke veiligheid",
        "4",
        32,
    ),
    ("wijkzaken", LidRol.LID, "Gemeente Steenwijkerland", "Gebiedsregisseur", "1", 32),
    (
        "integriteit",
        LidRol.LID,
        "Gemeente Steenwijkerland",
        "Adviseur ondermijning en Bibob",
        "5",
        32,
    ),
]


class DemoBijeenkomst(TypedDict):
    datum: dt.date
    locatie: str
    online: NotRequired[str]
    agenda: list[tuple[str, str | None]]  # subject, the document's soort it is about
    afwezig: dict[str, str]  # username: Aanwezigheid for who was not there
    notulen: str
    besluiten: str
    acties: list[tuple[str, str, dt.date]]  # what, the username of who, deadline


BIJEENKOMSTEN: list[DemoBijeenkomst] = [
    {
        "datum": D(2022, 6, 28),
        "locatie": "Gemeentehuis Steenwijk, kamer 2.14",
        "agenda": [
            ("Kennismaking en werkwijze van de werkgroep", None),
            ("De vastgestelde startnotitie en de planning", DocumentSoort.STARTNOTITIE),
            ("Verdeling van de veiligheidsvelden voor de analyse", None),
        ],
        "afwezig": {"economie": Aanwezigheid.AFGEMELD},
        "notulen": "De coördinator licht de startnotitie en de methode Kernbeleid Veiligheid "
        "toe. De werkgroep verdeelt de vijf velden; ieder lid levert voor zijn veld de "
        "problematiek, de huidige aanpak en verbeterpunten aan.",
        "besluiten": "De werkgroep komt vijf keer bijeen tot de vaststelling van het IVP.\n"
        "Ieder lid levert zijn bijdrage aan de analyse vóór 2 september aan.",
        "acties": [
            ("Cijfers politie 2018–2021 aanleveren", "politie", D(2022, 8, 19)),
            ("Overzicht jeugdgroepen en Halt-verwijzingen", "jeugd", D(2022, 8, 26)),
            ("Drukte Giethoorn: cijfers bezoekers en incidenten", "economie", D(2022, 8, 26)),
        ],
    },
    {
        "datum": D(2022, 9, 13),
        "locatie": "Gemeentehuis Steenwijk, kamer 2.14",
        "online": "https://meet.example.nl/werkgroep-ivp",
        "agenda": [
            ("Concept-veiligheidsanalyse per veld", DocumentSoort.VEILIGHEIDSANALYSE),
            ("Het ondermijningsbeeld (vertrouwelijk, mondeling)", None),
        ],
        "afwezig": {"crisisbeheersing": Aanwezigheid.AFGEMELD, "wijkzaken": Aanwezigheid.AFWEZIG},
        "notulen": "De werkgroep bespreekt de concept-analyse veld voor veld. Het beeld van de "
        "vakantieparken vraagt aanvulling vanuit het RIEC.",
        "besluiten": "De analyse gaat met de aanvullingen naar de coördinator voor de "
        "eindredactie.",
        "acties": [
            ("RIEC-beeld vakantieparken toevoegen", "integriteit", D(2022, 9, 23)),
            ("Risicoprofiel IJsselland samenvatten", "crisisbeheersing", D(2022, 9, 23)),
        ],
    },
    {
        "datum": D(2022, 10, 11),
        "locatie": "Online",
        "online": "https://meet.example.nl/werkgroep-ivp",
        "agenda": [
            ("Voorstel prioriteiten voor de raad", DocumentSoort.PRIORITERING),
            ("Voorbereiding opiniërende bijeenkomst van de raad", None),
        ],
        "afwezig": {},
        "notulen": "De werkgroep weegt de thema's met de criteria uit de methode en komt tot "
        "vier voorgestelde prioriteiten. Met vier blijft de werkgroep binnen wat de methode "
        "aanraadt.",
        "besluiten": "Voorstel aan de raad: zorg en veiligheid, ondermijning, gedigitaliseerde "
        "criminaliteit en veilig toerisme.",
        "acties": [
            ("Presentatie voor de raad maken", "coordinator", D(2022, 11, 1)),
            ("Driehoek informeren over het voorstel", "politie", D(2022, 10, 21)),
        ],
    },
]


def _uren(plan: Plan, leden: dict[str, Lid], demo: Demo) -> None:
    stappen = {s.nummer: s for s in plan.stappen.all()}
    coordinator = demo.gebruikers["coordinator"]

    def stap_op(datum: dt.date) -> Stap:
        for nummer in (StapNummer.PRIORITERING, StapNummer.VEILIGHEIDSANALYSE):
            if stappen[nummer].gepland_start <= datum:
                return stappen[nummer]
        return stappen[StapNummer.STARTNOTITIE]

    # The coordinator: two entries a week from June to mid-October 2022.
    week = demo.nu(D(2022, 6, 6))
    n = 0
    while week <= demo.nu(D(2022, 10, 17)):
        for dag, uren, wat in (
            (0, Decimal("6"), "Schrijven en eindredactie"),
            (3, Decimal("4.5"), "Afstemming met partners"),
        ):
            datum = week + dt.timedelta(days=dag)
            uren_services.uren_log(
                lid=leden["coordinator"],
                door=coordinator,
                datum=datum,
                uren=uren + Decimal(n % 3),
                stap=stap_op(datum),
                omschrijving=wat,
            )
        n += 1
        week += dt.timedelta(days=7)
    # The members: each meeting they attended, plus preparation for the analysis.
    for b in BIJEENKOMSTEN:
        for gebruikersnaam, lid in leden.items():
            if gebruikersnaam == "coordinator" or gebruikersnaam in b["afwezig"]:
                continue
            uren_services.uren_log(
                lid=lid,
                door=demo.gebruikers[gebruikersnaam],
                datum=demo.nu(b["datum"]),
                uren=Decimal("3"),
                stap=stap_op(demo.nu(b["datum"])),
                omschrijving="Bijeenkomst werkgroep en voorbereiding",
            )
    for n, (gebruikersnaam, lid) in enumerate(leden.items()):
        if gebruikersnaam == "coordinator":
            continue
        uren_services.uren_log(
            lid=lid,
            door=demo.gebruikers[gebruikersnaam],
            datum=demo.nu(D(2022, 8, 15)) + dt.timedelta(days=n),
            uren=Decimal("4") + Decimal(n % 4),
            stap=stappen[StapNummer.VEILIGHEIDSANALYSE],
            omschrijving="Bijdrage aan de veiligheidsanalyse",
        )


def laad(demo: Demo) -> None:
    plan = demo.extra["nieuw_plan"]
    assert isinstance(plan, Plan)
    door = demo.gebruikers["coordinator"]
    velden = {v.code: v for v in Veld.objects.all()}
    leden: dict[str, Lid] = {}
    for gebruikersnaam, rol, organisatie, functie, codes, budget in LEDEN:
        leden[gebruikersnaam] = services.lid_add(
            plan=plan,
            door=door,
            gebruiker=demo.gebruikers[gebruikersnaam],
            rol=rol,
            organisatie=organisatie,
            functie=functie,
            velden=[velden[c] for c in codes],
        )
        if rol != LidRol.TREKKER:
            uren_services.urenbudget_set(lid=leden[gebruikersnaam], door=door, uren=Decimal(budget))
    documenten = {d.soort: d for d in Document.objects.filter(plan=plan, jaar=None)}
    for gegevens in BIJEENKOMSTEN:
        bijeenkomst = services.bijeenkomst_plan(
            plan=plan,
            door=door,
            datum=demo.nu(gegevens["datum"]),
            begintijd=T(14, 0),
            eindtijd=T(16, 30),
            locatie=gegevens["locatie"],
            online_link=gegevens.get("online", ""),
        )
        for onderwerp, soort in gegevens["agenda"]:
            services.agendapunt_add(
                bijeenkomst=bijeenkomst,
                door=door,
                onderwerp=onderwerp,
                document=documenten.get(soort) if soort else None,
            )
        services.presentie_record(
            bijeenkomst=bijeenkomst,
            door=door,
            statussen={
                lid.pk: gegevens["afwezig"].get(naam, Aanwezigheid.AANWEZIG)
                for naam, lid in leden.items()
            },
        )
        services.bijeenkomst_verslag(
            bijeenkomst=bijeenkomst,
            door=door,
            notulen=gegevens["notulen"],
            besluiten=gegevens["besluiten"],
        )
        for wat, wie, deadline in gegevens["acties"]:
            punt = services.actiepunt_add(
                bijeenkomst=bijeenkomst,
                door=door,
                wat=wat,
                wie=leden[wie],
                deadline=demo.nu(deadline),
            )
            if deadline < D(2022, 10, 1):
                services.actiepunt_set_status(
                    actiepunt=punt, door=door, status=ActiepuntStatus.GEREED
                )
    _uren(plan, leden, demo)
    _gezamenlijk(demo)


BUREN = ("Zwartewaterland", "Staphorst", "Kampen")


def _gezamenlijk(demo: Demo) -> None:
    """Each neighbour's werkgroep starts with its coordinator; then one joint meeting of the
    four werkgroepen, on the Tuesday at least a week from today."""
    for naam in BUREN:
        door = demo.gebruikers[f"coordinator.{naam.lower()}"]
        plan = Plan.objects.filter(gemeente=demo.gemeenten[naam]).latest("periode_start")
        services.lid_add(
            plan=plan,
            door=door,
            gebruiker=door,
            rol=LidRol.TREKKER,
            organisatie=f"Gemeente {naam}",
            functie="Coördinator OOV",
        )
    regio = demo.extra["regio"]
    assert isinstance(regio, Regio)
    dag = demo.vandaag + dt.timedelta(days=7)
    dag += dt.timedelta(days=(1 - dag.weekday()) % 7)  # a Tuesday
    gezamenlijk_services.gezamenlijk_plan(
        regio=regio,
        door=demo.gebruikers["regio"],
        gemeenten=list(demo.gemeenten.values()),
        titel="Gezamenlijke werkgroep: bovenlokale prioriteiten",
        datum=dag,
        begintijd=T(13, 30),
        eindtijd=T(16, 0),
        locatie="Gemeentehuis Zwartewaterland, Hasselt",
        agenda="Regionale analyse ondermijning\nDe bovenlokale prioriteiten en hun doelstellingen\n"
        "Afspraken voor de interlokale driehoek",
    )
