"""How an agenda item's document version and comment thread read, in a choice and on the
agenda: from an instance (`Agendapunt.versie_tekst`, `draad_tekst`) and from rows (the
meeting page and the agenda item's choices, `werkgroep.selectors`)."""

from __future__ import annotations

from typing import Any

from stappen.models import Opmerking

AGENDA_CITAAT_TEKENS = 60


def versie_tekst(document_titel: str, nummer: str) -> str:
    """‘Prioritering … — versie 0.2’: how a version reads in a choice and on the agenda."""
    return f"{document_titel} — versie {nummer}"


def sectie_titel(inhoud: list[dict[str, Any]], sleutel: str) -> str:
    """The title of a chapter in a version's text (`Versie.inhoud`; its key if it has none)."""
    sectie = next((s for s in inhoud if s.get("sleutel") == sleutel), None)
    return str(sectie.get("titel")) if sectie else sleutel


def draad_tekst(draad: Opmerking) -> str:
    return draad_regel(
        str(draad.auteur),
        sectie_titel(draad.versie.inhoud, draad.sectie),
        versie_tekst(draad.versie.document.titel, draad.versie.nummer),
        draad.tekst,
    )


def draad_regel(auteur: str, sectie: str, versie: str, tekst: str) -> str:
    """‘Opmerking van Jeroen Bakker bij ‘Inleiding’ (…): the first 60 characters’: how a
    thread reads in a choice and on the agenda (from an instance: `draad_tekst`; from rows:
    the agenda item's choice of threads)."""
    tekst = " ".join(tekst.split())
    if len(tekst) > AGENDA_CITAAT_TEKENS:
        tekst = tekst[:AGENDA_CITAAT_TEKENS].rstrip() + "…"
    return f"Opmerking van {auteur} bij ‘{sectie}’ ({versie}): {tekst}"
