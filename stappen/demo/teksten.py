"""Fictional chapter texts for the demo documents (Markdown). Written for the demo, in the
spirit of a startnotitie and a prioritering of a Dutch gemeente; no real people."""

from stappen.constants import BronSoort

STARTNOTITIE = {
    "inleiding": (
        "Veiligheid is een voorwaarde om prettig te wonen, te werken en te recreëren. Een "
        "gemeente veilig houden doen we samen: met inwoners, ondernemers, politie, brandweer, "
        "het Openbaar Ministerie en maatschappelijke organisaties.\n\n"
        "De gemeente voert de regie. In het Integraal Veiligheidsplan (IVP) spreken we met "
        "onze partners af waar we de komende vier jaar samen aan werken."
    ),
    "uitgangspunten": (
        "We stellen het IVP op met de methode **Kernbeleid Veiligheid 2021** van de VNG.\n\n"
        "- Het IVP is een collegebrede opgave; de burgemeester coördineert.\n"
        "- We betrekken interne en externe partners en sluiten aan bij flankerend beleid.\n"
        "- *Samen waar het kan, lokaal waar het moet*: we trekken op met de buurgemeenten.\n"
        "- Elk jaar maken we een uitvoeringsplan bij het IVP."
    ),
    "bestuurlijke-rollen": (
        "De burgemeester is portefeuillehouder openbare orde en veiligheid en opdrachtgever. "
        "Wethouders zijn verantwoordelijk voor de onderdelen die op hun terrein liggen, zoals "
        "jeugd, zorg en economie. Het college stelt de startnotitie vast; de raad stelt de "
        "prioriteiten en het IVP vast."
    ),
    "veiligheidsvelden": (
        "We kijken naar de vijf veiligheidsvelden van Kernbeleid Veiligheid: veilige woon- en "
        "leefomgeving, bedrijvigheid en veiligheid, jeugd en veiligheid, fysieke veiligheid en "
        "integriteit en veiligheid, met de veldoverstijgende thema's zorg en veiligheid en "
        "gedigitaliseerde criminaliteit."
    ),
    "stappenplan": (
        "1. Startnotitie (juni)\n2. Veiligheidsanalyse (juli tot en met september)\n"
        "3. Prioritering met de raad (oktober)\n4. Opstellen IVP (november tot en met februari)\n"
        "5. Uitvoeringsplan (januari en februari)\n6. Van beleid naar uitvoering"
    ),
    "werkgroep": (
        "Een ambtelijke werkgroep van zeven tot acht dossierkenners schrijft mee, onder "
        "leiding van de coördinator openbare orde en veiligheid. De operationeel expert van de "
        "politie neemt deel."
    ),
    "randvoorwaarden": (
        "Voor de werkgroepleden rekenen we op 300 tot 400 uur in totaal, verdeeld over vijf à "
        "zes bijeenkomsten en het schrijfwerk daartussen."
    ),
}

ANALYSE = {
    "inleiding": (
        "Deze analyse beschrijft per veiligheidsveld wat er speelt, wat we al doen en wat "
        "beter kan. Ze is de basis voor de keuze van de prioriteiten."
    ),
    "werkwijze-en-bronnen": (
        "We gebruikten de open data van de politie, CBS StatLine, de Veiligheidsmonitor en de "
        "leefbaarheidsmonitor, aangevuld met gesprekken met de raad, partners en inwoners. "
        "Het ondermijningsbeeld is vertrouwelijk en staat niet in dit document."
    ),
    "conclusies": (
        "De gemeente is in het algemeen veilig. Aandacht vragen zorg en veiligheid, "
        "ondermijning in het buitengebied, digitale criminaliteit en de drukte in Giethoorn."
    ),
}

PRIORITERING = {
    "inleiding": (
        "Op basis van de veiligheidsanalyse stellen we vier prioriteiten voor de periode "
        "2023–2026 voor. De raad besluit over de prioriteiten."
    ),
    "werkwijze": (
        "De werkgroep scoorde de kandidaat-thema's op ernst, omvang, trend, "
        "beïnvloedbaarheid, maatschappelijke impact en bestuurlijke urgentie. Daarna zijn de "
        "thema's ingedeeld als prioriteit, overig strategisch thema of beheer."
    ),
    "driehoek": (
        "De lokale driehoek heeft de voorgestelde prioriteiten op 12 oktober besproken en "
        "steunt ze."
    ),
    "afweging": (
        "We kiezen voor vier prioriteiten: zorg en veiligheid, ondermijning, gedigitaliseerde "
        "criminaliteit en veilig toerisme. Dat is het maximum dat de startnotitie noemt; met "
        "minder prioriteiten zou de drukte in Giethoorn buiten beeld raken."
    ),
}

# Comments of the werkgroep on the prioritering in review: (username, chapter, passage,
# text, reply of the coordinator or "").
PRIORITERING_OPMERKINGEN = [
    (
        "politie",
        "afweging",
        "vier prioriteiten",
        "Vanuit de politie herkennen we deze vier. Ondermijning vraagt wel capaciteit van het "
        "basisteam; @handhaving kunnen jullie aangeven wat de boa's kunnen doen?",
        "Goed punt, ik neem de capaciteit mee in het uitvoeringsplan.",
    ),
    (
        "jeugd",
        "werkwijze",
        "",
        "Jeugd en veiligheid scoort laag, maar de alcoholcijfers onder jongeren zijn hoog. "
        "Graag als overig strategisch thema expliciet noemen.",
        "",
    ),
    (
        "economie",
        "inleiding",
        "",
        "Kunnen we bij veilig toerisme ook de ondernemers in Giethoorn noemen?",
        "",
    ),
]


# Per veld: problematiek, huidige aanpak, verbeterpunten.
VELDANALYSES: dict[str, tuple[str, str, str]] = {
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


# The previous plan's last voortgangsrapportage (its evaluation feeds the new IVP).
LAATSTE_RAPPORTAGE = {
    "resultaten": "Het laatste jaar van het IVP sloot af met de meeste activiteiten gereed. "
    "Het aantal woninginbraken daalde verder; de overlast in Giethoorn bleef in het "
    "hoogseizoen boven de streefwaarde.",
    "voortgang": "De aanpak van ondermijning in het buitengebied liep vertraging op door "
    "capaciteit bij de politie; de informatieavonden schuiven door naar het nieuwe IVP.",
    "evaluatie": "- De werkgroep werkt goed als voortgangsoverleg; houd die vorm vast.\n"
    "- Activiteiten zonder meetbaar resultaat zijn lastig te volgen: maak het resultaat "
    "concreet.\n- Ondermijning vraagt een langere adem dan één jaar.",
    "vooruitblik": "In het nieuwe IVP krijgen zorg en veiligheid en digitale criminaliteit "
    "een eigen plek; de informatieavonden in het buitengebied komen in het eerste "
    "uitvoeringsplan terug.",
}
