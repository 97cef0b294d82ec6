"""Every write of the werkgroep: members, meetings and their record, hour budgets and hours.

The coordinator (`mag_plan_regisseren`) does everything, except that a member logs and edits
their own hours. Wrong input raises `ValidationError` keyed by field; a refusal of the state
raises `Geweigerd`; both in Dutch. Each write sets the history user, so every correction
of someone's hours is in the history with who made it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, heeft_rol, mag_plan_regisseren, vereis_regie
from ivp.services import bewaar, verwijder
from ivp.versies import vereis_versie
from stappen.models import Document, Opmerking, Stap, Versie
from veiligheidsvelden.models import Veld
from werkgroep.constants import (
    COORDINATOR_UREN_STANDAARD,
    MAX_BIJEENKOMSTEN,
    MAX_LEDEN,
    MAX_UREN_PER_DAG,
    Aanwezigheid,
    ActiepuntStatus,
    LidRol,
    uren_tekst,
)
from werkgroep.models import (
    Actiepunt,
    Agendafeed,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    Urenbudget,
    Urenregistratie,
    Werkgroep,
)
from werkgroep.selectors import is_uitvoeringsfase
from werkgroep.uitnodiging import uitnodiging_stuur


@transaction.atomic
def werkgroep_ensure(*, plan: Plan, door: Gebruiker | None = None) -> Werkgroep:
    """The werkgroep of `plan`, made the first time it is needed."""
    bestaand = Werkgroep.objects.filter(plan=plan).first()
    if bestaand is not None:
        return bestaand
    werkgroep = Werkgroep(plan=plan)
    bewaar(werkgroep, door=door)
    return werkgroep


# Members -----------------------------------------------------------------------------------


def _controleer_gebruiker(plan: Plan, gebruiker: Gebruiker | None, rol: str) -> None:
    if gebruiker is None:
        return
    if not heeft_rol(gebruiker, plan.gemeente_id, PLAN_LEZERS):
        raise ValidationError(
            {"gebruiker": f"Deze persoon heeft geen rol in de gemeente {plan.gemeente}."}
        )
    if rol == LidRol.TREKKER and not heeft_rol(
        gebruiker, plan.gemeente_id, frozenset({RolSoort.COORDINATOR})
    ):
        raise ValidationError({"rol": "De trekker is de coördinator OOV van de gemeente."})


@transaction.atomic
def lid_add(
    *,
    plan: Plan,
    door: Gebruiker,
    rol: str,
    gebruiker: Gebruiker | None = None,
    naam: str = "",
    organisatie: str = "",
    functie: str = "",
    velden: Iterable[Veld] = (),
    motivatie: str = "",
) -> Lid:
    """Add a member. From the ninth member on a motivation is needed (pas toe of leg uit).
    The trekker gets the startnotitie's 350 hours as budget."""
    vereis_regie(plan, door)
    werkgroep = werkgroep_ensure(plan=plan, door=door)
    # Lock the werkgroep so two additions at once cannot both be the eighth.
    Werkgroep.objects.select_for_update().filter(pk=werkgroep.pk).first()
    _controleer_gebruiker(plan, gebruiker, rol)
    motivatie = motivatie.strip()
    if werkgroep.leden.count() >= MAX_LEDEN and not motivatie:
        raise ValidationError(
            {
                "motivatie": f"De startnotitie gaat uit van hooguit 7 à 8 leden. Leg uit waarom "
                f"de werkgroep een {werkgroep.leden.count() + 1}e lid krijgt."
            }
        )
    lid = Lid(
        werkgroep=werkgroep,
        gebruiker=gebruiker,
        naam="" if gebruiker else naam.strip(),
        organisatie=organisatie.strip(),
        functie=functie.strip(),
        rol=rol,
        motivatie=motivatie,
    )
    bewaar(lid, door=door)
    lid.velden.set(velden)
    if rol == LidRol.TREKKER:
        bewaar(Urenbudget(lid=lid, uren=COORDINATOR_UREN_STANDAARD), door=door)
    return lid


