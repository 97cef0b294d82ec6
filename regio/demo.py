"""Demo of the regional cooperation (docs/regio.md): two bovenlokale prioriteiten agreed in
the interlokale driehoek and published to the four gemeenten; Steenwijkerland,
Zwartewaterland and Staphorst take both, Kampen takes zorg en veiligheid and declines
ondermijning with a motivation. Then a changed doelstelling of zorg en veiligheid is
published again: Steenwijkerland and Zwartewaterland accepted it, in Staphorst and Kampen it
waits for a decision. Everything through the services, as the users would do it."""

from __future__ import annotations

import datetime as dt

from ivp.demo import Demo
from ivp.models import Regio
from regio import services
from regio.constants import DeelSoort
from regio.models import Regiodeel, Regiovoorstel
from veiligheidsvelden.models import Thema

GEMEENTEN = ("Steenwijkerland", "Zwartewaterland", "Staphorst", "Kampen")

PRIORITEITEN = [
    (
        "5.2",
        "Ondermijning",
        "### Aanleiding\n\nOndermijnende criminaliteit houdt zich niet aan gemeentegrenzen: "
        "drugslabs in het buitengebied, witwassen via vastgoed en misbruik van "
        "vakantieparken spelen in alle vier de gemeenten.\n\n"
        "### Aanpak op hoofdlijnen\n\nSamen met het RIEC Oost-Nederland, politie en "
        "Belastingdienst: één regionaal ondermijningsbeeld, gezamenlijke controles en "
        "bewustwording bij ondernemers en medewerkers.",
        [
            (
                "Meer meldingen van signalen van ondermijning bij het RIEC",
                "Aantal meldingen per jaar",
                "24",
                2022,
                "40",
                2026,
            ),
            (
                "Alle medewerkers met een signalerende rol zijn getraind",
                "Aandeel getrainde medewerkers",
                "30%",
                2022,
                "90%",
                2025,
            ),
        ],
    ),
    (
        "0.2",
        "Zorg en veiligheid: personen met verward gedrag",
        "### Aanleiding\n\nHet aantal meldingen van personen met verward gedrag stijgt in de "
        "hele regio; zorg en veiligheid moeten elkaar sneller vinden.\n\n"
        "### Aanpak op hoofdlijnen\n\nEén regionale aanpak met het Zorg- en Veiligheidshuis "
        "IJsselland: een sluitende aanpak voor personen met verward gedrag en een "
        "gezamenlijk meldpunt niet-acute zorg.",
        [
            (
                "Minder herhaalde meldingen van personen met verward gedrag (E33)",
                "Aantal E33-meldingen per 1.000 inwoners",
                "4,1",
                2022,
                "3,5",
                2026,
            ),
        ],
    ),
]


def _deel(regio: Regio, demo: Demo, code: str, titel: str, tekst: str, doelen: list) -> Regiodeel:
    door = demo.gebruikers["regio"]
    deel = services.deel_create(
        regio=regio,
        door=door,
        soort=DeelSoort.PRIORITEIT,
        titel=titel,
        tekst=tekst,
        thema=Thema.objects.get(code=code, gemeente=None),
        volgorde=Regiodeel.objects.filter(regio=regio).count(),
    )
    for doel, indicator, nulmeting, nul_jaar, streef, streefjaar in doelen:
        services.regiodoelstelling_create(
            deel=deel,
            door=door,
            tekst=doel,
            indicator=indicator,
            nulmeting=nulmeting,
            nulmeting_jaar=nul_jaar,
            streefwaarde=streef,
            streefjaar=streefjaar,
        )
    return deel


def _open(deel: Regiodeel, gemeente: str, demo: Demo) -> Regiovoorstel:
    return Regiovoorstel.objects.select_related("plan").get(
        deel=deel, plan__gemeente=demo.gemeenten[gemeente], status="open"
    )


def laad(demo: Demo) -> None:
    regio = demo.extra["regio"]
    assert isinstance(regio, Regio)
    door = demo.gebruikers["regio"]
    driehoek = demo.vandaag - dt.timedelta(weeks=6)
    delen = []
    for code, titel, tekst, doelen in PRIORITEITEN:
        deel = _deel(regio, demo, code, titel, tekst, doelen)
        services.deel_publiceer(
            deel=deel,
            door=door,
            driehoek_op=driehoek,
            driehoek_kenmerk=f"IDO-{driehoek.year}-07",
            toelichting="Afgesproken in de interlokale driehoek als bovenlokale prioriteit "
            "voor de nieuwe IVP's van de vier gemeenten.",
        )
        delen.append(deel)
    demo.extra["regiodelen"] = delen
    ondermijning, zorg = delen
    for gemeente in GEMEENTEN:
        coordinator = demo.gebruikers[
            "coordinator" if gemeente == "Steenwijkerland" else f"coordinator.{gemeente.lower()}"
        ]
        for deel in delen:
            voorstel = _open(deel, gemeente, demo)
            if gemeente == "Kampen" and deel == ondermijning:
                services.voorstel_wijs_af(
                    voorstel=voorstel,
                    door=coordinator,
                    reden="Kampen pakt ondermijning aan in het eigen programma Kampen "
                    "Weerbaar, samen met Zwolle en Dronten; een tweede regionale aanpak "
                    "naast dat programma zou de partners dubbel belasten.",
                )
            else:
                services.voorstel_aanvaard(voorstel=voorstel, door=coordinator)
    # A changed doelstelling of zorg en veiligheid, agreed in the driehoek a week ago.
    doelstelling = zorg.doelstellingen.get()
    services.regiodoelstelling_update(
        doelstelling=doelstelling,
        door=door,
        versie=doelstelling.versie,
        streefwaarde="3,0",
        streefjaar=2026,
    )
    tweede = demo.vandaag - dt.timedelta(weeks=1)
    services.deel_publiceer(
        deel=zorg,
        door=door,
        driehoek_op=tweede,
        driehoek_kenmerk=f"IDO-{tweede.year}-11",
        toelichting="De streefwaarde voor herhaalde E33-meldingen is aangescherpt naar 3,0 "
        "per 1.000 inwoners, na de evaluatie van het meldpunt niet-acute zorg.",
    )
    for gemeente, naam in (
        ("Steenwijkerland", "coordinator"),
        ("Zwartewaterland", "coordinator.zwartewaterland"),
    ):
        services.voorstel_aanvaard(voorstel=_open(zorg, gemeente, demo), door=demo.gebruikers[naam])
    # Staphorst and Kampen have not decided yet: their proposals are open.
