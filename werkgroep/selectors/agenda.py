"""Reads of the calendar: one's own feed, and what goes into it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from ivp.models import Gebruiker
from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol
from stappen.constants import StapNummer
from stappen.models import Stap
from werkgroep.models import Agendafeed, Agendapunt, Bijeenkomst


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


@dataclass(frozen=True, slots=True)
class Afspraak:
    """One meeting as the feed writes it: what `werkgroep.ical` needs, as one row (the feed
    has hundreds at 50×; as objects each was a meeting, its werkgroep, plan, gemeente and
    joint meeting, with the notulen and besluiten read through the DISTINCT for nothing)."""

    uid: uuid.UUID
    gezamenlijk_uid: uuid.UUID | None  # set for a werkgroep's part of a joint meeting
    volgnummer_ical: int
    titel: str
    datum: dt.date
    begintijd: dt.time
    eindtijd: dt.time
    locatie: str
    online_link: str
    plan_titel: str
    gemeente: str
    agenda: tuple[str, ...]  # the onderwerpen of its agenda items, in order
    afgezegd: bool = False  # called off: written as STATUS:CANCELLED


def afspraak_van(bijeenkomst: Bijeenkomst) -> Afspraak:
    """The row of one meeting that is already loaded (its `.ics` download and mail)."""
    plan = bijeenkomst.werkgroep.plan
    gezamenlijk = bijeenkomst.gezamenlijk if bijeenkomst.gezamenlijk_id else None
    return Afspraak(
        uid=bijeenkomst.uid,
        gezamenlijk_uid=gezamenlijk.uid if gezamenlijk is not None else None,
        volgnummer_ical=bijeenkomst.volgnummer_ical,
        titel=bijeenkomst.titel,
        datum=bijeenkomst.datum,
        begintijd=bijeenkomst.begintijd,
        eindtijd=bijeenkomst.eindtijd,
        locatie=bijeenkomst.locatie,
        online_link=bijeenkomst.online_link,
        plan_titel=plan.titel,
        gemeente=str(plan.gemeente),
        agenda=tuple(punt.onderwerp for punt in bijeenkomst.agendapunten.all()),
        afgezegd=bijeenkomst.afgezegd_op is not None,
    )


def bijeenkomsten_voor(user: Gebruiker) -> list[Afspraak]:
    """The meetings of the werkgroepen `user` is a member of, in gemeenten where they still
    hold a role, by date and time: two queries (the meetings, their agenda items)."""
    rijen = list(
        Bijeenkomst.objects.filter(
            werkgroep__leden__gebruiker=user,
            werkgroep__plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS),
        )
        .distinct()
        .order_by("datum", "begintijd", "pk")
        .values_list(
            "pk",
            "werkgroep_id",
            "uid",
            "gezamenlijk__uid",
            "volgnummer_ical",
            "titel",
            "datum",
            "begintijd",
            "eindtijd",
            "locatie",
            "online_link",
            "werkgroep__plan__titel",
            "werkgroep__plan__gemeente__naam",
            "afgezegd_op",
        )
    )
    # Every meeting of a werkgroep in the list is in it (what it is chosen by is the
    # werkgroep's), so its agenda items are those of these werkgroepen: a few ids to send
    # instead of one per meeting. Ordered within a meeting only: `Meta.ordering` (by the
    # meeting's date first) would join the meetings for an order no one reads (issue 8).
    agenda: dict[int, list[str]] = {}
    punten = Agendapunt.objects.filter(
        bijeenkomst__werkgroep_id__in={rij[1] for rij in rijen}
    ).order_by("volgorde", "pk")
    for bijeenkomst_id, onderwerp in punten.values_list("bijeenkomst_id", "onderwerp"):
        agenda.setdefault(bijeenkomst_id, []).append(onderwerp)
    return [
        Afspraak(*rij[2:-1], agenda=tuple(agenda.get(rij[0], ())), afgezegd=rij[-1] is not None)
        for rij in rijen
    ]


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
