"""The comparison of two versions of a document (`stappen:vergelijken`), cached: versions
are frozen, so a pair is compared once (issue 8)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.http import Http404

from ivp.models import Gebruiker
from stappen.models import Document, Versie
from stappen.selectors.documenten import zichtbaar_concept
from stappen.vergelijk import VERGELIJKING_VERSIE, SectieVergelijking, vergelijk_secties

logger = logging.getLogger(__name__)


@dataclass
class Vergelijking:
    document: Document
    versies: list[Versie]
    oud: Versie
    nieuw: Versie
    secties: list[SectieVergelijking]


def vergelijking(user: Gebruiker, document_id: int, oud: str, nieuw: str) -> Vergelijking:
    document = zichtbaar_concept(user, document_id)
    versies = list(document.versies.defer("inhoud").order_by("hoofd", "sub"))
    if len(versies) < 2:
        raise Http404("Er zijn nog geen twee versies om te vergelijken.")
    per_nummer = {v.nummer: v for v in versies}
    a = per_nummer.get(oud) or versies[-2]
    b = per_nummer.get(nieuw) or versies[-1]
    return Vergelijking(document, versies, a, b, _vergeleken(a, b))


# How long a comparison stays in the cache after it was made. Versions never change, so this
# only bounds the cache's size; it never makes a result stale.
VERGELIJKING_BEWAREN = 7 * 24 * 60 * 60


def _vergeleken(a: Versie, b: Versie) -> list[SectieVergelijking]:
    """The section comparison of two versions. Versions are frozen (`Versie.save` refuses an
    update, `delete` always), so the result is cached by the two ids and the diff's own
    version (`VERGELIJKING_VERSIE`); on a miss only these two are decoded, in one query."""
    sleutel = f"stappen:vergelijking:{VERGELIJKING_VERSIE}:{a.pk}:{b.pk}"
    try:
        secties: list[SectieVergelijking] | None = cache.get(sleutel)
    except Exception:  # a cache that does not answer (Redis down): compare as without one
        logger.warning("cache_niet_bereikbaar", exc_info=True)
        secties = None
    if secties is None:
        inhoud = dict(Versie.objects.filter(pk__in=[a.pk, b.pk]).values_list("pk", "inhoud"))
        secties = vergelijk_secties(inhoud[a.pk], inhoud[b.pk])
        try:
            cache.set(sleutel, secties, VERGELIJKING_BEWAREN)
        except Exception:
            logger.warning("cache_niet_bereikbaar", exc_info=True)
    return secties
