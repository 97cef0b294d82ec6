"""Counting back from the raad meeting that must decide a step's product (the prioritering or
the IVP), next to the step planning of `planning`.

From the raad meeting: the latest commissie meeting at least `raad_werkdagen` werkdagen
before it; the latest college meeting at least `commissie_werkdagen` werkdagen before that
commissie; the stukken ready `college_werkdagen` werkdagen before the college. The step's
deadline is the raad meeting; an earlier step still open whose deadline lies after the day
the stukken must be ready moves to the werkdag before that day. Every date that would fall in
a weekend or on a holiday moves to the werkdag before it. The coordinator sees this proposal
and accepts it, adjusted or not (`raadsplanning_accepteer`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from ivp.werkdagen import is_werkdag, werkdag_op_of_voor, werkdagen_terug
from stappen.constants import RAADSSTAPPEN, StapStatus, VergaderOrgaan
from stappen.models import Raadsplanning, Stap, Vergadering, Vergadertermijnen


@dataclass(frozen=True)
class Termijnen:
    college: int
    commissie: int
    raad: int

    @classmethod
    def van(cls, termijnen: Vergadertermijnen) -> Termijnen:
        return cls(
            termijnen.college_werkdagen, termijnen.commissie_werkdagen, termijnen.raad_werkdagen
        )


@dataclass(frozen=True)
class Voorstel:
    """The counted-back planning for one step and one raad meeting."""

    stap: Stap
    raad: Vergadering
    commissie: Vergadering
    college: Vergadering
    stukken: dt.date
    # Per step number: (its deadline now, the proposed deadline); only steps that change.
    deadlines: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)


def _laatste_voor(
    vergaderingen: Iterable[Vergadering], orgaan: str, uiterlijk: dt.date
) -> Vergadering | None:
    kandidaten = [v for v in vergaderingen if v.orgaan == orgaan and v.datum <= uiterlijk]
    return max(kandidaten, key=lambda v: (v.datum, v.pk), default=None)


def reken_terug(
    *,
    stap: Stap,
    raad: Vergadering,
    vergaderingen: Iterable[Vergadering],
    termijnen: Termijnen,
    stappen: Iterable[Stap],
    met_eigen_raad: frozenset[int] = frozenset(),
) -> Voorstel:
    """The proposal, from the meetings given (a pure function: no query). `met_eigen_raad`:
    the numbers of earlier steps that have a raad meeting of their own to count back from."""
    if raad.orgaan != VergaderOrgaan.RAAD:
        raise Geweigerd("Kies een vergadering van de gemeenteraad.")
    vergaderingen = list(vergaderingen)
    uiterlijk_commissie = werkdagen_terug(raad.datum, termijnen.raad)
    commissie = _laatste_voor(vergaderingen, VergaderOrgaan.COMMISSIE, uiterlijk_commissie)
    if commissie is None:
        raise Geweigerd(
            f"Er staat geen commissievergadering op of vóór {uiterlijk_commissie:%d-%m-%Y} in "
            f"de vergaderkalender ({termijnen.raad} werkdagen vóór de raad van "
            f"{raad.datum:%d-%m-%Y}). Voer de commissievergaderingen in of importeer ze."
        )
    uiterlijk_college = werkdagen_terug(commissie.datum, termijnen.commissie)
    college = _laatste_voor(vergaderingen, VergaderOrgaan.COLLEGE, uiterlijk_college)
    if college is None:
        raise Geweigerd(
            f"Er staat geen collegevergadering op of vóór {uiterlijk_college:%d-%m-%Y} in de "
            f"vergaderkalender ({termijnen.commissie} werkdagen vóór de commissie van "
            f"{commissie.datum:%d-%m-%Y}). Voer de collegevergaderingen in of importeer ze."
        )
    stukken = werkdagen_terug(college.datum, termijnen.college)
    deadlines: dict[int, tuple[dt.date, dt.date]] = {}
    eigen = werkdag_op_of_voor(raad.datum)
    if stap.gepland_eind != eigen:
        deadlines[stap.nummer] = (stap.gepland_eind, eigen)
    voor_stukken = werkdag_op_of_voor(stukken - dt.timedelta(days=1))
    for eerder in stappen:
        if (
            eerder.nummer < stap.nummer
            and eerder.status != StapStatus.AFGEROND
            and eerder.gepland_eind > voor_stukken
            and eerder.nummer not in met_eigen_raad
        ):
            deadlines[eerder.nummer] = (eerder.gepland_eind, voor_stukken)
    return Voorstel(stap, raad, commissie, college, stukken, dict(sorted(deadlines.items())))


def _raadsstap(stap: Stap) -> None:
    if stap.nummer not in RAADSSTAPPEN:
        raise Geweigerd(
            f"Voor stap {stap.nummer} kiest u geen raadsvergadering; alleen de prioritering en "
            "het IVP gaan naar de raad."
        )
    if stap.status == StapStatus.AFGEROND:
        raise Geweigerd("Deze stap is afgerond; de raad heeft al besloten.")


def voorstel_voor(*, stap: Stap, raad: Vergadering) -> Voorstel:
    """Count back for `stap` from `raad`, reading the gemeente's calendar and lead times."""
    _raadsstap(stap)
    plan = stap.plan
    if raad.gemeente_id != plan.gemeente_id:
        raise Geweigerd("Deze vergadering hoort niet bij de gemeente van dit plan.")
    # Read only (the proposal is shown on a GET): the defaults until the coordinator saves some.
    termijnen = Vergadertermijnen.objects.filter(
        gemeente_id=plan.gemeente_id
    ).first() or Vergadertermijnen(gemeente_id=plan.gemeente_id)
    vergaderingen = Vergadering.objects.filter(
        gemeente_id=plan.gemeente_id, datum__lt=raad.datum
    ).exclude(orgaan=VergaderOrgaan.RAAD)
    eigen = Raadsplanning.objects.filter(stap__plan=plan).exclude(stap=stap)
    return reken_terug(
        stap=stap,
        raad=raad,
        vergaderingen=vergaderingen,
        termijnen=Termijnen.van(termijnen),
        stappen=list(plan.stappen.all()),
        met_eigen_raad=frozenset(eigen.values_list("stap__nummer", flat=True)),
    )


