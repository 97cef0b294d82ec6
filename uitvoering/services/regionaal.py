"""The writes of the regional activities (docs/uitvoering.md, "Regionale activiteiten"): one
row for the region and a year, added and changed by a regional coordinator; every member's
uitvoeringsplan that took its shared priority shows it, and its progress is recorded once
(`plannen.voortgang_save`, by the regional coordinator or the trekker).

A member's document is not changed by this: what a vastgesteld uitvoeringsplan showed is in
its versions and PDF (the activities chapter, built when the version was made)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Regio, Rol
from ivp.permissions import mag_regio_regisseren
from ivp.services import bewaar
from stappen.models import JAAR_MAX, JAAR_MIN
from uitvoering.models import Activiteit
from uitvoering.rechten import TREKKER_ROLLEN
from uitvoering.services.plannen import ACTIVITEIT_VELDEN, planning, vul_velden

# A regional activity has no member's doelstelling, beheer theme or werkgroep trekker.
REGIONALE_VELDEN = (
    *(n for n in ACTIVITEIT_VELDEN if n not in ("doelstelling", "beheer_thema", "trekker")),
    "regiodoelstelling",
    "trekker_gebruiker",
)


def vereis_regio_regie(regio: Regio, door: Gebruiker) -> None:
    if not mag_regio_regisseren(door, regio.pk):
        raise GeenToegang(f"Alleen een regionale coördinator van {regio} mag dit doen.")


def mag_regionaal_trekken(gebruiker: Gebruiker, regio: Regio) -> bool:
    return (
        regio.coordinatoren.filter(pk=gebruiker.pk).exists()
        or Rol.objects.filter(
            gebruiker=gebruiker, gemeente__regios=regio, soort__in=TREKKER_ROLLEN
        ).exists()
    )


def _controleer(activiteit: Activiteit, regio: Regio) -> None:
    trekker = activiteit.trekker_gebruiker
    if trekker is not None and not mag_regionaal_trekken(trekker, regio):
        raise ValidationError(
            {
                "trekker_gebruiker": "Kies een regionale coördinator, of een coördinator of "
                "werkgroeplid van een gemeente in de regio."
            }
        )


@transaction.atomic
def regionale_activiteit_create(
    *,
    regio: Regio,
    jaar: int,
    door: Gebruiker,
    kwartaal_van: int | None = None,
    kwartaal_tot: int | None = None,
    **velden: Any,
) -> Activiteit:
    vereis_regio_regie(regio, door)
    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise Geweigerd(f"Kies een jaar tussen {JAAR_MIN} en {JAAR_MAX}.")
    planning(jaar, velden, kwartaal_van, kwartaal_tot)
    activiteit = Activiteit(regio=regio, jaar=jaar)
    vul_velden(activiteit, velden, REGIONALE_VELDEN)
    _controleer(activiteit, regio)
    return bewaar(activiteit, door=door, reden="Regionale activiteit toegevoegd")


@transaction.atomic
def regionale_activiteit_update(
    *,
    activiteit: Activiteit,
    door: Gebruiker,
    kwartaal_van: int | None = None,
    kwartaal_tot: int | None = None,
    **velden: Any,
) -> Activiteit:
    regio, jaar = activiteit.regio, activiteit.jaar
    if regio is None or jaar is None:
        raise Geweigerd("Dit is geen regionale activiteit.")
    vereis_regio_regie(regio, door)
    if kwartaal_van or kwartaal_tot:
        velden.setdefault("start", None)
        velden.setdefault("eind", None)
    else:  # a change of other fields keeps the planning
        velden.setdefault("start", activiteit.start)
        velden.setdefault("eind", activiteit.eind)
    planning(jaar, velden, kwartaal_van, kwartaal_tot)
    vul_velden(activiteit, velden, REGIONALE_VELDEN)
    _controleer(activiteit, regio)
    return bewaar(activiteit, door=door, reden="Regionale activiteit gewijzigd")
