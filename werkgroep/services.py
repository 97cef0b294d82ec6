"""Every write of the werkgroep: members, meetings and their record, the calendar feed (the
hours are `werkgroep.uren.services`).

The coordinator (`mag_plan_regisseren`) does everything here. Wrong input raises
`ValidationError` keyed by field; a refusal of the state raises `Geweigerd`; both in Dutch.
Each write sets the history user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Plan
from ivp.permissions import PLAN_LEZERS, heeft_rol, mag_plan_regisseren, vereis_regie
from ivp.services import bewaar, verwijder
from ivp.versies import vereis_versie
from stappen.models import Document, Opmerking, Versie
from veiligheidsvelden.models import Veld
from werkgroep.constants import (
    COORDINATOR_UREN_STANDAARD,
    MAX_BIJEENKOMSTEN,
    MAX_LEDEN,
    Aanwezigheid,
    ActiepuntStatus,
    LidRol,
)
from werkgroep.models import (
    Actiepunt,
    Agendafeed,
    Agendapunt,
    Bijeenkomst,
    Lid,
    Presentie,
    Urenbudget,
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
    """Plan a meeting. The seventh meeting of the trajectory needs a motivation (a meeting
    called off does not count); during uitvoering the meeting is a voortgangsoverleg and is
    not counted."""
    vereis_regie(plan, door)
    werkgroep = werkgroep_ensure(plan=plan, door=door)
    Werkgroep.objects.select_for_update().filter(pk=werkgroep.pk).first()
    voortgang = is_uitvoeringsfase(plan)
    motivatie = motivatie.strip()
    if not voortgang:
        aantal = werkgroep.bijeenkomsten.filter(
            voortgangsoverleg=False, afgezegd_op__isnull=True
        ).count()
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
    bijeenkomst.vereis_niet_afgezegd()
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
def bijeenkomst_afzeggen(*, bijeenkomst: Bijeenkomst, door: Gebruiker, reden: str) -> Bijeenkomst:
    """Call a meeting off: it stays, with when and why, but no longer counts towards the 5–6,
    gets no reminders and cannot be changed. The SEQUENCE goes up and every member gets the
    notice (after the commit, through the outbox) with an .ics of STATUS:CANCELLED, so their
    calendar drops the event or shows it cancelled. A werkgroep's part of a joint meeting is
    called off by the regional coordinator, for all gemeenten at once."""
    vereis_regie(bijeenkomst.werkgroep.plan, door)
    if bijeenkomst.gezamenlijk_id:
        raise Geweigerd("Een gezamenlijke bijeenkomst zegt de regionale coördinator af.")
    # Locked and read again: two clicks at once call it off once.
    opgeslagen = Bijeenkomst.objects.select_for_update().filter(pk=bijeenkomst.pk)
    bijeenkomst.afgezegd_op = opgeslagen.values_list("afgezegd_op", flat=True).get()
    waarom = bijeenkomst.niet_afzegbaar(
        timezone.localdate(), heeft_presentie=bijeenkomst.presenties.exists()
    )
    if waarom:
        raise ValidationError(waarom)
    if not reden.strip():
        raise ValidationError({"reden": "Geef de reden waarom de bijeenkomst niet doorgaat."})
    bijeenkomst.afgezegd_op = timezone.now()
    bijeenkomst.reden_afzegging = reden.strip()
    bijeenkomst.volgnummer_ical += 1
    bewaar(bijeenkomst, door=door, reden="afgezegd")
    uitnodiging_stuur(bijeenkomst)  # says it is called off, with a cancelling .ics
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
    bijeenkomst.vereis_niet_afgezegd()
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
    bijeenkomst.vereis_niet_afgezegd()
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
    bijeenkomst.vereis_niet_afgezegd()
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
    bijeenkomst.vereis_niet_afgezegd()
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
