"""Every write of the hours: a member's budget, the hours they log and correct, and the
period the coordinator closes. A member logs and edits their own hours, the coordinator
anyone's; each write sets the history user, so every correction of someone's hours is in
the history with who made it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ivp.exceptions import GeenToegang
from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, heeft_rol, mag_plan_regisseren, vereis_regie
from ivp.services import bewaar, verwijder
from ivp.versies import vereis_versie
from stappen.models import Stap
from werkgroep.constants import MAX_UREN_PER_DAG, uren_tekst
from werkgroep.models import Lid, Urenbudget, Urenregistratie, Werkgroep
from werkgroep.services import werkgroep_ensure


@transaction.atomic
def urenbudget_set(
    *, lid: Lid, door: Gebruiker, uren: Decimal, motivatie: str = "", versie: int | None = None
) -> Urenbudget:
    """Set a member's budget. The coordinator's outside 300–400 hours needs a motivation."""
    vereis_regie(lid.werkgroep.plan, door)
    budget = Urenbudget.objects.filter(lid=lid).first() or Urenbudget(lid=lid)
    vereis_versie(budget, versie)
    budget.uren = uren
    budget.motivatie = motivatie.strip()
    return bewaar(budget, door=door)


def _mag_uren_schrijven(lid: Lid, door: Gebruiker) -> None:
    plan = lid.werkgroep.plan
    if mag_plan_regisseren(door, plan):
        return
    if lid.gebruiker_id != door.pk or not heeft_rol(door, plan.gemeente_id, PLAN_LEZERS):
        raise GeenToegang("U schrijft alleen uw eigen uren.")


def _vergrendel_persoon(lid: Lid) -> None:
    """Serialise the hour entries of one person (across werkgroepen), so two tabs or two
    plans cannot together pass 24 hours on a day. Locks the user row, or the member row of
    an external partner, until the transaction ends."""
    if lid.gebruiker_id:
        Gebruiker.objects.select_for_update().filter(pk=lid.gebruiker_id).first()
    else:
        Lid.objects.select_for_update().filter(pk=lid.pk).first()


def _controleer_uren(registratie: Urenregistratie) -> None:
    """What a row cannot check alone: the plan's period, today, and 24 hours a day. The
    row's CheckConstraint (more than 0, at most 24 hours) is not asked of the database as
    well: `Urenregistratie.clean()` checks the same bounds with its own messages, before it
    (three queries less per entry; issue 8)."""
    registratie.full_clean(validate_constraints=False)
    plan = registratie.lid.werkgroep.plan
    vandaag = timezone.localdate()
    if registratie.datum > vandaag:
        raise ValidationError({"datum": "U schrijft geen uren op een dag in de toekomst."})
    if not plan.traject_start <= registratie.datum <= plan.einde:
        raise ValidationError(
            {
                "datum": f"Kies een datum binnen het traject van het plan: van "
                f"{plan.traject_start:%d-%m-%Y} tot en met {plan.einde:%d-%m-%Y}."
            }
        )
    andere = (
        Urenregistratie.objects.filter(lid__gebruiker_id=registratie.lid.gebruiker_id)
        if registratie.lid.gebruiker_id
        else Urenregistratie.objects.filter(lid=registratie.lid)
    )
    al = andere.filter(datum=registratie.datum).exclude(pk=registratie.pk).aggregate(
        totaal=Sum("uren")
    )["totaal"] or Decimal(0)
    if al + registratie.uren > MAX_UREN_PER_DAG:
        raise ValidationError(
            {
                "uren": f"Op {registratie.datum:%d-%m-%Y} staat al {uren_tekst(al)} uur; samen met "
                f"deze {uren_tekst(registratie.uren)} uur is dat meer dan 24 uur op één dag."
            }
        )


def _vereis_open_periode(lid: Lid, *datums: dt.date) -> None:
    """Hours on or before the werkgroep's closed-until date are accounted for: nobody writes,
    moves or deletes them (the coordinator moves the date back to correct one)."""
    tot = Werkgroep.objects.filter(pk=lid.werkgroep_id).values_list("uren_gesloten_tot", flat=True)
    gesloten = tot.first()
    if gesloten is not None and any(d <= gesloten for d in datums):
        raise ValidationError(
            {
                "datum": f"De uren tot en met {gesloten:%d-%m-%Y} zijn afgesloten. Kies een "
                "latere datum, of vraag de coördinator de periode te heropenen."
            }
        )


@transaction.atomic
def uren_sluit(*, plan: Plan, door: Gebruiker, tot: dt.date | None) -> Werkgroep:
    """Close the hours up to and including `tot` (None: reopen). The coordinator sets it; the
    voortgangsrapportage (uitvoering) can call this when it closes a period."""
    vereis_regie(plan, door)
    werkgroep = werkgroep_ensure(plan=plan, door=door)
    werkgroep.uren_gesloten_tot = tot
    return bewaar(werkgroep, door=door, reden="uren afgesloten" if tot else "uren heropend")


@transaction.atomic
def uren_log(
    *,
    lid: Lid,
    door: Gebruiker,
    datum: dt.date,
    uren: Decimal,
    omschrijving: str,
    stap: Stap | None = None,
) -> Urenregistratie:
    """Log hours. A member logs their own; the coordinator may log for anyone."""
    _mag_uren_schrijven(lid, door)
    _vereis_open_periode(lid, datum)
    _vergrendel_persoon(lid)
    registratie = Urenregistratie(
        lid=lid, datum=datum, uren=uren, stap=stap, omschrijving=omschrijving.strip()
    )
    _controleer_uren(registratie)  # full_clean() and the checks across rows
    return bewaar(registratie, door=door, valideer=False)


@transaction.atomic
def uren_update(
    *,
    registratie: Urenregistratie,
    door: Gebruiker,
    datum: dt.date,
    uren: Decimal,
    omschrijving: str,
    stap: Stap | None = None,
    reden: str = "",
) -> Urenregistratie:
    """Correct an entry: the member their own, the coordinator anyone's (with a reason that
    goes into the history)."""
    _mag_uren_schrijven(registratie.lid, door)
    _vereis_open_periode(registratie.lid, registratie.datum, datum)  # from and to
    _vergrendel_persoon(registratie.lid)
    registratie.datum = datum
    registratie.uren = uren
    registratie.stap = stap
    registratie.omschrijving = omschrijving.strip()
    _controleer_uren(registratie)  # full_clean() and the checks across rows
    return bewaar(registratie, door=door, reden=reden.strip() or "gewijzigd", valideer=False)


@transaction.atomic
def uren_delete(*, registratie: Urenregistratie, door: Gebruiker, reden: str = "") -> None:
    _mag_uren_schrijven(registratie.lid, door)
    _vereis_open_periode(registratie.lid, registratie.datum)
    verwijder(registratie, door=door, reden=reden.strip() or "verwijderd")
