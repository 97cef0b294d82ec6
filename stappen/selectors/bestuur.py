"""The reads of the bestuurder's start page: what awaits a decision and which deadlines
come. (The griffie's page: `stappen.selectors.griffie`.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker
from ivp.permissions import gemeenten_met_rol
from stappen.constants import (
    BESLUITORGAAN,
    DocumentStatus,
    Orgaan,
    StapStatus,
)
from stappen.models import Document, Stap

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
