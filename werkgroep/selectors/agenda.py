"""Reads of the calendar: one's own feed, and what goes into it."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from ivp.models import Gebruiker
from ivp.permissions import PLAN_LEZERS, gemeenten_met_rol
from stappen.models import Stap
from werkgroep.models import Agendafeed, Bijeenkomst


def agendafeed_van(user: Gebruiker) -> Agendafeed | None:
    """The user's own private feed, if they made one."""
    return Agendafeed.objects.filter(gebruiker=user).first()


def feed_eigenaar(token: str) -> Gebruiker:
    """The active user whose feed has this secret token; 404 for a revoked or unknown one."""
    gevonden = Agendafeed.objects.select_related("gebruiker").filter(token=token).first()
    if gevonden is None or not gevonden.gebruiker.is_active:
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
        .select_related("werkgroep__plan__gemeente")
        .prefetch_related("agendapunten")
        .distinct()
        .order_by("datum", "begintijd")
    )


def stappen_voor(user: Gebruiker) -> QuerySet[Stap]:
    """The steps of every plan `user` may see: their deadlines go into the feed."""
    return (
        Stap.objects.filter(plan__gemeente_id__in=gemeenten_met_rol(user, PLAN_LEZERS))
        .select_related("plan__gemeente")
        .order_by("gepland_eind", "plan_id", "nummer")
    )
