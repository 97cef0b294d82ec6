"""The reads of the bestuurder's and the griffie's pages: what awaits a decision, which
deadlines come, and the documents the raad adopted or will decide (never a draft)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker
from ivp.permissions import gemeenten_met_rol
from stappen.constants import (
    BESLUITORGAAN,
    JAARLIJKSE_SOORTEN,
    DocumentStatus,
    Orgaan,
    StapStatus,
)
from stappen.models import Besluit, Document, Stap

# How far ahead the bestuurder's start page looks for deadlines.
DEADLINES_VOORUIT = dt.timedelta(days=92)
BESTUURDERS = frozenset({RolSoort.BESTUURDER})
GRIFFIE = frozenset({RolSoort.GRIFFIE})
RAADSSTUKKEN = frozenset(s for s, orgaan in BESLUITORGAAN.items() if orgaan == Orgaan.RAAD)


@dataclass
class BestuurderOverzicht:
    te_besluiten: list[Document]
    deadlines: list[Stap]
    tot: dt.date


def bestuurder_overzicht(user: Gebruiker) -> BestuurderOverzicht | None:
    """For a bestuurder: the documents ter besluitvorming in their gemeenten and the step
    deadlines of the coming three months; None for anyone else. Two queries."""
    gemeenten = gemeenten_met_rol(user, BESTUURDERS)
    if not gemeenten:
        return None
    vandaag = timezone.localdate()
    tot = vandaag + DEADLINES_VOORUIT
    return BestuurderOverzicht(
        te_besluiten=list(
            Document.objects.filter(
                plan__gemeente_id__in=gemeenten, status=DocumentStatus.TER_BESLUITVORMING
            )
            .select_related("plan__gemeente")
            .order_by("plan__gemeente__naam", "plan__titel", "stap__nummer", "jaar")
        ),
        deadlines=list(
            Stap.objects.filter(
                plan__gemeente_id__in=gemeenten,
                status__in=[StapStatus.GEPLAND, StapStatus.ACTIEF],
                gepland_eind__gte=vandaag,
                gepland_eind__lte=tot,
            )
            .select_related("plan__gemeente")
            .order_by("gepland_eind", "plan__titel")[:20]
        ),
        tot=tot,
    )


@dataclass
class Raadsstuk:
    document: Document
    besluiten: list[Besluit]

    @property
    def ter_informatie(self) -> bool:
        """Adopted by the college; the raad receives it ter informatie."""
        return self.document.soort in JAARLIJKSE_SOORTEN


def griffie_stukken(user: Gebruiker) -> list[Raadsstuk]:
    """The documents of the griffie's gemeenten that the raad will decide (ter
    besluitvorming) or adopted, and the college's documents adopted for the raad's
    information; never a draft. 404 for anyone without the griffie role. Two queries."""
    gemeenten = gemeenten_met_rol(user, GRIFFIE)
    if not gemeenten:
        raise Http404("Pagina niet gevonden.")
    documenten = (
        Document.objects.filter(plan__gemeente_id__in=gemeenten)
        .filter(
            Q(
                soort__in=RAADSSTUKKEN,
                status__in=[DocumentStatus.TER_BESLUITVORMING, DocumentStatus.VASTGESTELD],
            )
            | Q(soort__in=JAARLIJKSE_SOORTEN, status=DocumentStatus.VASTGESTELD)
        )
        .select_related("plan__gemeente")
        .prefetch_related(
            Prefetch("besluiten", queryset=Besluit.objects.order_by("datum", "vastgelegd_op"))
        )
        .order_by("plan__gemeente__naam", "-plan__periode_start", "stap__nummer", "jaar")
    )
    return [Raadsstuk(document=d, besluiten=list(d.besluiten.all())) for d in documenten]
