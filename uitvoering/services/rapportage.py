"""The voortgangsrapportage of a year, generated from the data into its chapters; the
coordinator edits the text in the chapter editor before offering it (the document's own
lifecycle: the college adopts it, the raad receives it ter informatie)."""

from __future__ import annotations

from django.db import transaction

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from stappen import services as stappen_services
from stappen.constants import DocumentSoort, DocumentStatus
from stappen.models import Document, Hoofdstuk
from uitvoering.models import Uitvoeringsplan
from uitvoering.teksten import rapportage_teksten

# Chapters that are only filled when still empty: the coordinator's own evaluation.
AANZET = {
    "evaluatie": "*Wat werkte, wat niet, en wat nemen we mee? (Aanvullen door de coördinator.)*",
    "vooruitblik": "*Wat verandert er in het uitvoeringsplan van volgend jaar?*",
}


def rapportage_van(uitvoeringsplan: Uitvoeringsplan) -> Document | None:
    return Document.objects.filter(
        plan=uitvoeringsplan.plan,
        soort=DocumentSoort.VOORTGANGSRAPPORTAGE,
        jaar=uitvoeringsplan.jaar,
    ).first()


@transaction.atomic
def rapportage_genereer(*, uitvoeringsplan: Uitvoeringsplan, door: Gebruiker) -> Document:
    """Write the generated chapters "resultaten" and "voortgang" of the year's rapportage
    (made when the year has none yet), and a starter for the evaluation when it is empty.
    Generating again replaces the two generated chapters; the rapportage must be a concept."""
    plan = uitvoeringsplan.plan
    vereis_regie(plan, door)
    document = rapportage_van(uitvoeringsplan) or stappen_services.jaardocument_create(
        plan=plan, soort=DocumentSoort.VOORTGANGSRAPPORTAGE, jaar=uitvoeringsplan.jaar, door=door
    )
    if document.status != DocumentStatus.CONCEPT:
        raise Geweigerd(
            f"De voortgangsrapportage {uitvoeringsplan.jaar} is "
            f"{document.get_status_display().lower()}; alleen een concept wordt opnieuw gemaakt."
        )
    teksten = rapportage_teksten(uitvoeringsplan)
    for hoofdstuk in Hoofdstuk.objects.filter(document=document):
        tekst = teksten.get(hoofdstuk.sleutel)
        if tekst is None and hoofdstuk.sleutel in AANZET and not hoofdstuk.tekst.strip():
            tekst = AANZET[hoofdstuk.sleutel]
        if tekst is not None and tekst != hoofdstuk.tekst:
            stappen_services.hoofdstuk_save(
                hoofdstuk=hoofdstuk, door=door, tekst=tekst, versie=hoofdstuk.versie
            )
    return document


def evaluatie_van(uitvoeringsplan: Uitvoeringsplan) -> list[tuple[str, str]]:
    """The rapportage's evaluation and outlook (title, Markdown), for beside next year's
    form: from its adopted version when there is one, else as it is written now."""
    return _evaluatie(rapportage_van(uitvoeringsplan))


def vorige_evaluatie(
    uitvoeringsplan: Uitvoeringsplan,
) -> tuple[Document | None, list[tuple[str, str]]]:
    """For the first year of a plan: the evaluation in the last rapportage of the gemeente's
    previous plan (CCV: the new plan starts from the evaluation of the old)."""
    plan = uitvoeringsplan.plan
    document = (
        Document.objects.filter(
            plan__gemeente_id=plan.gemeente_id,
            plan__periode_start__lt=plan.periode_start,
            soort=DocumentSoort.VOORTGANGSRAPPORTAGE,
        )
        .exclude(plan=plan)
        .order_by("-jaar", "-pk")
        .first()
    )
    return document, _evaluatie(document)


def _evaluatie(document: Document | None) -> list[tuple[str, str]]:
    if document is None:
        return []
    sleutels = ("evaluatie", "vooruitblik")
    versie = (
        document.versies.order_by("-hoofd", "-sub").first() if document.is_vastgesteld else None
    )
    if versie is not None:
        return [(s["titel"], s["tekst"]) for s in versie.inhoud if s.get("sleutel") in sleutels]
    return [
        (h.titel, h.tekst)
        for h in document.hoofdstukken.filter(sleutel__in=sleutels).order_by("volgorde")
        if h.tekst.strip()
    ]
