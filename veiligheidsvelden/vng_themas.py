"""The VNG list of Kernbeleid Veiligheid: five velden, their hoofdthema's and thema's.

Assembled from the Steenwijkerland startnotitie, the CCV summary of KV and real IVPs (see
shared/domain.md §1). Codes are stable: plans, analyses and priorities refer to them. The
list is loaded by a data migration; a gemeente adds its own themes beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from veiligheidsvelden.models import Thema, Veld

# (hoofdthema, [thema, …])
Hoofdthema = tuple[str, list[str]]
# (code, naam, omschrijving, [hoofdthema, …])
VeldRij = tuple[str, str, str, list[Hoofdthema]]
# (code, naam, veldcode or None, code of the hoofdthema or None, volgorde)
ThemaRij = tuple[str, str, str | None, str | None, int]

VELDEN: list[VeldRij] = [
    (
        "1",
        "Veilige woon- en leefomgeving",
        "Veiligheid en leefbaarheid in de alledaagse woon- en leefomgeving: in de wijk, de buurt "
        "en de straat.",
        [
            (
                "Sociale kwaliteit",
                [
                    "Woonoverlast",
                    "Burengerucht",
                    "Alcohol- en drugsoverlast",
                    "Overlast door personen met onbegrepen gedrag",
                    "Overlast zwervers en verslaafden",
                    "Illegale bewoning",
                    "Multiprobleemhuishoudens",
                ],
            ),
            (
                "Fysieke kwaliteit",
                [
                    "Vernielingen",
                    "Verloedering",
                    "Zwerfvuil",
                    "Graffiti",
                    "Inrichting, onderhoud en beheer openbare ruimte",
                ],
            ),
            (
                "Objectieve veiligheid (veelvoorkomende criminaliteit)",
                [
                    "Woninginbraak",
                    "Auto-inbraak",
                    "Fietsendiefstal",
                    "Diefstal motorvoertuigen",
                    "Straatroof",
                    "Overval",
                    "Bedreiging",
                    "Mishandeling",
                    "Huiselijk geweld en kindermishandeling",
                ],
            ),
            ("Subjectieve veiligheid", ["Veiligheidsgevoel"]),
        ],
    ),
    (
        "2",
        "Bedrijvigheid en veiligheid",
        "Overlast, geweld, vermogenscriminaliteit en ondermijning rond winkelgebieden, "
        "bedrijventerreinen, uitgaansgebieden, evenementen en toeristische voorzieningen.",
        [
            ("Veilig winkelgebied", ["Winkelcriminaliteit", "Overlast in het centrum"]),
            (
                "Veilige bedrijventerreinen",
                [
                    "Inbraak en diefstal bij bedrijven",
                    "Keurmerk Veilig Ondernemen",
                ],
            ),
            ("Veilig uitgaan", ["Uitgaansgeweld", "Horeca"]),
            ("Veilige evenementen", ["Evenementenveiligheid"]),
            ("Veilig toerisme", ["Toeristische voorzieningen en drukte", "Vakantieparken"]),
        ],
    ),
    (
        "3",
        "Jeugd en veiligheid",
        "Jeugdoverlast en -criminaliteit, problematische jongeren, veilig in en om de school, "
        "alcohol- en drugsgebruik door jongeren.",
        [
            ("Jeugdoverlast", ["Overlastgevende jeugdgroepen"]),
            ("Jeugdcriminaliteit", ["Criminele jeugdgroepen"]),
            ("Problematische individuele jongeren", ["Risicojongeren"]),
            ("Veilig in en om de school", ["Schoolveiligheid"]),
            ("Alcohol en drugs bij jongeren", ["Alcohol- en drugsgebruik door jongeren"]),
        ],
    ),
    (
        "4",
        "Fysieke veiligheid",
        "Verkeersveiligheid, brandveiligheid, externe veiligheid en voorbereiding op "
        "crisisbeheersing.",
        [
            ("Verkeersveiligheid", []),
            ("Brandveiligheid", []),
            ("Externe veiligheid en omgevingsveiligheid", ["Gevaarlijke stoffen"]),
            ("Voorbereiding op crisisbeheersing", ["Bevolkingszorg"]),
        ],
    ),
    (
        "5",
        "Integriteit en veiligheid",
        "Verschijnselen die de rechtsorde en de veiligheid fundamenteel bedreigen.",
        [
            ("Radicalisering en polarisatie", ["Extremisme", "Maatschappelijke onrust"]),
            (
                "Georganiseerde (ondermijnende) criminaliteit",
                [
                    "Drugscriminaliteit",
                    "Witwassen",
                    "Mensenhandel",
                    "Veilig buitengebied",
                ],
            ),
            ("Veilige publieke taak", []),
            ("Informatieveiligheid", []),
            ("Ambtelijke en bestuurlijke integriteit", []),
        ],
    ),
]

# Themes that cross the velden (KV 2021 and regional practice): hoofdthema's without a veld.
VELDOVERSTIJGEND: list[str] = [
    "Gedigitaliseerde criminaliteit",
    "Zorg en veiligheid",
    "Informatiepositie",
    "Milieucriminaliteit",
]


def themas() -> list[ThemaRij]:
    """(code, naam, veldcode or None, code of the hoofdthema or None, volgorde) per theme."""
    rijen: list[ThemaRij] = []
    for veldcode, _naam, _omschrijving, hoofdthemas in VELDEN:
        for h, (hoofdnaam, themanamen) in enumerate(hoofdthemas, start=1):
            hoofdcode = f"{veldcode}.{h}"
            rijen.append((hoofdcode, hoofdnaam, veldcode, None, h))
            for t, naam in enumerate(themanamen, start=1):
                rijen.append((f"{hoofdcode}.{t}", naam, veldcode, hoofdcode, t))
    for n, naam in enumerate(VELDOVERSTIJGEND, start=1):
        rijen.append((f"0.{n}", naam, None, None, n))
    return rijen


def laad(veld_model: type[Veld], thema_model: type[Thema]) -> None:
    """Create or update the VNG list. Takes the model classes, so that the data migration
    can pass its historical models (same fields, typed here as the real ones); running it
    again changes nothing."""
    velden: dict[str, Veld] = {}
    for code, naam, omschrijving, _hoofdthemas in VELDEN:
        velden[code], _ = veld_model.objects.update_or_create(
            code=code, defaults={"naam": naam, "omschrijving": omschrijving}
        )
    per_code: dict[str, Thema] = {}
    for code, naam, veldcode, hoofdcode, volgorde in themas():
        per_code[code], _ = thema_model.objects.update_or_create(
            code=code,
            gemeente=None,
            defaults={
                "naam": naam,
                "veld": velden[veldcode] if veldcode else None,
                "hoofdthema": per_code[hoofdcode] if hoofdcode else None,
                "volgorde": volgorde,
            },
        )
