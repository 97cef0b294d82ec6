"""The IVP 2019–2022 of Steenwijkerland (extended to April 2023): all six steps closed."""

from __future__ import annotations

import datetime as dt

from ivp.demo import Demo
from stappen import services
from stappen.constants import (
    DocumentSoort,
    Keuze,
    StapNummer,
)
from stappen.demo import hulp
from stappen.demo.teksten import (
    HOOFDSTUKKEN,
    STARTNOTITIE,
)
from veiligheidsvelden.models import Beleidsdocument, Thema

D = dt.date


def laad(demo: Demo) -> None:
    gemeente = demo.gemeenten["Steenwijkerland"]
    door = demo.gebruikers["coordinator"]
    plan = services.plan_create(
        gemeente=gemeente,
        titel="Integraal Veiligheidsplan 2019–2022",
        traject_start=D(2018, 3, 1),
        periode_start=D(2019, 1, 1),
        periode_eind=D(2022, 12, 31),
        verlengd_tot=D(2023, 4, 30),
        verlenging_reden=(
            "De coronacrisis en de vluchtelingencrisis vroegen veel van de netwerkpartners; in "
            "afstemming met hen loopt het IVP door tot april 2023."
        ),
        door=door,
    )
    stap = {int(n): hulp.stap(plan, n) for n in StapNummer}

    services.stap_start(stap=stap[1], door=door, op=D(2018, 3, 1))
    hulp.schrijf(hulp.document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.STARTNOTITIE), door, D(2018, 3, 27), "2018-COLL-0311"
    )
    services.stap_close(stap=stap[1], door=door, op=D(2018, 3, 28))

    services.stap_start(stap=stap[2], door=door, op=D(2018, 4, 2))
    hulp.analyseer(plan, door)
    hulp.bronnen(plan, door)
    hulp.stel_vast(hulp.document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, D(2018, 6, 26))
    services.stap_close(stap=stap[2], door=door, op=D(2018, 6, 29))

    services.stap_start(stap=stap[3], door=door, op=D(2018, 7, 2))
    keuzes = {t.code: Keuze.BEHEER for t in Thema.objects.hoofdthemas().filter(gemeente=None)}
    keuzes |= {"1.3": Keuze.STRATEGISCH, "4.1": Keuze.STRATEGISCH, "3.1": Keuze.STRATEGISCH}
    keuzes |= {"1.1": Keuze.PRIORITEIT, "5.2": Keuze.PRIORITEIT, "2.5": Keuze.PRIORITEIT}
    plaatsingen = hulp.plaats(plan, door, keuzes)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=D(2018, 9, 11),
        raad_bijeenkomst_uitkomst="De raad herkent de drie voorgestelde prioriteiten.",
        driehoek_op=D(2018, 9, 20),
        driehoek_uitkomst="De driehoek stemt in; ondermijning ook in de interlokale driehoek.",
    )
    hulp.stel_vast(
        hulp.document(plan, DocumentSoort.PRIORITERING), door, D(2018, 10, 30), "2018-RAAD-00041"
    )
    services.stap_close(stap=stap[3], door=door, op=D(2018, 10, 31))

    services.stap_start(stap=stap[4], door=door, op=D(2018, 11, 1))
    services.stap_start(stap=stap[5], door=door, op=D(2018, 11, 15))
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
                nulmeting_jaar=nul_jaar,
                streefwaarde=streef,
                streefjaar=streef_jaar,
                bron=bron,
            )
    hulp.stel_vast(hulp.document(plan, DocumentSoort.IVP), door, D(2019, 2, 26), "2019-RAAD-00007")
    services.stap_close(stap=stap[4], door=door, op=D(2019, 2, 27))
    uitvoeringsplan = hulp.document(plan, DocumentSoort.UITVOERINGSPLAN, 2019)
    hulp.stel_vast(uitvoeringsplan, door, D(2019, 3, 12), "2019-COLL-0102")
    hulp.kennisname(uitvoeringsplan, door, D(2019, 4, 2))
    services.stap_close(stap=stap[5], door=door, op=D(2019, 4, 2))

    services.stap_start(stap=stap[6], door=door, op=D(2019, 4, 3))
    for jaar in range(2019, 2023):
        if jaar > 2019:
            plan_jaar = services.jaardocument_create(
                plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar, door=door
            )
            hulp.stel_vast(plan_jaar, door, D(jaar, 2, 18))
        rapportage = services.jaardocument_create(
            plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=jaar, door=door
        )
        hulp.stel_vast(rapportage, door, D(jaar + 1, 1, 28))
    services.stap_close(
        stap=stap[6],
        door=door,
        op=D(2023, 5, 2),
        toelichting="Looptijd verstreken; de werkgroep gaat door als voortgangsoverleg.",
    )
