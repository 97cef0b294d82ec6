"""Demo plans: Steenwijkerland's IVP 2019–2022 (extended, all steps done) and its IVP
2023–2026 (steps 1 and 2 done, prioritering under way), and a plan of Staphorst.

Everything goes through the services, so the demo obeys the same guards as a user.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from ivp.demo import Demo
from ivp.models import Gebruiker, Plan
from stappen import services
from stappen.constants import (
    BESLUITORGAAN,
    BesluitUitkomst,
    BronSoort,
    DocumentSoort,
    Keuze,
    Orgaan,
    StapNummer,
)
from stappen.demo.teksten import ANALYSE as ANALYSE_TEKST
from stappen.demo.teksten import PRIORITERING, PRIORITERING_OPMERKINGEN, STARTNOTITIE
from stappen.models import Document, Plaatsing
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld

D = dt.date

ANALYSE = {
    "1": (
        "Woninginbraken dalen sinds 2019, maar de buurtsignalen over woonoverlast en personen "
        "met onbegrepen gedrag nemen toe. Inwoners voelen zich in het algemeen veilig.",
        "Buurtbemiddeling, wijkagenten en de boa's werken gebiedsgericht; het zorg- en "
        "veiligheidsoverleg bespreekt complexe casuïstiek.",
        "Meldingen van overlast door verward gedrag sneller delen tussen zorg en veiligheid.",
    ),
    "2": (
        "Giethoorn trekt op piekdagen 20.000 tot 30.000 bezoekers; de hulpdiensten maken zich "
        "zorgen over de bereikbaarheid. Vijf bedrijventerreinen hebben het Keurmerk Veilig "
        "Ondernemen.",
        "Verkeersregelaars en een bezoekersplan op piekdagen; KVO met cameratoezicht.",
        "Een gezamenlijk drukteplan voor Giethoorn met ondernemers en veiligheidsregio.",
    ),
    "3": (
        "Enkele hinderlijke jeugdgroepen in de kernen; alcoholgebruik onder jongeren boven "
        "het landelijk gemiddelde.",
        "Jongerenwerk, Halt en de persoonsgerichte aanpak voor risicojongeren.",
        "Vroegsignalering op scholen versterken; ouders actiever betrekken.",
    ),
    "4": (
        "Het verkeer op de N333 en rond scholen baart zorgen; de risico's van het regionaal "
        "risicoprofiel IJsselland zijn bekend.",
        "Verkeersplan, brandpreventie door de veiligheidsregio, crisisorganisatie bevolkingszorg.",
        "Oefenen van de crisisorganisatie met de buurgemeenten.",
    ),
    "5": (
        "Het ondermijningsbeeld wijst op risico's in het buitengebied en op vakantieparken "
        "(vrijgekomen agrarisch vastgoed).",
        "Deelname aan het RIEC en het project Veilig Buitengebied; Bibob-beleid.",
        "Weerbaarheid van ondernemers in het buitengebied vergroten; informatiepositie versterken.",
    ),
}


def _schrijf(document: Document, door: Gebruiker, teksten: dict[str, str]) -> None:
    for hoofdstuk in document.hoofdstukken.filter(sleutel__in=teksten):
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk,
            door=door,
            tekst=teksten[hoofdstuk.sleutel],
            versie=hoofdstuk.versie,
        )


def _bespreek_prioritering(plan: Plan, demo: Demo) -> None:
    """The current prioritering in review with the werkgroep, with a few comments."""
    door = demo.gebruikers["coordinator"]
    document = _document(plan, DocumentSoort.PRIORITERING)
    _schrijf(document, door, PRIORITERING)
    services.document_open_review(
        document=document,
        door=door,
        sluit_op=timezone.localdate() + dt.timedelta(days=14),
        bericht="Graag jullie reactie op de vier voorgestelde prioriteiten, vóór de raad.",
    )
    versie = document.versies.get()
    for naam, sectie, citaat, tekst, antwoord in PRIORITERING_OPMERKINGEN:
        opmerking = services.opmerking_create(
            versie=versie, door=demo.gebruikers[naam], sectie=sectie, citaat=citaat, tekst=tekst
        )
        if antwoord:
            services.opmerking_reply(opmerking=opmerking, door=door, tekst=antwoord)


# Sources per veld (fictional titles; the kinds of domain.md §4). The ondermijningsbeeld is
# confidential: it never reaches the griffie or a public PDF.
BRONNEN = {
    "1": [
        (
            BronSoort.POLITIE,
            "Geregistreerde misdrijven en overlast per buurt",
            "2018–2021",
            "https://data.politie.nl/",
        ),
        (
            BronSoort.VEILIGHEIDSMONITOR,
            "Veiligheidsmonitor, kerncijfers gemeente",
            "2021",
            "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85146NED/table",
        ),
        (
            BronSoort.LEEFBAARHEIDSMONITOR,
            "Leefbaarometer 3.0, buurtscores",
            "2020",
            "https://www.leefbaarometer.nl/",
        ),
    ],
    "2": [
        (
            BronSoort.CBS,
            "Geregistreerde criminaliteit; soort misdrijf, regio",
            "2018–2021",
            "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83648NED/table",
        ),
        (BronSoort.OVERIG, "Bezoekerstellingen Giethoorn (toeristisch bureau)", "2022", ""),
    ],
    "3": [
        (BronSoort.OVERIG, "Jaarcijfers Halt en jongerenwerk", "2021", ""),
        (BronSoort.VEILIGHEIDSMONITOR, "Veiligheidsmonitor, jongerenoverlast", "2021", ""),
    ],
    "4": [
        (BronSoort.OVERIG, "Regionaal risicoprofiel Veiligheidsregio IJsselland", "2019", ""),
    ],
    "5": [
        (
            BronSoort.ONDERMIJNINGSBEELD,
            "Ondermijningsbeeld Steenwijkerland (RIEC Oost-Nederland)",
            "2021",
            "",
        ),
        (BronSoort.POLITIE, "Meldingen Meld Misdaad Anoniem, buitengebied", "2019–2021", ""),
    ],
}

# Scores (ernst, omvang, trend, beïnvloedbaarheid, maatschappelijke impact, bestuurlijke
# urgentie) of the hoofdthema's the werkgroep discussed; the rest stay unscored.
SCORES = {
    "0.2": (5, 4, 5, 4, 5, 5),  # Zorg en veiligheid
    "5.2": (5, 3, 4, 3, 5, 5),  # Ondermijning
    "0.1": (4, 4, 5, 2, 4, 4),  # Gedigitaliseerde criminaliteit
    "2.5": (3, 4, 4, 4, 4, 4),  # Veilig toerisme
    "1.3": (3, 3, 2, 4, 3, 3),
    "4.1": (4, 3, 3, 3, 3, 3),
    "4.4": (3, 2, 2, 3, 3, 3),
    "5.3": (3, 2, 3, 2, 3, 3),
    "5.1": (2, 2, 2, 3, 2, 2),
    "4.2": (2, 2, 1, 3, 2, 2),
}
GEWICHTEN = {
    "ernst": 3,
    "omvang": 2,
    "trend": 1,
    "beinvloedbaarheid": 2,
    "maatschappelijke_impact": 2,
    "bestuurlijke_urgentie": 1,
}

# The old plan's priority chapters: aanleiding, aanpak, partners, portefeuillehouder and its
# doelstellingen (text, indicator, nulmeting, jaar, streefwaarde, jaar, bron).
HOOFDSTUKKEN = {
    "1.1": (
        "Het aantal woninginbraken lag in 2017 boven het gemiddelde van vergelijkbare "
        "gemeenten; inwoners noemen inbraak als grootste zorg in de Veiligheidsmonitor.",
        "Preventie (voorlichting, het Politiekeurmerk Veilig Wonen), buurtpreventie via "
        "WhatsApp-groepen en een snelle opvolging van inbraken door de politie.",
        "Politie – opsporing en inbraakpreventie\nBuurtpreventieteams – signaleren\n"
        "Woningcorporatie – hang- en sluitwerk",
        "Burgemeester",
        [
            (
                "Minder woninginbraken in 2022 dan in 2017.",
                "Geregistreerde woninginbraken",
                "96",
                2017,
                "70",
                2022,
                "Politie, open data",
            ),
            (
                "Minder inwoners die zich zorgen maken over inbraak.",
                "% inwoners dat inbraak als probleem ziet",
                "31%",
                2017,
                "25%",
                2021,
                "Veiligheidsmonitor",
            ),
        ],
    ),
    "5.2": (
        "Het ondermijningsbeeld van 2017 laat risico's zien in het buitengebied en op "
        "vakantieparken.",
        "Informatiegestuurd werken met het RIEC, Bibob bij vergunningen en integrale controles "
        "op vakantieparken.",
        "RIEC – informatie en analyse\nPolitie en OM – opsporing en vervolging\n"
        "Belastingdienst – fiscale aanpak",
        "Burgemeester",
        [
            (
                "Meer signalen van ondermijning komen bij de gemeente binnen en worden opgevolgd.",
                "Aantal opgevolgde signalen",
                "12",
                2018,
                "40",
                2022,
                "Registratie gemeente",
            ),
        ],
    ),
    "2.5": (
        "Giethoorn trekt steeds meer bezoekers; op piekdagen is de bereikbaarheid voor "
        "hulpdiensten een zorg.",
        "Een bezoekersplan met verkeersregelaars op piekdagen en afspraken met ondernemers.",
        "Ondernemersvereniging – bezoekersstromen\nVeiligheidsregio – bereikbaarheid\n"
        "Politie – handhaving",
        "Wethouder economie en toerisme",
        [
            (
                "Hulpdiensten blijven op piekdagen binnen de normtijd ter plaatse.",
                "% ritten binnen de normtijd",
                "88%",
                2018,
                "95%",
                2022,
                "Veiligheidsregio",
            ),
        ],
    ),
}


def _bronnen(plan: Plan, door: Gebruiker) -> None:
    for veld in Veld.objects.all():
        for soort, titel, periode, link in BRONNEN.get(veld.code, []):
            services.bron_create(
                plan=plan,
                veld=veld,
                door=door,
                soort=soort,
                titel=titel,
                periode=periode,
                vindplaats=link,
            )


def _scores(plan: Plan, door: Gebruiker) -> None:
    from stappen.constants import Criterium

    themas = {t.code: t for t in Thema.objects.filter(code__in=SCORES, gemeente=None)}
    services.wegingen_save(plan=plan, door=door, gewichten=GEWICHTEN)
    services.scores_save(
        plan=plan,
        door=door,
        scores={
            (themas[code].pk, criterium): waarde
            for code, waarden in SCORES.items()
            for criterium, waarde in zip(Criterium.values, waarden, strict=True)
        },
    )


def _stel_vast(
    document: Document,
    door: Gebruiker,
    datum: dt.date,
    kenmerk: str = "",
) -> None:
    services.document_submit(document=document, door=door)
    services.besluit_record(
        document=document,
        door=door,
        orgaan=_orgaan(document),
        datum=datum,
        uitkomst=BesluitUitkomst.VASTGESTELD,
        kenmerk=kenmerk,
    )


def _orgaan(document: Document) -> str:
    return BESLUITORGAAN[DocumentSoort(document.soort)]


def _document(plan: Plan, soort: str, jaar: int | None = None) -> Document:
    return Document.objects.get(plan=plan, soort=soort, jaar=jaar)


def _stap(plan: Plan, nummer: int):
    return plan.stappen.get(nummer=nummer)


def _analyseer(plan: Plan, door: Gebruiker) -> None:
    for veld in Veld.objects.all():
        problematiek, aanpak, verbeterpunten = ANALYSE[veld.code]
        services.analyse_save(
            plan=plan,
            veld=veld,
            door=door,
            problematiek=problematiek,
            huidige_aanpak=aanpak,
            verbeterpunten=verbeterpunten,
        )


# Why the werkgroep placed a theme where it did (new plan; fictional).
MOTIVATIES = {
    "0.2": "Hoogste gewogen score; meldingen van verward gedrag nemen toe en vragen om één "
    "aanpak van zorg en veiligheid.",
    "5.2": "Het ondermijningsbeeld wijst op risico's in het buitengebied; ook een prioriteit "
    "van het regionale beleidsplan van de politie.",
    "0.1": "Cybercrime groeit snel en raakt inwoners en ondernemers; de gemeente kan met "
    "voorlichting veel doen.",
    "2.5": "De drukte in Giethoorn op piekdagen vraagt afspraken met ondernemers en hulpdiensten.",
    "4.1": "Blijft aandacht vragen rond scholen en de N333, maar loopt via het verkeersplan.",
}


def _plaats(plan: Plan, door: Gebruiker, keuzes: dict[str, str]) -> dict[str, Plaatsing]:
    themas = {t.code: t for t in Thema.objects.filter(code__in=keuzes, gemeente=None)}
    return {
        code: services.plaatsing_save(
            plan=plan,
            thema=themas[code],
            door=door,
            keuze=keuze,
            volgorde=n,
            motivatie=MOTIVATIES.get(code, ""),
        )
        for n, (code, keuze) in enumerate(keuzes.items(), start=1)
    }


def _vorig_plan(demo: Demo) -> None:
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
    stap = {n: _stap(plan, n) for n in StapNummer}

    services.stap_start(stap=stap[1], door=door, op=D(2018, 3, 1))
    _schrijf(_document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    _stel_vast(_document(plan, DocumentSoort.STARTNOTITIE), door, D(2018, 3, 27), "2018-COLL-0311")
    services.stap_close(stap=stap[1], door=door, op=D(2018, 3, 28))

    services.stap_start(stap=stap[2], door=door, op=D(2018, 4, 2))
    _analyseer(plan, door)
    _bronnen(plan, door)
    _stel_vast(_document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, D(2018, 6, 26))
    services.stap_close(stap=stap[2], door=door, op=D(2018, 6, 29))

    services.stap_start(stap=stap[3], door=door, op=D(2018, 7, 2))
    keuzes = {t.code: Keuze.BEHEER for t in Thema.objects.hoofdthemas().filter(gemeente=None)}
    keuzes |= {"1.3": Keuze.STRATEGISCH, "4.1": Keuze.STRATEGISCH, "3.1": Keuze.STRATEGISCH}
    keuzes |= {"1.1": Keuze.PRIORITEIT, "5.2": Keuze.PRIORITEIT, "2.5": Keuze.PRIORITEIT}
    plaatsingen = _plaats(plan, door, keuzes)
    services.prioritering_update(
        plan=plan,
        door=door,
        raad_bijeenkomst_op=D(2018, 9, 11),
        raad_bijeenkomst_uitkomst="De raad herkent de drie voorgestelde prioriteiten.",
        driehoek_op=D(2018, 9, 20),
        driehoek_uitkomst="De driehoek stemt in; ondermijning ook in de interlokale driehoek.",
    )
    _stel_vast(
        _document(plan, DocumentSoort.PRIORITERING), door, D(2018, 10, 30), "2018-RAAD-00041"
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
    _stel_vast(_document(plan, DocumentSoort.IVP), door, D(2019, 2, 26), "2019-RAAD-00007")
    services.stap_close(stap=stap[4], door=door, op=D(2019, 2, 27))
    uitvoeringsplan = _document(plan, DocumentSoort.UITVOERINGSPLAN, 2019)
    _stel_vast(uitvoeringsplan, door, D(2019, 3, 12), "2019-COLL-0102")
    _kennisname(uitvoeringsplan, door, D(2019, 4, 2))
    services.stap_close(stap=stap[5], door=door, op=D(2019, 4, 2))

    services.stap_start(stap=stap[6], door=door, op=D(2019, 4, 3))
    for jaar in range(2019, 2023):
        if jaar > 2019:
            plan_jaar = services.jaardocument_create(
                plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar, door=door
            )
            _stel_vast(plan_jaar, door, D(jaar, 2, 18))
        rapportage = services.jaardocument_create(
            plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=jaar, door=door
        )
        _stel_vast(rapportage, door, D(jaar + 1, 1, 28))
    services.stap_close(
        stap=stap[6],
        door=door,
        op=D(2023, 5, 2),
        toelichting="Looptijd verstreken; de werkgroep gaat door als voortgangsoverleg.",
    )


def _kennisname(document: Document, door: Gebruiker, datum: dt.date) -> None:
    services.besluit_record(
        document=document,
        door=door,
        orgaan=Orgaan.RAAD,
        datum=datum,
        uitkomst=BesluitUitkomst.KENNISGENOMEN,
        kenmerk=f"{datum.year}-RIB-00{datum.month}",
    )


def _nieuw_plan(demo: Demo) -> None:
    gemeente = demo.gemeenten["Steenwijkerland"]
    door = demo.gebruikers["coordinator"]
    plan = services.plan_create(
        gemeente=gemeente,
        titel="Integraal Veiligheidsplan 2023–2026",
        traject_start=D(2022, 6, 1),
        periode_start=D(2023, 1, 1),
        periode_eind=D(2026, 12, 31),
        door=door,
    )
    stap = {n: _stap(plan, n) for n in StapNummer}
    services.stap_start(stap=stap[1], door=door, op=D(2022, 6, 1))
    _schrijf(_document(plan, DocumentSoort.STARTNOTITIE), door, STARTNOTITIE)
    _stel_vast(_document(plan, DocumentSoort.STARTNOTITIE), door, D(2022, 6, 21), "2022-COLL-0388")
    services.stap_close(stap=stap[1], door=door, op=D(2022, 6, 22))

    services.stap_start(stap=stap[2], door=door, op=D(2022, 7, 1))
    _analyseer(plan, door)
    _schrijf(_document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, ANALYSE_TEKST)
    _bronnen(plan, door)
    _stel_vast(_document(plan, DocumentSoort.VEILIGHEIDSANALYSE), door, D(2022, 9, 27))
    services.stap_close(
        stap=stap[2],
        door=door,
        op=D(2022, 9, 30),
        toelichting="De werkgroep heeft de analyse op 27 september besproken en afgerond.",
    )

    services.stap_start(stap=stap[3], door=door, op=D(2022, 10, 3))
    _scores(plan, door)
    _plaats(
        plan,
        door,
        {
            "0.2": Keuze.PRIORITEIT,  # Zorg en veiligheid
            "5.2": Keuze.PRIORITEIT,  # Ondermijning
            "0.1": Keuze.PRIORITEIT,  # Gedigitaliseerde criminaliteit
            "2.5": Keuze.PRIORITEIT,  # Veilig toerisme (Giethoorn)
            "1.3": Keuze.STRATEGISCH,
            "4.1": Keuze.STRATEGISCH,
            "4.4": Keuze.STRATEGISCH,
            "5.3": Keuze.STRATEGISCH,
            "5.1": Keuze.STRATEGISCH,
            "4.2": Keuze.BEHEER,
        },
    )
    services.prioritering_update(
        plan=plan,
        door=door,
        driehoek_op=D(2022, 10, 12),
        driehoek_uitkomst="De driehoek steunt de vier voorgestelde prioriteiten.",
    )
    _bespreek_prioritering(plan, demo)


def _staphorst(demo: Demo) -> None:
    door = demo.gebruikers["coordinator.staphorst"]
    plan = services.plan_create(
        gemeente=demo.gemeenten["Staphorst"],
        titel="Integraal Veiligheidsplan Staphorst 2023–2026",
        traject_start=D(2022, 5, 1),
        periode_start=D(2023, 1, 1),
        door=door,
    )
    services.stap_start(stap=_stap(plan, 1), door=door, op=D(2022, 5, 2))


def laad(demo: Demo) -> None:
    _vorig_plan(demo)
    _nieuw_plan(demo)
    _staphorst(demo)
