"""The regional coordinator's writes on the region's shared parts (docs/regio.md, "Gedeelde
delen (regio)"): a part and its doelstellingen, publishing it to the members, and who is a
member.

Editing a part reaches nobody; `deel_publiceer` does. It locks the part's row, so of two
people publishing at once one makes the publication and the other is told nothing changed
since; the proposals it makes are unique per (plan, publication) and per open (plan, part)
in the database as well. A member's newest plan gets a proposal when it has not decided on
the part yet or took it; a plan that declined it gets nothing more.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ivp import berichten
from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Gemeente, Plan, Regio
from ivp.permissions import PLAN_REGISSEURS, heeft_rol, mag_regio_regisseren
from ivp.selectors import gebruikers_met_rol
from ivp.services import bewaar, verwijder
from ivp.versies import vereis_versie
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from regio.models import (
    Overname,
    Regiodeel,
    Regiodeelversie,
    Regiodoelstelling,
    Regiovoorstel,
)
from stappen.structuur import doelstellingen_tabel
from veiligheidsvelden.models import Thema, Veld

# The outbox kind of a proposal to a member's coordinator (registered in RegioConfig.ready()).
BERICHT_VOORSTEL = "regio_voorstel"
BERICHT_VOORSTEL_LABEL = "Voorstel van de regio (gedeeld deel)"


def vereis_regio_regie(regio: Regio | int, door: Gebruiker) -> None:
    """Refuse, in Dutch, anyone but a regional coordinator of `regio`."""
    regio_id = regio if isinstance(regio, int) else regio.pk
    if not mag_regio_regisseren(door, regio_id):
        raise GeenToegang("Alleen de regionaal coördinator van deze regio mag dit doen.")


# --- The text a member takes in -----------------------------------------------------------


def deel_tekst(deel: Regiodeel, doelstellingen: list[Regiodoelstelling] | None = None) -> str:
    """The part as members take it in (Markdown): for a bovenlokale priority its text
    (aanleiding and aanpak) and its doelstellingen as the IVP's table; otherwise its text.
    `doelstellingen`: already loaded ones (a page that shows several parts), else read."""
    tekst = deel.tekst.strip() or "*Nog niet beschreven.*"
    if deel.soort != DeelSoort.PRIORITEIT:
        return tekst + "\n"
    if doelstellingen is None:
        doelstellingen = list(deel.doelstellingen.all())
    return f"{tekst}\n\n### Doelstellingen\n\n{doelstellingen_tabel(doelstellingen, beleid=False)}"


# --- Parts ------------------------------------------------------------------------------------


def _controleer_deel(soort: str, titel: str, thema: Thema | None, veld: Veld | None) -> None:
    fouten: dict[str, str] = {}
    if not titel.strip():
        fouten["titel"] = "Geef het deel een titel."
    if soort == DeelSoort.PRIORITEIT:
        if thema is None:
            fouten["thema"] = "Kies het thema van de bovenlokale prioriteit."
        elif thema.gemeente_id is not None:
            fouten["thema"] = (
                "Kies een thema van de VNG-lijst: een eigen thema van één gemeente kunnen de "
                "andere gemeenten van de regio niet gebruiken."
            )
    if soort == DeelSoort.ANALYSE and veld is None:
        fouten["veld"] = "Kies het veiligheidsveld van de regionale analyse."
    if fouten:
        raise ValidationError(fouten)


def _controleer_uniek(deel: Regiodeel) -> None:
    andere = Regiodeel.objects.filter(regio_id=deel.regio_id, soort=deel.soort).exclude(pk=deel.pk)
    if deel.soort == DeelSoort.PRIORITEIT and andere.filter(thema=deel.thema).exists():
        raise ValidationError(
            {"thema": "Dit thema is in deze regio al een bovenlokale prioriteit."}
        )
    if deel.soort == DeelSoort.ANALYSE and andere.filter(veld=deel.veld).exists():
        raise ValidationError({"veld": "Dit veld heeft in deze regio al een regionale analyse."})


@transaction.atomic
def deel_create(
    *,
    regio: Regio,
    door: Gebruiker,
    soort: str,
    titel: str,
    tekst: str = "",
    thema: Thema | None = None,
    veld: Veld | None = None,
    volgorde: int = 0,
) -> Regiodeel:
    """A new shared part (not published: it reaches nobody yet)."""
    vereis_regio_regie(regio, door)
    if soort not in DeelSoort.values:
        raise ValidationError({"soort": "Kies wat voor deel dit is."})
    _controleer_deel(soort, titel, thema, veld)
    deel = Regiodeel(
        regio=regio,
        soort=soort,
        titel=titel.strip(),
        tekst=tekst,
        thema=thema if soort == DeelSoort.PRIORITEIT else None,
        veld=veld if soort == DeelSoort.ANALYSE else None,
        volgorde=volgorde,
        gewijzigd_door=door,
        gewijzigd_op=timezone.now(),
    )
    _controleer_uniek(deel)
    return bewaar(deel, door=door, reden="Aangemaakt")


@transaction.atomic
def deel_update(
    *,
    deel: Regiodeel,
    door: Gebruiker,
    titel: str,
    tekst: str,
    thema: Thema | None = None,
    veld: Veld | None = None,
    volgorde: int | None = None,
    versie: int | None = None,
) -> Regiodeel:
    """Change a part's text (it reaches the members only when published). Its thema or veld
    changes only while it was never published: the members' sections are tied to it."""
    vereis_regio_regie(deel.regio_id, door)
    vereis_versie(deel, versie)
    deel.refresh_from_db(fields=["revisie"])
    if deel.revisie:
        if deel.soort == DeelSoort.PRIORITEIT and thema is not None and thema != deel.thema:
            raise ValidationError(
                {"thema": "Het thema van een gepubliceerde prioriteit verandert niet meer."}
            )
        if deel.soort == DeelSoort.ANALYSE and veld is not None and veld != deel.veld:
            raise ValidationError(
                {"veld": "Het veld van een gepubliceerde analyse verandert niet meer."}
            )
    if deel.soort == DeelSoort.PRIORITEIT:
        thema = thema or deel.thema
        deel.thema = thema
    if deel.soort == DeelSoort.ANALYSE:
        veld = veld or deel.veld
        deel.veld = veld
    _controleer_deel(deel.soort, titel, deel.thema, deel.veld)
    deel.titel = titel.strip()
    deel.tekst = tekst
    if volgorde is not None:
        deel.volgorde = volgorde
    deel.gewijzigd_door = door
    deel.gewijzigd_op = timezone.now()
    _controleer_uniek(deel)
    return bewaar(deel, door=door)


