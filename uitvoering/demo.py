"""Demo of the uitvoering: the uitvoeringsplan of the current IVP's first year, with
activities for each priority (and one regular task), two quarters of progress and indicator
values; and the previous IVP's last year (its voortgangsrapportage with the evaluation is
written by the stappen demo, which adopts it before this module runs).

Called by `manage.py demo` after the stappen and werkgroep demos (the command calls every
app's `demo.laad` in the order of INSTALLED_APPS). Everything goes through the services.

The current plan's first year starts on the first of January after its trajectory began,
so when the demo is loaded it has not begun yet: its progress is recorded as the story's
mid-year (`voortgang_save(vandaag=…)`, the one place that passes it), so that a newcomer sees
quarters filled in. Loading twice changes nothing: the command loads the demo once, and this
module skips a plan that already has its uitvoeringsplan.

The region (`demo.extra["regio"]`) gets two regional activities in that same year, entered
by its coordinator (`regio`), with progress: a joint RIEC approach of ondermijning, tied to
the doelstelling of the shared priority of theme 5.2 when the region has one (the regio demo
makes the shared priorities; without one it stays untied, shown in every member's plan), and
a regional campaign, tied to another shared priority's doelstelling when there is one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ivp.demo import Demo
from ivp.models import Gebruiker, Plan, Regio
from regio.constants import DeelSoort
from regio.models import Regiodoelstelling
from stappen import services as stappen_services
from stappen.constants import DocumentSoort, Keuze
from stappen.models import Document
from uitvoering import services
from uitvoering.constants import ActiviteitStatus, VoortgangStatus
from uitvoering.models import Activiteit, Uitvoeringsplan
from veiligheidsvelden.constants import Richting
from werkgroep.models import Lid

D = dt.date

# Per priority (thema code): the doelstelling (text, indicator, unit, nulmeting, target,
# direction, values in the year before and the first year) and its activities: (title,
# result, amount, unit, trekker username or organisation, partners, quarters, budget,
# dekking). Fictional, after the CCV examples and the Staphorst/Kampen practice.
DOELEN: dict[str, tuple[str, tuple[Any, ...], list[tuple[Any, ...]]]] = {
    "0.2": (
        "Personen met verward gedrag krijgen sneller passende zorg",
        ("Meldingen verward gedrag", "aantal per jaar", "310", "250", Richting.LAGER, 296),
        [
            (
                "Zorg- en veiligheidsoverleg voor complexe casussen",
                "Maandelijks overleg",
                12,
                "overleggen",
                "wijkzaken",
                "GGZ Centraal\nPolitie basisteam\nZorg- en Veiligheidshuis IJsselland",
                (1, 4),
                8000,
                "Programma OOV",
            ),
            (
                "Training herkennen verward gedrag voor handhavers",
                "Getrainde boa's",
                14,
                "boa's",
                "handhaving",
                "GGD IJsselland",
                (2, 3),
                4500,
                "Opleidingsbudget handhaving",
            ),
        ],
    ),
    "5.2": (
        "Meer signalen van ondermijning in het buitengebied",
        (
            "Signalen ondermijning (meldpunt en RIEC)",
            "aantal per jaar",
            "18",
            "40",
            Richting.HOGER,
            21,
        ),
        [
            (
                "Informatieavond agrarische ondernemers met politie en RIEC",
                "Twee bijeenkomsten, ≥ 60 deelnemers",
                2,
                "bijeenkomsten",
                "politie",
                "Politie basisteam\nRIEC Oost-Nederland\nLTO Noord",
                (2, 3),
                5000,
                "Programma OOV",
            ),
            (
                "Bibob-toets bij vergunningen horeca en recreatie",
                "Alle aanvragen getoetst",
                None,
                "",
                "economie",
                "RIEC Oost-Nederland",
                (1, 4),
                12000,
                "Programma OOV",
            ),
        ],
    ),
    "0.1": (
        "Inwoners en ondernemers zijn weerbaarder tegen online criminaliteit",
        (
            "Slachtoffers online oplichting (eigen registratie)",
            "aantal aangiften",
            "140",
            "110",
            Richting.LAGER,
            151,
        ),
        [
            (
                "Voorlichting online oplichting voor senioren",
                "Zes bijeenkomsten in de dorpen",
                6,
                "bijeenkomsten",
                "integriteit",
                "Seniorenraad\nBibliotheek Kop van Overijssel",
                (1, 2),
                3000,
                "Programma OOV",
            ),
            (
                "Cyberweerbaarheidsscan voor mkb",
                "Dertig scans",
                30,
                "scans",
                "Het Digital Trust Center",
                "Ondernemersvereniging",
                (2, 4),
                7500,
                "Partner: ondernemersfonds",
            ),
        ],
    ),
    "2.5": (
        "Giethoorn blijft veilig en leefbaar in het toeristenseizoen",
        ("Overlastmeldingen Giethoorn in het seizoen", "aantal", "220", "180", Richting.LAGER, 231),
        [
            (
                "Inzet handhavers in het hoogseizoen",
                "Dagelijkse inzet mei–september",
                None,
                "",
                "handhaving",
                "Politie basisteam\nOndernemers Giethoorn",
                (2, 3),
                25000,
                "Toeristenbelasting",
            ),
            (
                "Crowd management bij evenementen",
                "Draaiboek en twee oefeningen",
                2,
                "oefeningen",
                "crisisbeheersing",
                "Veiligheidsregio IJsselland",
                (1, 2),
                6000,
                "Programma OOV",
            ),
        ],
    ),
}
BEHEER = (
    "4.2",
    "Jaarlijkse actualisatie Apv op veiligheidsthema's",
    "Apv geactualiseerd",
    "handhaving",
)

# Progress of the first two quarters: (status, explanation) per activity index.
VOORTGANG = {
    1: (VoortgangStatus.OP_SCHEMA, "Verloopt volgens planning."),
    2: (
        VoortgangStatus.AANDACHT,
        "Minder aanmeldingen dan verwacht; extra werving via de partners.",
    ),
}


def _trekker(leden: dict[str, Lid], naam: str) -> dict[str, object]:
    lid = leden.get(naam)
    return {"trekker": lid} if lid else {"trekker_organisatie": naam}


def laad(demo: Demo) -> None:
    door = demo.gebruikers["coordinator"]
    plannen = list(
        Plan.objects.filter(gemeente=demo.gemeenten["Steenwijkerland"]).order_by("periode_start")
    )
    _vorig_plan(plannen[0], door)
    plan = demo.extra.get("nieuw_plan") or plannen[-1]
    assert isinstance(plan, Plan)
    jaar = plan.periode_start.year
    if Uitvoeringsplan.objects.filter(plan=plan, jaar=jaar).exists():
        return
    leden = {
        lid.gebruiker.username: lid
        for lid in Lid.objects.filter(werkgroep__plan=plan, gebruiker__isnull=False).select_related(
            "gebruiker"
        )
        if lid.gebruiker is not None
    }
    up = services.uitvoeringsplan_maak(plan=plan, jaar=jaar, door=door)
    prioriteiten = {
        p.thema.code: p
        for p in plan.plaatsingen.filter(keuze__in=[Keuze.PRIORITEIT, Keuze.BEHEER]).select_related(
            "thema"
        )
    }
    activiteiten = []
    for code, (tekst, meting, lijst) in DOELEN.items():
        naam, eenheid, nul, streef, richting, waarde = meting
        doel = stappen_services.doelstelling_create(
            plaatsing=prioriteiten[code],
            door=door,
            tekst=tekst,
            indicator=naam,
            nulmeting=nul,
            nulmeting_jaar=jaar - 2,
            streefwaarde=streef,
            streefjaar=plan.periode_eind.year,
            bron="Eigen registratie gemeente",
        )
        services.eigen_indicator_koppel(
            doelstelling=doel, door=door, naam=naam, eenheid=eenheid, richting=richting
        )
        doel.refresh_from_db()
        services.meting_save(doelstelling=doel, door=door, jaar=jaar - 2, waarde=Decimal(nul))
        services.meting_save(doelstelling=doel, door=door, jaar=jaar - 1, waarde=Decimal(waarde))
        for titel, resultaat, aantal, eenheid_r, trekker, partners, (
            van,
            tot,
        ), budget, dekking in lijst:
            activiteiten.append(
                services.activiteit_create(
                    uitvoeringsplan=up,
                    door=door,
                    titel=titel,
                    doelstelling=doel,
                    resultaat=resultaat,
                    resultaat_aantal=Decimal(aantal) if aantal is not None else None,
                    resultaat_eenheid=eenheid_r,
                    partners=partners,
                    kwartaal_van=van,
                    kwartaal_tot=tot,
                    begroot=Decimal(budget),
                    dekking=dekking,
                    **_trekker(leden, trekker),
                )
            )
    code, titel, resultaat, trekker = BEHEER
    if code in prioriteiten and prioriteiten[code].keuze == Keuze.BEHEER:
        services.activiteit_create(
            uitvoeringsplan=up,
            door=door,
            titel=titel,
            beheer_thema=prioriteiten[code],
            resultaat=resultaat,
            kwartaal_van=3,
            kwartaal_tot=4,
            begroot=Decimal(0),
            dekking="Reguliere formatie",
            **_trekker(leden, trekker),
        )
    # Two quarters of progress, as the story's 1 July of the first year.
    midden = D(jaar, 7, 1)
    _regionaal(demo, jaar, midden)
    for i, activiteit in enumerate(activiteiten):
        for kwartaal in (1, 2):
            if kwartaal not in activiteit.kwartalen:
                continue
            status, toelichting = (
                VOORTGANG[kwartaal]
                if i % 3
                else (
                    VoortgangStatus.ACHTER,
                    "Capaciteit bij de partner ontbreekt; start schuift op.",
                )
            )
            services.voortgang_save(
                activiteit=activiteit,
                door=door,
                kwartaal=kwartaal,
                status=status,
                toelichting=toelichting,
                besteed=(activiteit.begroot * kwartaal / 5).quantize(Decimal("1")),
                activiteit_status=ActiviteitStatus.VERTRAAGD
                if status == VoortgangStatus.ACHTER
                else "",
                vandaag=midden,
            )


# The region's activities: (title, theme code of the shared priority or "" for any other,
# trekker organisation or "" for the regional coordinator, partners, quarters, budget,
# dekking, progress of K1 and K2).
REGIONAAL: list[tuple[Any, ...]] = [
    (
        "Gezamenlijke RIEC-aanpak ondermijning buitengebied",
        "5.2",
        "RIEC Oost-Nederland",
        "Politie Oost-Nederland\nOpenbaar Ministerie\nBelastingdienst",
        (1, 4),
        40000,
        "Bijdrage per gemeente naar inwonertal",
        (
            (VoortgangStatus.OP_SCHEMA, "Convenant getekend door de vier gemeenten."),
            (VoortgangStatus.AANDACHT, "Eerste casussen; de informatiedeling kost meer tijd."),
        ),
    ),
    (
        "Regionale campagne ‘Samen alert’ tegen woninginbraak en online fraude",
        "",
        "",
        "Politie Oost-Nederland\nCentrum voor Criminaliteitspreventie en Veiligheid",
        (2, 3),
        15000,
        "Regionaal budget veiligheid",
        ((VoortgangStatus.OP_SCHEMA, "Campagnemateriaal gereed; start na de zomer."),),
    ),
]


def _gedeelde_doelstelling(regio: Regio, code: str) -> Regiodoelstelling | None:
    """The first doelstelling of the region's shared priority of theme `code` (or, for "",
    of a shared priority of another theme than those named in REGIONAAL), if any."""
    delen = Regiodoelstelling.objects.filter(
        deel__regio=regio, deel__soort=DeelSoort.PRIORITEIT
    ).order_by("deel__volgorde", "deel__pk", "pk")
    if code:
        return delen.filter(deel__thema__code=code).first()
    genoemd = [r[1] for r in REGIONAAL if r[1]]
    return delen.exclude(deel__thema__code__in=genoemd).first()


def _regionaal(demo: Demo, jaar: int, midden: dt.date) -> None:
    regio = demo.extra.get("regio")
    door = demo.gebruikers.get("regio")
    if not isinstance(regio, Regio) or door is None:
        return
    if Activiteit.objects.filter(regio=regio, jaar=jaar).exists():
        return
    for titel, code, trekker, partners, (van, tot), budget, dekking, voortgang in REGIONAAL:
        activiteit = services.regionale_activiteit_create(
            regio=regio,
            jaar=jaar,
            door=door,
            titel=titel,
            regiodoelstelling=_gedeelde_doelstelling(regio, code),
            resultaat="Eén aanpak voor de vier gemeenten",
            partners=partners,
            kwartaal_van=van,
            kwartaal_tot=tot,
            begroot=Decimal(budget),
            dekking=dekking,
            **({"trekker_organisatie": trekker} if trekker else {"trekker_gebruiker": door}),
        )
        for kwartaal, (status, toelichting) in enumerate(voortgang, start=van):
            services.voortgang_save(
                activiteit=activiteit,
                door=door,
                kwartaal=kwartaal,
                status=status,
                toelichting=toelichting,
                besteed=(activiteit.begroot * kwartaal / 8).quantize(Decimal("1")),
                vandaag=midden,
            )


def _vorig_plan(plan: Plan, door: Gebruiker) -> None:
    """The previous plan's last year: its uitvoeringsplan (adopted by the stappen demo, with
    the last rapportage and its evaluation written there) gets its row here, so the year
    shows on the uitvoering page and its evaluation beside the new plan's first year."""
    jaar = plan.periode_eind.year
    if not Document.objects.filter(
        plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar
    ).exists():
        return
    services.uitvoeringsplan_maak(plan=plan, jaar=jaar, door=door)
