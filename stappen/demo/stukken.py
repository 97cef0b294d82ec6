"""The demo's stukken: the voorstellen of the documents the raad decided (or received) in the
previous plan, and their PDFs, rendered right here so the griffie's page is full at the first
`make run` (docs/pdf.md). The IVP's closed rendering is released to the raad."""

from __future__ import annotations

from django.conf import settings

from ivp.demo import Demo
from ivp.models import Gebruiker, Plan
from stappen import services
from stappen.constants import DocumentSoort, DocumentStatus, WeergaveSoort
from stappen.models import Document, Versie

# The confidential chapter of the previous IVP (fictional), and why it is confidential.
VERTROUWELIJK_HOOFDSTUK = "uitgangssituatie"
VERTROUWELIJKE_ZINNEN = [
    "Het RIEC telt in het buitengebied elf locaties met signalen van drugsproductie, "
    "waarvan vier in leegstaande agrarische schuren.",
    "Op twee vakantieparken zijn woningen verhuurd aan personen die de politie in verband "
    "brengt met ondermijnende criminaliteit.",
]
VERTROUWELIJK_REDEN = (
    "het hoofdstuk bevat het ondermijningsbeeld van politie en RIEC; openbaarmaking schaadt "
    "de opsporing en vervolging van strafbare feiten (art. 5.1 lid 2 onder c Woo)"
)
OPENBARE_TEKST = {
    "inleiding": "Veiligheid maken we samen: inwoners, ondernemers, politie, "
    "maatschappelijke organisaties en de gemeente. Dit plan zegt waar wij de komende vier "
    "jaar samen op inzetten.",
    VERTROUWELIJK_HOOFDSTUK: "\n\n".join(VERTROUWELIJKE_ZINNEN),
}

VOORSTELLEN = {
    DocumentSoort.PRIORITERING: (
        "Vaststellen van de prioriteiten voor het Integraal Veiligheidsplan",
        "De drie prioriteiten woninginbraak, ondermijning en jeugd vast te stellen.\n"
        "Het college te vragen deze uit te werken in het Integraal Veiligheidsplan.",
    ),
    DocumentSoort.IVP: (
        "Vaststellen Integraal Veiligheidsplan",
        "Het Integraal Veiligheidsplan vast te stellen.\n"
        "Het college op te dragen jaarlijks een uitvoeringsplan op te stellen en de raad "
        "daarover te informeren.",
    ),
    DocumentSoort.UITVOERINGSPLAN: (
        "Uitvoeringsplan Integrale Veiligheid",
        "Het uitvoeringsplan vast te stellen.\nDe raad met een raadsinformatiebrief te informeren.",
    ),
}


def schrijf_ivp(document: Document, door: Gebruiker) -> None:
    """Before the IVP is offered: its introduction and its confidential chapter."""
    for hoofdstuk in document.hoofdstukken.filter(sleutel__in=OPENBARE_TEKST):
        services.hoofdstuk_save(
            hoofdstuk=hoofdstuk, door=door, tekst=OPENBARE_TEKST[hoofdstuk.sleutel],
            versie=hoofdstuk.versie,
        )  # fmt: skip
    services.vertrouwelijk_markeren(
        document.hoofdstukken.get(sleutel=VERTROUWELIJK_HOOFDSTUK),
        door=door,
        vertrouwelijk=True,
        reden=VERTROUWELIJK_REDEN,
    )


def _vastgesteld(document: Document) -> Versie | None:
    return document.versies.filter(sub=0).order_by("-hoofd").first()


def _stuk(document: Document, door: Gebruiker, soorten: list[str]) -> None:
    versie = _vastgesteld(document)
    if versie is None:
        return
    onderwerp, punten = VOORSTELLEN[DocumentSoort(document.soort)]
    besluit = document.besluiten.order_by("datum").first()
    services.voorstel_opslaan(
        versie,
        door=door,
        onderwerp=f"{onderwerp} {document.plan.periode_start.year}–"
        f"{document.plan.periode_eind.year}",
        voorstelnummer=besluit.kenmerk if besluit else "",
        portefeuillehouder="Burgemeester",
        vergaderdatum=besluit.datum if besluit else None,
        beslispunten=punten,
        inleiding="Het vorige plan liep af. De raad stelt ten minste eens in de vier jaar de "
        "doelen van het beleid op het gebied van de veiligheid vast (art. 38b Politiewet 2012).",
        beoogd_effect="Een gedeeld beeld van wat de gemeente en haar partners samen aanpakken.",
        argumenten="1.1 Het plan volgt de methode Kernbeleid Veiligheid.\n\n"
        "1.2 De werkgroep en de driehoek zijn betrokken.",
        financien="De uitvoering past binnen de begroting (programma Veiligheid, € 250.000 per "
        "jaar).",
        communicatie="Na het besluit publiceert de gemeente het plan op haar website.",
        vervolg="Het college stelt jaarlijks een uitvoeringsplan vast.",
    )
    if not settings.IVP_DEMO_PDF:
        return
    for soort in soorten:
        weergave = services.weergave_aanvragen(versie, door=door, soort=soort)
        # Rendered now, not after the commit: the demo's PDFs are there at the first run.
        weergave = services.weergave_renderen(weergave.pk) or weergave
        if soort == WeergaveSoort.BESLOTEN and weergave.is_klaar:
            services.weergave_vrijgeven(weergave, door=door)


def laad(demo: Demo, plan: Plan) -> None:
    door = demo.gebruikers["coordinator"]
    documenten = plan.documenten.filter(status=DocumentStatus.VASTGESTELD)
    for document in documenten.filter(soort=DocumentSoort.PRIORITERING):
        _stuk(document, door, [WeergaveSoort.OPENBAAR])
    for document in documenten.filter(soort=DocumentSoort.IVP):
        _stuk(document, door, [WeergaveSoort.OPENBAAR, WeergaveSoort.BESLOTEN])
    eerste = documenten.filter(soort=DocumentSoort.UITVOERINGSPLAN).order_by("jaar").first()
    if eerste is not None:
        _stuk(eerste, door, [WeergaveSoort.OPENBAAR])
