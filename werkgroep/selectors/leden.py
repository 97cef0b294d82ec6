"""Reads of the members of a werkgroep, for its pages and forms."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, mag_plan_regisseren
from veiligheidsvelden.models import Veld
from werkgroep.models import Lid, Urenbudget, Werkgroep


def leden_met_velden(werkgroep_id: int | None) -> QuerySet[Lid]:
    """The members with their user and their velden (in code order), oldest first."""
    if werkgroep_id is None:
        return Lid.objects.none()
    return (
        Lid.objects.filter(werkgroep_id=werkgroep_id)
        .select_related("gebruiker")
        .prefetch_related(Prefetch("velden", queryset=Veld.objects.order_by("code")))
        .order_by("pk")
    )


def leden_keuze(werkgroep_id: int | None) -> QuerySet[Lid]:
    """The members to choose from in a form (an actiepunt's holder, whose hours)."""
    if werkgroep_id is None:
        return Lid.objects.none()
    return Lid.objects.filter(werkgroep_id=werkgroep_id).select_related("gebruiker")


def werkgroep_van(plan: Plan) -> Werkgroep | None:
    return Werkgroep.objects.filter(plan=plan).first()


def regie_lid(user: Gebruiker, lid_id: int) -> Lid:
    """A member of a werkgroep that `user` steers; 404 for anyone else."""
    gevonden = (
        Lid.objects.select_related("werkgroep__plan__gemeente", "gebruiker")
        .filter(pk=lid_id)
        .first()
    )
    if gevonden is None or not mag_plan_regisseren(user, gevonden.werkgroep.plan):
        raise Http404("Lid niet gevonden.")
    return gevonden


def velden_van(lid: Lid) -> list[Veld]:
    return list(lid.velden.all())


def urenbudget_van(lid: Lid) -> Urenbudget | None:
    return Urenbudget.objects.filter(lid=lid).first()


def kandidaten(plan: Plan) -> QuerySet[Gebruiker]:
    """Users of the gemeente who may join: a reading role there and not yet a member."""
    return (
        Gebruiker.objects.filter(
            rollen__gemeente_id=plan.gemeente_id, rollen__soort__in=list(PLAN_LEZERS)
        )
        .exclude(lidmaatschappen__werkgroep__plan=plan)
        .distinct()
        .order_by("first_name", "last_name")
    )
