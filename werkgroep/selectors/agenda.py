"""Reads of the calendar: one's own feed, and what goes into it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker
from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol
from stappen.constants import StapNummer
from stappen.models import Stap
from werkgroep.models import Agendafeed, Agendapunt, Bijeenkomst

# What `werkgroep.ical` writes of a meeting, and no more: the feed reads every
# meeting of the user (hundreds at 50×), and the notulen, besluiten and the rest of the plan
# would be read, compared by DISTINCT and made into objects for nothing.
_BIJEENKOMST_VELDEN = (
    "id",
    "uid",
    "volgnummer_ical",
    "titel",
    "datum",
    "begintijd",
    "eindtijd",
    "locatie",
    "online_link",
    "werkgroep__plan__titel",
    "werkgroep__plan__gemeente__naam",
    "gezamenlijk__uid",
)


def agendafeed_van(user: Gebruiker) -> Agendafeed | None:
    """The user's own private feed, if they made one."""
    return Agendafeed.objects.filter(gebruiker=user).first()


def feed_eigenaar(token: str) -> Gebruiker:
    """The active user whose feed has this secret token; 404 for a revoked, expired or
    unknown one."""
    gevonden = Agendafeed.objects.select_related("gebruiker").filter(token=token).first()
    if gevonden is None or not gevonden.gebruiker.is_active or gevonden.is_verlopen(timezone.now()):
        raise Http404("Onbekende agenda.")
    return gevonden.gebruiker


def bijeenkomsten_voor(user: Gebruiker) -> QuerySet[Bijeenkomst]:
    """The meetings of the werkgroepen `user` is a member of, in gemeenten where they still
    hold a role."""
    return (
        Bijeenkomst.objects.filter(
            werkgroep__leden__gebruiker=user,
            werkgroep__plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS),
        )
        .select_related("werkgroep__plan__gemeente", "gezamenlijk")
        .only(*_BIJEENKOMST_VELDEN)
        .prefetch_related(
            Prefetch("agendapunten", Agendapunt.objects.only("id", "bijeenkomst_id", "onderwerp"))
        )
        .distinct()
        .order_by("datum", "begintijd")
    )


@dataclass(frozen=True, slots=True)
class Deadline:
    """One step's deadline as the feed writes it: a row, not a `Stap` (hundreds at 50×, and a
    `Stap` with its plan and gemeente is three model objects with a guarded FSM field)."""

    pk: int
    nummer: int
    naam: str  # the step's name, `Stap.get_nummer_display()`
    gepland_eind: dt.date
    plan_titel: str
    gemeente: str
    volgnummer_ical: int


def stappen_voor(user: Gebruiker) -> list[Deadline]:
    """The deadlines of the steps of every plan `user` may see, for the feed.

    `volgnummer_ical` (the iCalendar SEQUENCE of the deadline) is the number of times the step
    was saved after it was made: it only goes up, so a calendar takes a moved deadline."""
    opslagen = (
        Stap.history.model.objects.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(aantal=Count("*"))
        .values("aantal")
    )
    rijen = (
        Stap.objects.filter(plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS))
        .annotate(volgnummer_ical=Coalesce(Subquery(opslagen, output_field=IntegerField()), 1) - 1)
        .order_by("gepland_eind", "plan_id", "nummer")
        .values_list(
            "pk", "nummer", "gepland_eind", "plan__titel", "plan__gemeente__naam", "volgnummer_ical"
        )
    )
    namen = dict(StapNummer.choices)
    return [
        Deadline(pk, nummer, str(namen.get(nummer, nummer)), eind, titel, gemeente, volgnummer)
        for pk, nummer, eind, titel, gemeente, volgnummer in rijen
    ]
