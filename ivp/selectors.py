"""Reads of the root objects that every app's pages share, with the permission check."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from ivp.berichten import SOORTEN
from ivp.models import Bericht, BerichtStatus, Gebruiker, Gemeente, MeldingKeuze, Plan, Regio
from ivp.permissions import PLAN_REGISSEURS, gemeenten_met_rol, mag_plan_regisseren, mag_plan_zien
from ivp.vaste_query import VasteQuery


def plan_lezer(*select_related: str) -> VasteQuery:
    """The read of one plan by its key as `zichtbaar_plan` does it: with its gemeente and
    `in_regio`, unordered (the Meta ordering would sort the one row by the gemeente's name),
    with more `select_related` for a page that needs more of it in the same query. Compiled
    once per process: the annotation and the joins were most of the Python of every plan
    page's first query (issue 8)."""
    return VasteQuery(
        lambda plan_id: (
            Plan.objects.select_related("gemeente", *select_related)
            .annotate(in_regio=in_regio("gemeente_id"))
            .filter(pk=plan_id)
            .order_by()
        ),
        "plan_id",
    )


_PLAN = plan_lezer()


def zichtbaar_plan(user: Gebruiker, plan_id: int, *, uit: VasteQuery = _PLAN) -> Plan:
    """The plan, or 404 when it does not exist or `user` has no role in its gemeente. It
    carries `in_regio` (its gemeente is in a region), so the plan's pages ask nothing of the
    region for a gemeente outside one (regio.selectors.overname). `uit`: a `plan_lezer` with
    more of the plan, for a page that needs it."""
    gevonden = uit.objecten(plan_id=plan_id)
    if not gevonden or not mag_plan_zien(user, gevonden[0]):
        raise Http404("Plan niet gevonden.")
    return gevonden[0]


def in_regio(gemeente_veld: str) -> Exists:
    """Whether the gemeente in `gemeente_veld` (of the query's rows) is in a region."""
    return Exists(Regio.objects.filter(gemeenten=OuterRef(gemeente_veld)))


def regie_plan(user: Gebruiker, plan_id: int) -> Plan:
    """A plan that `user` steers as coordinator; 404 for anyone else (never a hint)."""
    plan = zichtbaar_plan(user, plan_id)
    if not mag_plan_regisseren(user, plan):
        raise Http404("Plan niet gevonden.")
    return plan


def gebruikers_met_rol(gemeente_id: int, *soorten: str) -> QuerySet[Gebruiker]:
    """The active users who hold one of `soorten` in the gemeente, by name: who is asked to
    review, who is reminded, who may get a veld or a chapter handed over."""
    return (
        Gebruiker.objects.filter(
            rollen__gemeente_id=gemeente_id, rollen__soort__in=soorten, is_active=True
        )
        .distinct()
        .order_by("first_name", "last_name", "username", "pk")
    )


def regie_gemeenten(user: Gebruiker) -> QuerySet[Gemeente]:
    """The gemeenten in which `user` is coordinator OOV (who may start a plan there)."""
    return Gemeente.objects.filter(pk__in=gemeenten_met_rol(user, PLAN_REGISSEURS)).order_by("naam")


def niet_verzonden(gemeente_id: int) -> QuerySet[Bericht]:
    """The mails of a gemeente that failed after the last attempt, for its coordinator."""
    return (
        Bericht.objects.filter(gemeente_id=gemeente_id, status=BerichtStatus.MISLUKT)
        .select_related("ontvanger")
        .order_by("-gemaakt_op", "-pk")
    )


def meldingvoorkeuren(gebruiker: Gebruiker) -> dict[str, str]:
    """The person's choice per kind of notice (kinds without a row: at once)."""
    gekozen = dict(gebruiker.meldingvoorkeuren.values_list("soort", "keuze"))
    return {soort: gekozen.get(soort, MeldingKeuze.METEEN) for soort in SOORTEN}