@transaction.atomic
def lid_update(
    *,
    lid: Lid,
    door: Gebruiker,
    rol: str,
    organisatie: str = "",
    functie: str = "",
    naam: str = "",
    velden: Iterable[Veld] = (),
    motivatie: str | None = None,
    versie: int | None = None,
) -> Lid:
    plan = lid.werkgroep.plan
    vereis_regie(plan, door)
    vereis_versie(lid, versie)
    _controleer_gebruiker(plan, lid.gebruiker, rol)
    lid.rol = rol
    lid.organisatie = organisatie.strip()
    lid.functie = functie.strip()
    if not lid.gebruiker_id:
        lid.naam = naam.strip()
    if motivatie is not None:
        lid.motivatie = motivatie.strip()
    bewaar(lid, door=door)
    lid.velden.set(velden)
    if rol == LidRol.TREKKER and not Urenbudget.objects.filter(lid=lid).exists():
        bewaar(Urenbudget(lid=lid, uren=COORDINATOR_UREN_STANDAARD), door=door)
    return lid


@transaction.atomic
def lid_remove(*, lid: Lid, door: Gebruiker) -> None:
    """Take a member off the werkgroep; refused once they logged hours or hold actiepunten,
    so that the record stays true."""
    vereis_regie(lid.werkgroep.plan, door)
    if lid.urenregistraties.exists() or lid.actiepunten.exists():
        raise Geweigerd(
            f"{lid} heeft uren geschreven of actiepunten; die blijven bewaard, "
            "dus dit lid kan niet uit de werkgroep worden verwijderd."
        )
    verwijder(lid, door=door)


# Meetings ----------------------------------------------------------------------------------


@transaction.atomic
def bijeenkomst_plan(
    *,
    plan: Plan,
    door: Gebruiker,
    datum: dt.date,
    begintijd: dt.time,
    eindtijd: dt.time,
    locatie: str = "",
    online_link: str = "",
    titel: str = "",
    motivatie: str = "",
) -> Bijeenkomst:
    """Plan a meeting. The seventh meeting of the trajectory needs a motivation; during
    uitvoering the meeting is a voortgangsoverleg and is not counted."""
    vereis_regie(plan, door)
    werkgroep = werkgroep_ensure(plan=plan, door=door)
    Werkgroep.objects.select_for_update().filter(pk=werkgroep.pk).first()
    voortgang = is_uitvoeringsfase(plan)
    motivatie = motivatie.strip()
    if not voortgang:
        aantal = werkgroep.bijeenkomsten.filter(voortgangsoverleg=False).count()
        if aantal >= MAX_BIJEENKOMSTEN and not motivatie:
            raise ValidationError(
                {
                    "motivatie": f"De startnotitie gaat uit van hooguit 5 à 6 bijeenkomsten. "
                    f"Leg uit waarom de werkgroep een {aantal + 1}e keer bijeenkomt."
                }
            )
    bijeenkomst = Bijeenkomst(
        werkgroep=werkgroep,
        titel=titel.strip() or ("Voortgangsoverleg IVP" if voortgang else "Werkgroep IVP"),
        datum=datum,
        begintijd=begintijd,
        eindtijd=eindtijd,
        locatie=locatie.strip(),
        online_link=online_link.strip(),
        voortgangsoverleg=voortgang,
        motivatie=motivatie,
    )
    bewaar(bijeenkomst, door=door)
    uitnodiging_stuur(bijeenkomst)
    return bijeenkomst


@transaction.atomic
def bijeenkomst_update(
    *,
    bijeenkomst: Bijeenkomst,
    door: Gebruiker,
    datum: dt.date,
    begintijd: dt.time,
    eindtijd: dt.time,
    locatie: str = "",
    online_link: str = "",
    titel: str = "",
    motivatie: str = "",
    versie: int | None = None,
) -> Bijeenkomst:
    """Move or change a meeting. The calendar id stays; the SEQUENCE goes up, so calendars
    replace the event instead of adding a second one."""
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    vereis_versie(bijeenkomst, versie)
    if bijeenkomst.gezamenlijk_id:
        raise Geweigerd("Een gezamenlijke bijeenkomst verplaatst de regionale coördinator.")
    if bijeenkomst.motivatie and not motivatie.strip():
        raise ValidationError({"motivatie": "Deze bijeenkomst heeft een motivatie nodig."})
    bijeenkomst.datum = datum
    bijeenkomst.begintijd = begintijd
    bijeenkomst.eindtijd = eindtijd
    bijeenkomst.locatie = locatie.strip()
    bijeenkomst.online_link = online_link.strip()
    bijeenkomst.titel = titel.strip() or bijeenkomst.titel
    bijeenkomst.motivatie = motivatie.strip()
    bijeenkomst.volgnummer_ical += 1
    bewaar(bijeenkomst, door=door)
    uitnodiging_stuur(bijeenkomst)
    return bijeenkomst


