"""What is still open before a document goes ter besluitvorming (pas toe of leg uit)."""

from __future__ import annotations

from stappen.models import Document, Opmerking
from stappen.selectors.documenten import nog_niet_gereageerd, werkgroepleden_van


def open_punten(document: Document) -> list[str]:
    """What is still open before `document` goes ter besluitvorming, as Dutch sentences:
    chapters without text, comments not yet processed, and the werkgroepleden who never
    responded in the last review round. Four queries."""
    punten = []
    leeg = list(
        document.hoofdstukken.filter(tekst="")
        .order_by("volgorde", "pk")
        .values_list("titel", flat=True)
    )
    if leeg:
        punten.append(f"Nog geen tekst in {len(leeg)} hoofdstuk(ken): {', '.join(leeg)}.")
    onverwerkt = Opmerking.objects.filter(
        versie__document=document, antwoord_op__isnull=True, uitkomst=""
    ).count()
    if onverwerkt:
        punten.append(
            f"{onverwerkt} opmerking{'en zijn' if onverwerkt > 1 else ' is'} nog niet verwerkt."
        )
    ronde = document.besprekingen.filter(gesloten_op__isnull=False).order_by("-gesloten_op").first()
    if ronde is not None:
        stil = nog_niet_gereageerd(ronde, werkgroepleden_van(document.plan))
        if stil:
            namen = ", ".join(lid.get_full_name() or lid.get_username() for lid in stil)
            punten.append(f"Niet gereageerd in de laatste bespreking: {namen}.")
    return punten
