"""Reads of the members of a werkgroep, for its pages and forms."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from ivp.models import Gebruiker, Plan, gebruiker_naam
from ivp.permissions import PLAN_LEZERS, mag_plan_regisseren
from ivp.vaste_query import VasteQuery
from veiligheidsvelden.models import Veld
from werkgroep.constants import LidRol
from werkgroep.models import Lid, Urenbudget, Werkgroep


@dataclass(slots=True)
class LidRegel:
    """A member as the werkgroep page shows it, read as plain values (issue 8: a `Lid` and a
    `Gebruiker` instance per member were a sixth of the page at 80 members). The names are
    those of `Lid`: `weergavenaam` as its property gives it, `get_rol_display()`."""

    pk: int
    gebruiker_id: int | None
    weergavenaam: str
    rol: str
    organisatie: str
    functie: str
    motivatie: str
    gekozen_velden: list[Veld]  # its velden, in the order of the page's velden

    def get_rol_display(self) -> str:
        return _ROLLEN.get(self.rol, self.rol)


_ROLLEN = dict(LidRol.choices)

# Compiled once per process (issue 8), each through the plan: its werkgroep needs no query of
# its own, and one parameter (psycopg parses a query of more than 50 parameters anew each
# time, as a list of the members' ids would be).
_LEDEN = VasteQuery(
    lambda plan_id: (
        Lid.objects.filter(werkgroep__plan_id=plan_id)
        .order_by("pk")
        .values_list(
            "pk",
            "gebruiker_id",
            "naam",
            "rol",
            "organisatie",
            "functie",
            "motivatie",
            "gebruiker__first_name",
            "gebruiker__last_name",
            "gebruiker__username",
        )
    ),
    "plan_id",
)
_LID_VELDEN = VasteQuery(
    lambda plan_id: Lid.velden.through.objects.filter(lid__werkgroep__plan_id=plan_id).values_list(
        "lid_id", "veld_id"
    ),
    "plan_id",
)


def leden_met_velden(plan_id: int, velden: list[Veld]) -> list[LidRegel]:
    """The members of the plan's werkgroep, oldest first, each with `gekozen_velden` (of
    `velden`: all of them, as the page has them anyway). Two queries: the members with their
    user's name, and the pairs of the m2m table."""
    per_lid: dict[int, set[int]] = {}
    for lid_id, veld_id in _LID_VELDEN.rijen(plan_id=plan_id):
        per_lid.setdefault(lid_id, set()).add(veld_id)
    return [
        LidRegel(
            pk=pk,
            gebruiker_id=gebruiker_id,
            weergavenaam=gebruiker_naam(voornaam, achternaam, gebruikersnaam)
            if gebruiker_id
            else naam,
            rol=rol,
            organisatie=organisatie,
            functie=functie,
            motivatie=motivatie,
            gekozen_velden=[v for v in velden if v.pk in eigen]
            if (eigen := per_lid.get(pk))
            else [],
        )
        for (
            pk,
            gebruiker_id,
            naam,
            rol,
            organisatie,
            functie,
            motivatie,
            voornaam,
            achternaam,
            gebruikersnaam,
        ) in _LEDEN.rijen(plan_id=plan_id)
    ]


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
