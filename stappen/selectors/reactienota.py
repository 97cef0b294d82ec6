"""The reactienota: what was done with the werkgroep's comments on a document."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count

from ivp.models import Gebruiker
from stappen.models import Document, Opmerking, Versie
from stappen.selectors.documenten import zichtbaar_concept

# The reactienota shows this many threads a page.
NOTA_DRADEN_PER_PAGINA = 50


@dataclass
class Reactienota:
    document: Document
    # This page's threads, per version and per chapter title (a chapter that continues on
    # the next page appears on both).
    per_versie: list[tuple[Versie, list[tuple[str, list[Opmerking]]]]]
    aantallen: dict[str, int]
    pagina: Page


def reactienota(user: Gebruiker, document_id: int, pagina: str | int = 1) -> Reactienota:
    """What was done with the werkgroep's comments, per version and per chapter, a page of
    threads at a time. The order is fixed over all threads (version, then chapters in the
    order their first thread was placed, then the threads in the order they were placed), so
    the pages together read as the one long list; only the page's threads and the titles of
    its versions are loaded (issue 8)."""
    document = zichtbaar_concept(user, document_id)
    versies = list(document.versies.defer("inhoud").order_by("hoofd", "sub"))
    rang = {v.pk: n for n, v in enumerate(versies)}
    starters = Opmerking.objects.filter(versie__document=document, antwoord_op__isnull=True)
    rijen = list(starters.order_by("geplaatst_op", "pk").values_list("pk", "versie_id", "sectie"))
    eerste: dict[tuple[int, str], int] = {}
    for n, (_, versie_id, sectie) in enumerate(rijen):
        eerste.setdefault((versie_id, sectie), n)
    volgorde = [
        rij[1][0]
        for rij in sorted(
            enumerate(rijen), key=lambda r: (rang[r[1][1]], eerste[(r[1][1], r[1][2])], r[0])
        )
    ]
    deel = Paginator(volgorde, NOTA_DRADEN_PER_PAGINA).get_page(pagina)
    geladen = Opmerking.objects.select_related("auteur", "opgelost_door").in_bulk(list(deel))
    draden = [geladen[pk] for pk in deel]
    op_pagina = {d.versie_id for d in draden}
    titels = {
        pk: {s["sleutel"]: s["titel"] for s in inhoud}
        for pk, inhoud in Versie.objects.filter(pk__in=op_pagina).values_list("pk", "inhoud")
    }
    per_versie = []
    for versie in versies:
        if versie.pk not in op_pagina:
            continue
        per_sectie: dict[str, list[Opmerking]] = defaultdict(list)
        for draad in draden:
            if draad.versie_id == versie.pk:
                draad.versie = versie
                per_sectie[titels[versie.pk].get(draad.sectie, draad.sectie)].append(draad)
        per_versie.append((versie, list(per_sectie.items())))
    aantallen = {
        rij["uitkomst"] or "open": rij["n"]
        for rij in starters.order_by().values("uitkomst").annotate(n=Count("pk"))
    }
    return Reactienota(document, per_versie, aantallen, deel)
