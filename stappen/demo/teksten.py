"""Fictional chapter texts for the demo documents (Markdown). Written for the demo, in the
spirit of a startnotitie and a prioritering of a Dutch gemeente; no real people."""

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