@transaction.atomic
def bijeenkomst_verslag(
    *,
    bijeenkomst: Bijeenkomst,
    door: Gebruiker,
    notulen: str,
    besluiten: str,
    versie: int | None = None,
) -> Bijeenkomst:
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    vereis_versie(bijeenkomst, versie)
    bijeenkomst.notulen = notulen.strip()
    bijeenkomst.besluiten = besluiten.strip()
    return bewaar(bijeenkomst, door=door)


@transaction.atomic
def agendapunt_add(
    *,
    bijeenkomst: Bijeenkomst,
    door: Gebruiker,
    onderwerp: str,
    toelichting: str = "",
    document: Document | None = None,
    versie: Versie | None = None,
    opmerking: Opmerking | None = None,
) -> Agendapunt:
    """An agenda item, optionally on a document, a version of a document and/or a comment
    thread of the plan. Each is optional; a version goes with the chosen document."""
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    volgorde = bijeenkomst.agendapunten.count() + 1
    punt = Agendapunt(
        bijeenkomst=bijeenkomst,
        volgorde=volgorde,
        onderwerp=onderwerp.strip(),
        toelichting=toelichting.strip(),
        document=document,
        versie=versie,
        opmerking=opmerking,
    )
    return bewaar(punt, door=door)


@transaction.atomic
def presentie_record(
    *, bijeenkomst: Bijeenkomst, door: Gebruiker, statussen: Mapping[int, str]
) -> list[Presentie]:
    """Record who was there: `statussen` maps a member's id to an Aanwezigheid value."""
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    if bijeenkomst.datum > timezone.localdate():
        raise Geweigerd("De aanwezigheid legt u vast op of na de dag van de bijeenkomst.")
    leden = {lid.pk: lid for lid in bijeenkomst.werkgroep.leden.all()}
    bestaand = {p.lid_id: p for p in bijeenkomst.presenties.all()}
    resultaat = []
    for lid_id, status in statussen.items():
        if lid_id not in leden:
            raise ValidationError({"__all__": "Alleen leden van deze werkgroep."})
        if status not in Aanwezigheid.values:
            raise ValidationError({f"lid_{lid_id}": "Kies aanwezig, afgemeld of afwezig."})
        presentie = bestaand.get(lid_id) or Presentie(bijeenkomst=bijeenkomst, lid=leden[lid_id])
        if presentie.pk and presentie.status == status:
            resultaat.append(presentie)
            continue
        presentie.status = status
        resultaat.append(bewaar(presentie, door=door))
    return resultaat


@transaction.atomic
def actiepunt_add(
    *, bijeenkomst: Bijeenkomst, door: Gebruiker, wat: str, wie: Lid, deadline: dt.date
) -> Actiepunt:
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    punt = Actiepunt(bijeenkomst=bijeenkomst, wat=wat.strip(), wie=wie, deadline=deadline)
    return bewaar(punt, door=door)


@transaction.atomic
def actiepunt_set_status(*, actiepunt: Actiepunt, door: Gebruiker, status: str) -> Actiepunt:
    """The coordinator, or the member who holds the actiepunt, marks it done or dropped."""
    plan = actiepunt.bijeenkomst.werkgroep.plan
    if not (mag_plan_regisseren(door, plan) or actiepunt.wie.gebruiker_id == door.pk):
        raise GeenToegang("Alleen de coördinator of wie het actiepunt heeft, wijzigt de status.")
    if status not in ActiepuntStatus.values:
        raise ValidationError({"status": "Kies een geldige status."})
    actiepunt.status = status
    return bewaar(actiepunt, door=door)


# Hours -------------------------------------------------------------------------------------


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


# Calendar feed -----------------------------------------------------------------------------


@transaction.atomic
def agendafeed_create(*, gebruiker: Gebruiker) -> Agendafeed:
    """A new private feed URL; an existing one stops working."""
    Agendafeed.objects.filter(gebruiker=gebruiker).delete()
    feed = Agendafeed(gebruiker=gebruiker)
    return bewaar(feed, door=gebruiker)


@transaction.atomic
def agendafeed_revoke(*, gebruiker: Gebruiker) -> None:
    for feed in Agendafeed.objects.filter(gebruiker=gebruiker):
        verwijder(feed, door=gebruiker)
