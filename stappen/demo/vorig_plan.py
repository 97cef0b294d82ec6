"""The previous IVP of Steenwijkerland: four years ending the 31st of December before the
demo is loaded (the story: 2019–2022, extended to April 2023), all six steps closed."""

from __future__ import annotations

import datetime as dt

from ivp.demo import Demo
from stappen import services
from stappen.constants import (
    DocumentSoort,
    Keuze,
    StapNummer,
)
from stappen.demo import hulp, stukken
from stappen.demo.teksten import (
    HOOFDSTUKKEN,
    LAATSTE_RAPPORTAGE,
    STARTNOTITIE,
)
from veiligheidsvelden.models import Beleidsdocument, Thema

D = dt.date


def laad(demo: Demo) -> None:
    gemeente = demo.gemeenten["Steenwijkerland"]
    door = demo.gebruikers["coordinator"]
    s = demo.vorig_jaren

    def d(jaar: int, maand: int, dag: int) -> dt.date:
        return demo.toen(D(jaar, maand, dag))

    periode_start, periode_eind = D(2019 + s, 1, 1), D(2022 + s, 12, 31)
    # Extended by four months when those months have passed (as the story's plan was).
    verlengd_tot = D(2023 + s, 4, 30)
    verlengd = verlengd_tot < demo.vandaag - dt.timedelta(days=2)
    plan = services.plan_create(
        gemeente=gemeente,
        titel=f"Integraal Veiligheidsplan {periode_start.year}–{periode_eind.year}",
        traject_start=d(2018, 3, 1),
        periode_start=periode_start,
        periode_eind=periode_eind,
        verlengd_tot=verlengd_tot if verlengd else None,
        verlenging_reden=(
            "De netwerkpartners vroegen om meer tijd; in afstemming met hen loopt het IVP door "
            "tot en met april."
            if verlengd
            else ""
        ),
        door=door,
    )
    demo.extra["vorig_plan"] = plan
    stap = {int(n): hulp.stap(plan, n) for n in StapNummer}

    services.stap_start(stap=stap[1], door=door, op=d(2018, 3, 1))
    hulp.schrijf(hulp.document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.STARTNOTITIE),
        door,
        d(2018, 3, 27),
        f"{2018 + s}-COLL-0311",
    )
    services.stap_close(stap=stap[1], door=door)

    services.stap_start(stap=stap[2], door=door, op=d(2018, 4, 2))
    hulp.analyseer(plan, door)
    hulp.bronnen(plan, door)
    hulp.stel_vast(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, d(2018, 6, 26))
    services.stap_close(stap=stap[2], door=door)

    services.stap_start(stap=stap[3], door=door, op=d(2018, 7, 2))
    keuzes = {t.code: Keuze.BEHEER for t in Thema.objects.hoofdthemas().filter(gemeente=None)}
    keuzes |= {"1.3": Keuze.STRATEGISCH, "4.1": Keuze.STRATEGISCH, "3.1": Keuze.STRATEGISCH}
    keuzes |= {"1.1": Keuze.PRIORITEIT, "5.2": Keuze.PRIORITEIT, "2.5": Keuze.PRIORITEIT}
    plaatsingen = hulp.plaats(plan, door, keuzes)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=d(2018, 9, 11),
        raad_bijeenkomst_uitkomst="De raad herkent de drie voorgestelde prioriteiten.",
        driehoek_op=d(2018, 9, 20),
        driehoek_uitkomst="De driehoek stemt in; ondermijning ook in de interlokale driehoek.",
    )
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.PRIORITERING),
        door,
        d(2018, 10, 30),
        f"{2018 + s}-RAAD-00041",
    )
    services.stap_close(stap=stap[3], door=door)

    services.stap_start(stap=stap[4], door=door, op=d(2018, 11, 1))
    services.stap_start(stap=stap[5], door=door, op=d(2018, 11, 15))
    beleid = list(Beleidsdocument.objects.filter(gemeente=gemeente).order_by("titel"))
    for code, (aanleiding, aanpak, partners, portefeuillehouder, doelen) in HOOFDSTUKKEN.items():
        plaatsing = plaatsingen[code]
        services.prioriteit_update(
            plaatsing=plaatsing,
            door=door,
            aanleiding=aanleiding,
            aanpak=aanpak,
            partners=partners,
            portefeuillehouder=portefeuillehouder,
            beleidsdocumenten=beleid[:2],
        )
        for tekst, indicator, nul, nul_jaar, streef, streef_jaar, bron in doelen:
            services.doelstelling_create(
                plaatsing=plaatsing,
                door=door,
                tekst=tekst,
                indicator=indicator,
                nulmeting=nul,
                nulmeting_jaar=nul_jaar + s if nul_jaar else None,
                streefwaarde=streef,
                streefjaar=streef_jaar + s if streef_jaar else None,
                bron=bron,
            )
    stukken.schrijf_ivp(hulp.document(plan, DocumentSoort.IVP), door)
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.IVP), door, d(2019, 2, 26), f"{2019 + s}-RAAD-00007"
    )
    services.stap_close(stap=stap[4], door=door)
    uitvoeringsplan = hulp.document(plan, DocumentSoort.UITVOERINGSPLAN, 2019 + s)
    hulp.stel_vast(uitvoeringsplan, door, d(2019, 3, 12), f"{2019 + s}-COLL-0102")
    hulp.kennisname(uitvoeringsplan, door, d(2019, 4, 2))
    services.stap_close(stap=stap[5], door=door)

    services.stap_start(stap=stap[6], door=door, op=d(2019, 4, 3))
    for jaar in range(2019 + s, 2023 + s):
        if jaar > 2019 + s:
            plan_jaar = services.jaardocument_create(
                plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar, door=door
            )
            hulp.stel_vast(plan_jaar, door, min(D(jaar, 2, 18), demo.vandaag))
            hulp.kennisname(plan_jaar, door, min(D(jaar, 3, 4), demo.vandaag))
        rapportage = services.jaardocument_create(
            plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=jaar, door=door
        )
        if jaar == 2022 + s:
            hulp.schrijf(rapportage, door, LAATSTE_RAPPORTAGE)
        besloten = min(D(jaar + 1, 1, 28), demo.vandaag)
        hulp.stel_vast(rapportage, door, besloten)
        hulp.kennisname(rapportage, door, min(D(jaar + 1, 2, 18), demo.vandaag))
    services.stap_close(
        stap=stap[6],
        door=door,
        op=min(plan.einde + dt.timedelta(days=2), demo.vandaag),
        toelichting="Looptijd verstreken; de werkgroep gaat door als voortgangsoverleg.",
    )
    stukken.laad(demo, plan)