@transaction.atomic
def deel_delete(*, deel: Regiodeel, door: Gebruiker) -> None:
    """Remove a part that was never published (a published one stays: members took it)."""
    vereis_regio_regie(deel.regio_id, door)
    vast = Regiodeel.objects.select_for_update().get(pk=deel.pk)
    if vast.revisie:
        raise Geweigerd(
            f"‘{vast.titel}’ is gepubliceerd (versie {vast.revisie}) en wordt niet meer "
            "verwijderd: de gemeenten van de regio hebben het voorgelegd gekregen."
        )
    verwijder(vast, door=door, reden="Verwijderd")


# --- Doelstellingen of a bovenlokale priority ---------------------------------------------

_DOELSTELLING_VELDEN = (
    "tekst",
    "indicator",
    "nulmeting",
    "nulmeting_jaar",
    "streefwaarde",
    "streefjaar",
    "bron",
)


def _doelstelling_velden(velden: dict[str, Any]) -> dict[str, Any]:
    onbekend = set(velden) - set(_DOELSTELLING_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    return velden


def _vereis_doelstellingtekst(tekst: str) -> None:
    if not tekst.strip():
        raise ValidationError({"tekst": "Beschrijf de doelstelling."})


@transaction.atomic
def regiodoelstelling_create(
    *, deel: Regiodeel, door: Gebruiker, tekst: str, **velden: Any
) -> Regiodoelstelling:
    vereis_regio_regie(deel.regio_id, door)
    if deel.soort != DeelSoort.PRIORITEIT:
        raise ValidationError({"tekst": "Alleen een bovenlokale prioriteit heeft doelstellingen."})
    _vereis_doelstellingtekst(tekst)
    doelstelling = Regiodoelstelling(deel=deel, tekst=tekst, **_doelstelling_velden(velden))
    return bewaar(doelstelling, door=door)


@transaction.atomic
def regiodoelstelling_update(
    *,
    doelstelling: Regiodoelstelling,
    door: Gebruiker,
    versie: int | None = None,
    **velden: Any,
) -> Regiodoelstelling:
    vereis_regio_regie(doelstelling.deel.regio_id, door)
    vereis_versie(doelstelling, versie)
    for naam, waarde in _doelstelling_velden(velden).items():
        setattr(doelstelling, naam, waarde)
    _vereis_doelstellingtekst(doelstelling.tekst)
    return bewaar(doelstelling, door=door)


@transaction.atomic
def regiodoelstelling_delete(*, doelstelling: Regiodoelstelling, door: Gebruiker) -> None:
    vereis_regio_regie(doelstelling.deel.regio_id, door)
    verwijder(doelstelling, door=door)


# --- Publishing -------------------------------------------------------------------------------


def voorstel_url(voorstel: Regiovoorstel) -> str:
    """The member's page of the proposal (`regio:voorstel`); the plan's page while that page
    does not exist."""
    try:
        return reverse(
            "regio:voorstel", kwargs={"plan_id": voorstel.plan_id, "voorstel_id": voorstel.pk}
        )
    except NoReverseMatch:
        return reverse("stappen:plan", kwargs={"plan_id": voorstel.plan_id})


def nieuwste_plannen(gemeenten: list[int] | QuerySet[Gemeente]) -> list[Plan]:
    """Each gemeente's newest plan (latest `periode_start`), in one query."""
    plannen: dict[int, Plan] = {}
    for plan in (
        Plan.objects.filter(gemeente__in=gemeenten)
        .select_related("gemeente")
        .order_by("gemeente_id", "-periode_start", "-pk")
    ):
        plannen.setdefault(plan.gemeente_id, plan)
    return list(plannen.values())


def _bied_aan(versie: Regiodeelversie, plan: Plan, door: Gebruiker) -> Regiovoorstel | None:
    """Offer `versie` to `plan` as the flow says; None when the plan gets nothing (it declined
    the part, or it decided on this publication already)."""
    deel = versie.deel
    overname = Overname.objects.filter(deel=deel, plan=plan).first()
    if overname is not None and overname.keuze == OvernameKeuze.NIET_OVERGENOMEN:
        return None
    if overname is not None and overname.versie_id == versie.pk:
        return None
    eerder = Regiovoorstel.objects.filter(plan=plan, naar=versie).first()
    if eerder is not None:
        if eerder.status != VoorstelStatus.VERVALLEN:
            return None  # offered and decided (or still open) already: exactly once
        # A gemeente that left and came back: the lapsed proposal is open again.
        Regiovoorstel.objects.filter(plan=plan, deel=deel, status=VoorstelStatus.OPEN).exclude(
            pk=eerder.pk
        ).update(status=VoorstelStatus.VERVALLEN)
        eerder.status = VoorstelStatus.OPEN
        return bewaar(eerder, door=door, reden="Opnieuw voorgelegd", velden=["status"])
    open_voorstel = (
        Regiovoorstel.objects.select_for_update()
        .filter(plan=plan, deel=deel, status=VoorstelStatus.OPEN)
        .first()
    )
    if open_voorstel is not None:
        # The member sees one proposal: from its copy to the newest publication.
        open_voorstel.naar = versie
        return bewaar(
            open_voorstel, door=door, reden=f"Versie {versie.nummer} gepubliceerd", velden=["naar"]
        )
    voorstel = Regiovoorstel(deel=deel, plan=plan, naar=versie)
    return bewaar(voorstel, door=door, reden=f"Versie {versie.nummer} voorgelegd")


def _meld_voorstel(voorstel: Regiovoorstel) -> None:
    """Each coordinator OOV of the member gets one mail per publication that reached it."""
    versie = voorstel.naar
    deel = versie.deel
    eerste = not Overname.objects.filter(deel=deel, plan=voorstel.plan).exists()
    soort = "een gedeeld deel om over te nemen" if eerste else "een wijziging van een gedeeld deel"
    for ontvanger in gebruikers_met_rol(voorstel.plan.gemeente_id, RolSoort.COORDINATOR):
        berichten.bericht_maak(
            soort=BERICHT_VOORSTEL,
            onderwerp=f"regio.regiovoorstel:{voorstel.pk}",
            moment=f"versie-{versie.nummer}",
            ontvanger=ontvanger,
            titel=f"{deel.regio} legt {soort} voor: {deel.titel}",
            tekst=(
                f"{deel.regio} heeft ‘{deel.titel}’ gepubliceerd (versie {versie.nummer}). "
                f"Beslis in {voorstel.plan.titel} of u het overneemt.\n\n"
                + (f"Toelichting: {versie.toelichting}\n" if versie.toelichting else "")
            ),
            url=voorstel_url(voorstel),
            gemeente=voorstel.plan.gemeente_id,
        )


@transaction.atomic
def deel_publiceer(
    *,
    deel: Regiodeel,
    door: Gebruiker,
    driehoek_op: dt.date | None,
    driehoek_kenmerk: str = "",
    toelichting: str = "",
    versie: int | None = None,
) -> Regiodeelversie:
    """Publish the part as the interlokale driehoek agreed it: a new `Regiodeelversie`
    (nummer = revisie + 1) offered to each member's newest plan, its coordinators told.
    Refused when nothing changed since the last publication."""
    vereis_regio_regie(deel.regio_id, door)
    # The lock: a second publisher waits here and then sees this publication.
    vast = Regiodeel.objects.select_for_update().select_related("regio").get(pk=deel.pk)
    tekst = deel_tekst(vast)
    laatste = (
        Regiodeelversie.objects.filter(deel=vast, nummer=vast.revisie).first()
        if vast.revisie
        else None
    )
    if laatste is not None and laatste.tekst == tekst and laatste.titel == vast.titel:
        raise Geweigerd(
            f"Er is niets veranderd sinds versie {laatste.nummer}; er is niets te publiceren."
        )
    vereis_versie(vast, versie)
    if not vast.tekst.strip():
        raise ValidationError({"tekst": "Schrijf eerst de tekst van dit deel."})
    if driehoek_op is None:
        raise ValidationError(
            {"driehoek_op": "Vul de datum in waarop de interlokale driehoek dit deel besprak."}
        )
    if driehoek_op > timezone.localdate():
        raise ValidationError(
            {
                "driehoek_op": "Deze datum ligt in de toekomst; publiceer het deel nadat de "
                "interlokale driehoek het besprak."
            }
        )
    publicatie = Regiodeelversie(
        deel=vast,
        nummer=vast.revisie + 1,
        titel=vast.titel,
        tekst=tekst,
        toelichting=toelichting.strip(),
        driehoek_op=driehoek_op,
        driehoek_kenmerk=driehoek_kenmerk.strip(),
        gemaakt_door=door,
    )
    publicatie.full_clean()
    publicatie.save()
    # Not through bewaar(): publishing is no edit, so an edit form opened before it stays
    # valid (its `versie` is unchanged); the publication itself is the record.
    Regiodeel.objects.filter(pk=vast.pk).update(revisie=publicatie.nummer)
    deel.revisie = publicatie.nummer
    leden = vast.regio.gemeenten.values_list("pk", flat=True)
    for plan in nieuwste_plannen(list(leden)):
        voorstel = _bied_aan(publicatie, plan, door)
        if voorstel is not None:
            _meld_voorstel(voorstel)
    return publicatie


# --- Membership -------------------------------------------------------------------------------


@transaction.atomic
def regio_lid_toevoegen(*, regio: Regio, gemeente: Gemeente, door: Gebruiker) -> None:
    """Add a gemeente to the region; its newest plan gets every published part offered."""
    vereis_regio_regie(regio, door)
    Regio.objects.select_for_update().filter(pk=regio.pk).first()
    if regio.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError({"gemeente": f"{gemeente} is al lid van {regio}."})
    regio.gemeenten.add(gemeente)
    plannen = nieuwste_plannen([gemeente.pk])
    if not plannen:
        return
    for vast in Regiodeel.objects.filter(regio=regio, revisie__gt=0):
        publicatie = Regiodeelversie.objects.get(deel=vast, nummer=vast.revisie)
        voorstel = _bied_aan(publicatie, plannen[0], door)
        if voorstel is not None:
            _meld_voorstel(voorstel)


@transaction.atomic
def regio_verlaat(*, regio: Regio, gemeente: Gemeente, door: Gebruiker) -> int:
    """The gemeente leaves the region (its own coordinator OOV or the regional coordinator):
    its open proposals lapse; its decisions, copies and documents stay as they are. Returns
    the number of proposals that lapsed."""
    if not (mag_regio_regisseren(door, regio.pk) or heeft_rol(door, gemeente.pk, PLAN_REGISSEURS)):
        raise GeenToegang(
            f"Alleen de coördinator OOV van {gemeente} of de regionaal coördinator mag "
            "de gemeente uit de regio halen."
        )
    Regio.objects.select_for_update().filter(pk=regio.pk).first()
    if not regio.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError({"gemeente": f"{gemeente} is geen lid van {regio}."})
    regio.gemeenten.remove(gemeente)
    vervallen = 0
    for voorstel in Regiovoorstel.objects.select_for_update().filter(
        plan__gemeente=gemeente, deel__regio=regio, status=VoorstelStatus.OPEN
    ):
        voorstel.status = VoorstelStatus.VERVALLEN
        bewaar(voorstel, door=door, reden=f"{gemeente} verliet {regio}", velden=["status"])
        vervallen += 1
    return vervallen
