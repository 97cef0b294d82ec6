"""The writes of the uitvoeringsplan: the plan of a year, its activities, their progress per
quarter, and next year's plan made from this one.

The coordinator OOV writes everything; a werkgroeplid records the progress of the activities
they are trekker of. Another gemeente's objects never reach a service (the selectors 404), and
the services check the role again. Wrong input is a `ValidationError` keyed by field, so the
form keeps what was entered.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Plan
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from stappen import services as stappen_services
from stappen.constants import DocumentSoort, DocumentStatus
from stappen.models import Document
from uitvoering.constants import (
    AFGESLOTEN,
    ActiviteitStatus,
    kwartaal_eind,
    kwartaal_start,
)
from uitvoering.models import Activiteit, Uitvoeringsplan, Voortgang
from uitvoering.rechten import mag_voortgang_schrijven

# The fields of an activity a form may set.
ACTIVITEIT_VELDEN = (
    "titel",
    "soort",
    "omschrijving",
    "doelstelling",
    "beheer_thema",
    "resultaat",
    "resultaat_aantal",
    "resultaat_eenheid",
    "trekker",
    "trekker_organisatie",
    "partners",
    "start",
    "eind",
    "begroot",
    "besteed",
    "dekking",
    "status",
)


@transaction.atomic
def uitvoeringsplan_maak(*, plan: Plan, jaar: int, door: Gebruiker) -> Uitvoeringsplan:
    """The uitvoeringsplan of `jaar`, with its document (made when the year has none yet: the
    first year's comes with the plan, later years' belong to step 6). Asking twice gives the
    same plan."""
    vereis_regie(plan, door)
    # One at a time per plan: two presses at once make one plan (the second finds it).
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    bestaand = Uitvoeringsplan.objects.filter(plan=plan, jaar=jaar).first()
    if bestaand is not None:
        return bestaand
    document = Document.objects.filter(
        plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar
    ).first()
    if document is None:
        document = stappen_services.jaardocument_create(
            plan=plan, soort=DocumentSoort.UITVOERINGSPLAN, jaar=jaar, door=door
        )
    return bewaar(Uitvoeringsplan(plan=plan, jaar=jaar, document=document), door=door)


def _vereis_concept(uitvoeringsplan: Uitvoeringsplan) -> None:
    document = uitvoeringsplan.document
    if document.status != DocumentStatus.CONCEPT:
        raise Geweigerd(
            f"Het uitvoeringsplan {uitvoeringsplan.jaar} is "
            f"{document.get_status_display().lower()}; de activiteiten wijzigt u alleen zolang "
            "het een concept is."
        )


def planning(
    jaar: int,
    velden: dict[str, Any],
    kwartaal_van: int | None,
    kwartaal_tot: int | None,
) -> None:
    """Quarters instead of dates: the first day of the first, the last of the last."""
    if velden.get("start") is None and kwartaal_van:
        velden["start"] = kwartaal_start(jaar, kwartaal_van)
    if velden.get("eind") is None and (kwartaal_tot or kwartaal_van):
        velden["eind"] = kwartaal_eind(jaar, kwartaal_tot or kwartaal_van or 4)
    if kwartaal_van and kwartaal_tot and kwartaal_tot < kwartaal_van:
        raise ValidationError({"kwartaal_tot": "Het laatste kwartaal ligt vóór het eerste."})
    fouten = {}
    if velden.get("start") is None:
        fouten["start"] = "Vul de start in, of kies het eerste kwartaal."
    if velden.get("eind") is None:
        fouten["eind"] = "Vul het eind in, of kies het laatste kwartaal."
    if fouten:
        raise ValidationError(fouten)


def vul_velden(
    activiteit: Activiteit, velden: dict[str, Any], toegestaan: tuple[str, ...] = ACTIVITEIT_VELDEN
) -> None:
    for naam, waarde in velden.items():
        if naam not in toegestaan:
            raise TypeError(f"Onbekend veld van een activiteit: {naam}")
        if isinstance(waarde, str):
            waarde = waarde.strip()
        setattr(activiteit, naam, waarde)


@transaction.atomic
def activiteit_create(
    *,
    uitvoeringsplan: Uitvoeringsplan,
    door: Gebruiker,
    kwartaal_van: int | None = None,
    kwartaal_tot: int | None = None,
    **velden: Any,
) -> Activiteit:
    vereis_regie(uitvoeringsplan.plan, door)
    _vereis_concept(uitvoeringsplan)
    planning(uitvoeringsplan.jaar, velden, kwartaal_van, kwartaal_tot)
    activiteit = Activiteit(uitvoeringsplan=uitvoeringsplan)
    vul_velden(activiteit, velden)
    return bewaar(activiteit, door=door, reden="Activiteit toegevoegd")


@transaction.atomic
def activiteit_update(
    *,
    activiteit: Activiteit,
    door: Gebruiker,
    kwartaal_van: int | None = None,
    kwartaal_tot: int | None = None,
    **velden: Any,
) -> Activiteit:
    uitvoeringsplan = activiteit.uitvoeringsplan
    if uitvoeringsplan is None:
        raise GeenToegang(
            "Dit is een regionale activiteit; alleen de regionale coördinator wijzigt haar."
        )
    vereis_regie(uitvoeringsplan.plan, door)
    _vereis_concept(uitvoeringsplan)
    if kwartaal_van or kwartaal_tot:
        velden.setdefault("start", None)
        velden.setdefault("eind", None)
    planning(uitvoeringsplan.jaar, velden, kwartaal_van, kwartaal_tot)
    vul_velden(activiteit, velden)
    return bewaar(activiteit, door=door, reden="Activiteit gewijzigd")


@transaction.atomic
def voortgang_save(
    *,
    activiteit: Activiteit,
    door: Gebruiker,
    kwartaal: int,
    status: str,
    toelichting: str = "",
    besteed: Decimal = Decimal(0),
    activiteit_status: str = "",
    vandaag: dt.date | None = None,
) -> Voortgang:
    """The progress of a quarter that has begun (a second save of the same quarter corrects
    it). The activity takes the spending so far and, when given, a new status; a planned
    activity with progress is under way."""
    if not mag_voortgang_schrijven(door, activiteit):
        raise GeenToegang(
            "Alleen de trekker van deze activiteit of de coördinator OOV legt de voortgang vast."
            if activiteit.regio_id is None
            else "Alleen de trekker van deze regionale activiteit of de regionale coördinator "
            "legt de voortgang vast."
        )
    jaar = activiteit.plan_jaar
    vandaag = vandaag or timezone.localdate()
    if kwartaal in (1, 2, 3, 4) and kwartaal_start(jaar, kwartaal) > vandaag:
        raise ValidationError(
            {
                "kwartaal": f"Kwartaal K{kwartaal} {jaar} is nog niet begonnen; de voortgang "
                "legt u vast vanaf de eerste dag van het kwartaal."
            }
        )
    # One save per activity at a time: two trekkers saving the same quarter at once do not
    # both insert it (the second waits and then corrects the first).
    # Ordered by pk: the default ordering follows the nullable uitvoeringsplan (an outer join,
    # which PostgreSQL does not lock).
    Activiteit.objects.select_for_update().filter(pk=activiteit.pk).order_by("pk").first()
    if activiteit_status and activiteit_status not in ActiviteitStatus.values:
        raise ValidationError({"activiteit_status": "Kies een status uit de lijst."})
    voortgang = Voortgang.objects.filter(activiteit=activiteit, kwartaal=kwartaal).first()
    voortgang = voortgang or Voortgang(activiteit=activiteit, kwartaal=kwartaal)
    voortgang.status = status
    voortgang.toelichting = toelichting.strip()
    voortgang.besteed = besteed
    voortgang.door = door
    voortgang.op = timezone.now()
    bewaar(voortgang, door=door, reden=f"Voortgang K{kwartaal}")
    laatste = activiteit.voortgang.order_by("-kwartaal").first()
    activiteit.besteed = laatste.besteed if laatste else besteed
    if activiteit_status:
        activiteit.status = activiteit_status
    elif activiteit.status == ActiviteitStatus.GEPLAND:
        activiteit.status = ActiviteitStatus.LOPEND
    # Only these two fields change, both validated above (the progress row's own clean):
    # an activity whose doelstelling left the IVP still takes its progress.
    bewaar(
        activiteit,
        door=door,
        reden=f"Voortgang K{kwartaal}",
        velden=["besteed", "status"],
        valideer=False,
    )
    return voortgang


def _volgend_jaar_datum(datum: dt.date, jaar: int) -> dt.date:
    try:
        return datum.replace(year=jaar)
    except ValueError:  # 29 February
        return datum.replace(year=jaar, day=28)


@transaction.atomic
def uitvoeringsplan_volgend_jaar(
    *, uitvoeringsplan: Uitvoeringsplan, door: Gebruiker
) -> tuple[Uitvoeringsplan, int]:
    """Next year's uitvoeringsplan from this one: every activity that is not gereed or
    vervallen carries over, marked as voortgezet (its history stays with the original), with
    its doelstelling, trekker and partners, the same quarters next year and the budget that
    is left. Doing it again adds only what did not carry over yet. Returns the plan and the
    number of activities carried over now."""
    plan = uitvoeringsplan.plan
    vereis_regie(plan, door)
    jaar = uitvoeringsplan.jaar + 1
    if jaar > plan.einde.year:
        raise Geweigerd(
            f"Het plan loopt tot en met {plan.einde:%d-%m-%Y}; een uitvoeringsplan {jaar} valt "
            "buiten de looptijd."
        )
    volgend = uitvoeringsplan_maak(plan=plan, jaar=jaar, door=door)
    # One at a time: a second press waits here and then finds what the first carried over.
    Uitvoeringsplan.objects.select_for_update().filter(pk=volgend.pk).first()
    _vereis_concept(volgend)
    al = set(
        Activiteit.objects.filter(
            uitvoeringsplan=volgend, voortgezet_uit__isnull=False
        ).values_list("voortgezet_uit_id", flat=True)
    )
    aantal = 0
    for oud in uitvoeringsplan.activiteiten.exclude(status__in=AFGESLOTEN).order_by("pk"):
        if oud.pk in al:
            continue
        start = _volgend_jaar_datum(oud.start, jaar)
        eind = max(_volgend_jaar_datum(oud.eind, jaar), start)
        nieuw = Activiteit(
            uitvoeringsplan=volgend,
            titel=oud.titel,
            omschrijving=oud.omschrijving,
            doelstelling=oud.doelstelling,
            beheer_thema=oud.beheer_thema,
            resultaat=oud.resultaat,
            resultaat_aantal=oud.resultaat_aantal,
            resultaat_eenheid=oud.resultaat_eenheid,
            trekker=oud.trekker,
            trekker_organisatie=oud.trekker_organisatie,
            partners=oud.partners,
            start=start,
            eind=eind,
            begroot=max(oud.begroot - oud.besteed, Decimal(0)),
            dekking=oud.dekking,
            status=ActiviteitStatus.GEPLAND,
            voortgezet_uit=oud,
        )
        bewaar(nieuw, door=door, reden=f"Voortgezet uit het uitvoeringsplan {jaar - 1}")
        aantal += 1
    return volgend, aantal