def _werkdag(waarde: dt.date, veld: str) -> dict[str, str]:
    if is_werkdag(waarde):
        return {}
    return {
        veld: f"{waarde:%d-%m-%Y} is geen werkdag (weekend of feestdag); kies bijvoorbeeld "
        f"{werkdag_op_of_voor(waarde):%d-%m-%Y}."
    }


@transaction.atomic
def raadsplanning_accepteer(
    *,
    stap: Stap,
    raad: Vergadering,
    door: Gebruiker,
    stukken_datum: dt.date,
    deadlines: Mapping[int, dt.date],
) -> Raadsplanning:
    """Accept the counted-back planning, with the stukken date and the step deadlines as the
    coordinator left or adjusted them. Each must be a werkdag; a stukken date after the
    college meeting or a deadline after the raad meeting is refused with the meeting it
    would miss."""
    vereis_regie(stap.plan, door)
    voorstel = voorstel_voor(stap=stap, raad=raad)
    fouten = _werkdag(stukken_datum, "stukken_datum")
    if not fouten and stukken_datum >= voorstel.college.datum:
        fouten["stukken_datum"] = (
            f"Op {stukken_datum:%d-%m-%Y} zijn de stukken te laat voor de {voorstel.college}."
        )
    stappen = {s.nummer: s for s in Stap.objects.select_for_update().filter(plan=stap.plan)}
    for nummer, deadline in deadlines.items():
        veld = f"deadline_{nummer}"
        fouten |= _werkdag(deadline, veld)
        if veld not in fouten and nummer == stap.nummer and deadline > raad.datum:
            fouten[veld] = f"Met deze deadline haalt stap {nummer} de {raad} niet."
        elif veld not in fouten and deadline < stappen[nummer].gepland_start:
            fouten[veld] = (
                f"Deze deadline ligt vóór de geplande start van stap {nummer} "
                f"({stappen[nummer].gepland_start:%d-%m-%Y})."
            )
    if fouten:
        raise ValidationError(fouten)
    for nummer, deadline in deadlines.items():
        gewijzigd = stappen[nummer]
        if gewijzigd.status == StapStatus.AFGEROND or gewijzigd.gepland_eind == deadline:
            continue
        gewijzigd.gepland_eind = deadline
        bewaar(
            gewijzigd,
            door=door,
            reden=f"Teruggerekend van de {raad}",
            velden=["gepland_eind"],
        )
    planning = Raadsplanning.objects.filter(stap=stap).first() or Raadsplanning(stap=stap)
    planning.raadsvergadering = raad
    planning.commissievergadering = voorstel.commissie
    planning.collegevergadering = voorstel.college
    planning.raad_datum = raad.datum
    planning.commissie_datum = voorstel.commissie.datum
    planning.college_datum = voorstel.college.datum
    planning.stukken_datum = stukken_datum
    planning.geaccepteerd_door = door
    planning.geaccepteerd_op = timezone.now()
    return bewaar(planning, door=door)
