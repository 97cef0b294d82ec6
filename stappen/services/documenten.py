"""Every write of the documents: chapters, versions, review rounds, comments, notifications.

The same pattern as `stappen.services`: check the permission and the state, validate, save
inside a transaction; a refusal raises `Geweigerd` with Dutch reasons, wrong input a
`ValidationError` keyed by form field. Mail is sent after the commit
(`transaction.on_commit`), so a rolled-back action never mails anyone.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ivp import versies
from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from ivp.selectors import gebruikers_met_rol
from ivp.services import bewaar
from stappen.constants import (
    STANDAARD_HOOFDSTUKKEN,
    UITKOMSTEN_MET_REDEN,
    DocumentStatus,
    OpmerkingUitkomst,
)
from stappen.models import (
    MAX_CITAAT_TEKENS,
    MAX_HOOFDSTUK_TEKENS,
    MAX_OPMERKING_TEKENS,
    Bespreking,
    Document,
    Hoofdstuk,
    Opmerking,
    Versie,
)
from stappen.rechten import mag_hoofdstuk_schrijven, mag_reageren, mag_regisseren
from stappen.secties import bouw_secties
from stappen.services.meldingen import melding_maak, nu_moment


class Bewerkconflict(versies.Bewerkconflict):
    """Someone saved the chapter after the editor opened it; `huidig` is the chapter now.
    The chapter's own case of the one lost-update mechanism (ivp/versies.py)."""

    huidig: Hoofdstuk

    def __init__(self, huidig: Hoofdstuk) -> None:
        door = huidig.gewijzigd_door
        wie = door.get_full_name() or door.get_username() if door else "Iemand anders"
        super().__init__(
            huidig,
            f"{wie} heeft dit hoofdstuk opgeslagen nadat u het opende. Uw tekst is niet "
            "opgeslagen en staat nog in het invoerveld; hiernaast ziet u de tekst zoals die nu "
            "is opgeslagen. Neem over wat u wilt houden en sla daarna opnieuw op.",
        )


def _url(naam: str, **kwargs: object) -> str:
    return reverse(f"stappen:{naam}", kwargs=kwargs)


def _vereis_concept(document: Document) -> None:
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; de inhoud ervan verandert niet meer.")
    if document.status != DocumentStatus.CONCEPT:
        raise Geweigerd(
            f"{document.titel} is {document.get_status_display().lower()}; wijzig de tekst als "
            "het document weer concept is."
        )


def _document_nu(document_id: int) -> Document:
    """The document as it is in the database now, locked until the transaction ends: a
    caller's copy may predate an adoption, and a comment must never land on an adopted text."""
    return (
        Document.objects.select_for_update(of=("self",)).select_related("plan").get(pk=document_id)
    )


# --- chapters ---------------------------------------------------------------------------


def hoofdstukken_create(document: Document) -> list[Hoofdstuk]:
    """The standard chapters of the document's type (empty); existing ones are kept."""
    bestaand = set(document.hoofdstukken.values_list("sleutel", flat=True))
    nieuw = []
    for volgorde, (sleutel, titel) in enumerate(STANDAARD_HOOFDSTUKKEN.get(document.soort, []), 1):
        if sleutel not in bestaand:
            hoofdstuk = Hoofdstuk(
                document=document, sleutel=sleutel, titel=titel, volgorde=volgorde
            )
            hoofdstuk.full_clean()
            hoofdstuk.save()
            nieuw.append(hoofdstuk)
    return nieuw


@transaction.atomic
def hoofdstuk_save(*, hoofdstuk: Hoofdstuk, door: Gebruiker, tekst: str, versie: int) -> Hoofdstuk:
    """Save a chapter's text; `versie` is the chapter's version the editor started from.

    The row is locked, and when its version moved on since, the save is refused with a
    `Bewerkconflict` that carries the text as it is now: nothing is silently overwritten."""
    huidig = (
        Hoofdstuk.objects.select_for_update(of=("self",))
        .select_related("document__plan", "gewijzigd_door")
        .get(pk=hoofdstuk.pk)
    )
    document = huidig.document
    if not mag_hoofdstuk_schrijven(door, huidig, document):
        raise GeenToegang(
            "Alleen de coördinator of het werkgroeplid aan wie dit hoofdstuk is overgedragen "
            "mag het bewerken."
        )
    _vereis_concept(document)
    if len(tekst) > MAX_HOOFDSTUK_TEKENS:
        raise ValidationError(
            {
                "tekst": f"De tekst is {len(tekst)} tekens lang; een hoofdstuk mag hoogstens "
                f"{MAX_HOOFDSTUK_TEKENS} tekens zijn. Splits het hoofdstuk of kort het in."
            }
        )
    if huidig.versie != versie:
        raise Bewerkconflict(huidig)
    huidig.tekst = tekst
    huidig.versie += 1
    huidig.gewijzigd_door = door
    huidig.gewijzigd_op = timezone.now()
    bewaar(huidig, door=door)
    return huidig


@transaction.atomic
def hoofdstuk_set_auteur(
    *, hoofdstuk: Hoofdstuk, door: Gebruiker, auteur: Gebruiker | None
) -> Hoofdstuk:
    """Hand a chapter to a werkgroeplid (co-writing), or take it back (`auteur=None`)."""
    document = hoofdstuk.document
    vereis_regie(document.plan, door)
    _vereis_concept(document)
    if (
        auteur is not None
        and not auteur.rollen.filter(
            gemeente_id=document.plan.gemeente_id, soort=RolSoort.WERKGROEPLID
        ).exists()
    ):
        raise ValidationError({"auteur": "Kies een lid van de werkgroep van deze gemeente."})
    hoofdstuk.auteur = auteur
    bewaar(hoofdstuk, door=door, valideer=False, velden=["auteur"])
    if auteur is not None:
        melding_maak(
            [auteur],
            f"U schrijft mee aan ‘{hoofdstuk.titel}’ van {document.titel}.",
            _url("hoofdstuk_bewerken", document_id=document.pk, sleutel=hoofdstuk.sleutel),
            soort="hoofdstuk_auteur",
            onderwerp=hoofdstuk,
            moment=nu_moment(),
            gemeente=document.plan.gemeente_id,
        )
    return hoofdstuk


# --- versions ---------------------------------------------------------------------------


def versie_maak(
    *,
    document: Document,
    door: Gebruiker,
    aanleiding: str,
    hoofdversie: bool = False,
    motivatie: str = "",
) -> Versie:
    """Freeze the document's sections as the next version: 0.1, 0.2 …; a hoofdversie
    (vastgesteld) is the next whole number, 1.0. Call inside the caller's transaction."""
    laatste = document.versies.order_by("-hoofd", "-sub").first()
    if hoofdversie:
        hoofd, sub = (laatste.hoofd + 1 if laatste else 1), 0
    else:
        hoofd, sub = (laatste.hoofd, laatste.sub + 1) if laatste else (0, 1)
    versie = Versie(
        document=document,
        hoofd=hoofd,
        sub=sub,
        inhoud=bouw_secties(document),
        aanleiding=aanleiding,
        motivatie=motivatie,
        gemaakt_door=door,
    )
    versie.full_clean()
    versie.save()
    return versie


@transaction.atomic
def versie_create(*, document: Document, door: Gebruiker, aanleiding: str = "") -> Versie:
    """A version on demand, for example before sending a draft to a partner."""
    vereis_regie(document.plan, door)
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; er komt geen nieuwe versie meer bij.")
    try:
        with transaction.atomic():
            return versie_maak(
                document=document,
                door=door,
                aanleiding=aanleiding.strip() or "Tussentijdse versie",
            )
    except IntegrityError as error:  # someone made a version at the same moment
        raise Geweigerd(
            "Iemand anders maakte zojuist ook een versie; bekijk de lijst met versies."
        ) from error


# --- review rounds ----------------------------------------------------------------------


def bespreking_start(
    *, document: Document, door: Gebruiker, versie: Versie, sluit_op: dt.date, bericht: str
) -> Bespreking:
    """Record the round and notify the werkgroep; called by `document_open_review`."""
    bespreking = Bespreking(
        document=document, versie=versie, sluit_op=sluit_op, bericht=bericht, geopend_door=door
    )
    bewaar(bespreking, door=door)
    leden = gebruikers_met_rol(document.plan.gemeente_id, RolSoort.WERKGROEPLID)
    tekst = (
        f"Versie {versie.nummer} van {document.titel} ligt ter bespreking; reageren kan tot "
        f"en met {sluit_op:%d-%m-%Y}."
    )
    melding_maak(
        leden,
        tekst,
        _url("document", document_id=document.pk),
        extra=bericht,
        soort="bespreking",
        onderwerp=bespreking,
        gemeente=document.plan.gemeente_id,
    )
    return bespreking


def bespreking_stop(*, document: Document) -> None:
    """Close the open round; called by `document_close_review`."""
    open_ronde = document.besprekingen.filter(gesloten_op__isnull=True).first()
    if open_ronde is not None:
        open_ronde.gesloten_op = timezone.now()
        open_ronde.save(update_fields=["gesloten_op"])


# --- comments ---------------------------------------------------------------------------

_NOEMING = re.compile(r"(?<![\w.])@([\w][\w.+-]*)")


def genoemde_namen(tekst: str) -> list[str]:
    """The user names mentioned as `@naam` in `tekst` (a final full stop is not part of it)."""
    return [naam.rstrip(".-") for naam in _NOEMING.findall(tekst)]


def _vereis_tekst(tekst: str, veld: str = "tekst") -> str:
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError({veld: "Schrijf uw opmerking."})
    if len(tekst) > MAX_OPMERKING_TEKENS:
        raise ValidationError(
            {
                veld: f"Uw opmerking is {len(tekst)} tekens lang; de grens is "
                f"{MAX_OPMERKING_TEKENS} tekens."
            }
        )
    return tekst


def _noem(opmerking: Opmerking, document: Document, door: Gebruiker) -> None:
    namen = {n.lower() for n in genoemde_namen(opmerking.tekst)}
    if not namen:
        return
    genoemd = [
        g
        for g in Gebruiker.objects.filter(
            rollen__gemeente_id=document.plan.gemeente_id,
            rollen__soort__in=[RolSoort.COORDINATOR, RolSoort.WERKGROEPLID, RolSoort.BESTUURDER],
        ).distinct()
        if g.get_username().lower() in namen and g.pk != door.pk
    ]
    if genoemd:
        opmerking.genoemd.add(*genoemd)
        naam = door.get_full_name() or door.get_username()
        melding_maak(
            genoemd,
            f"{naam} noemt u in een opmerking bij {document.titel}.",
            _url("opmerking", opmerking_id=opmerking.antwoord_op_id or opmerking.pk),
            extra=opmerking.tekst,
            soort="noeming",
            onderwerp=opmerking,
            gemeente=document.plan.gemeente_id,
        )


@transaction.atomic
def opmerking_create(
    *, versie: Versie, door: Gebruiker, sectie: str, tekst: str, citaat: str = ""
) -> Opmerking:
    """A comment on one section of a version, optionally on a quoted passage."""
    document = _document_nu(versie.document_id)
    if not mag_reageren(door, document):
        raise GeenToegang("Alleen de coördinator en de werkgroep reageren op een document.")
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; er kunnen geen opmerkingen meer bij.")
    sectie_inhoud = versie.sectie(sectie)
    if sectie_inhoud is None:
        raise ValidationError({"sectie": "Dit hoofdstuk staat niet in deze versie."})
    citaat = citaat.strip()
    if len(citaat) > MAX_CITAAT_TEKENS:
        raise ValidationError(
            {"citaat": f"Citeer hoogstens {MAX_CITAAT_TEKENS} tekens uit de tekst."}
        )
    if citaat and " ".join(citaat.split()) not in " ".join(sectie_inhoud["tekst"].split()):
        raise ValidationError(
            {"citaat": "Deze passage staat niet letterlijk in dit hoofdstuk van deze versie."}
        )
    opmerking = Opmerking(
        versie=versie, sectie=sectie, citaat=citaat, tekst=_vereis_tekst(tekst), auteur=door
    )
    bewaar(opmerking, door=door)
    _noem(opmerking, document, door)
    return opmerking


@transaction.atomic
def opmerking_reply(*, opmerking: Opmerking, door: Gebruiker, tekst: str) -> Opmerking:
    """Answer a thread; the thread's author hears of it."""
    draad = opmerking.antwoord_op or opmerking
    document = _document_nu(draad.versie.document_id)
    if not mag_reageren(door, document):
        raise GeenToegang("Alleen de coördinator en de werkgroep reageren op een document.")
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; er kunnen geen reacties meer bij.")
    antwoord = Opmerking(
        versie=draad.versie,
        sectie=draad.sectie,
        tekst=_vereis_tekst(tekst),
        auteur=door,
        antwoord_op=draad,
    )
    bewaar(antwoord, door=door)
    _noem(antwoord, document, door)
    if draad.auteur_id != door.pk:
        naam = door.get_full_name() or door.get_username()
        melding_maak(
            [draad.auteur],
            f"{naam} heeft gereageerd op uw opmerking bij {document.titel}.",
            _url("opmerking", opmerking_id=draad.pk),
            soort="reactie",
            onderwerp=antwoord,
            gemeente=document.plan.gemeente_id,
        )
    return antwoord


def _vereis_draad(opmerking: Opmerking) -> None:
    if opmerking.antwoord_op_id is not None:
        raise Geweigerd("Dit is een reactie; los de opmerking op waar de draad mee begint.")


def _vereis_oplosser(opmerking: Opmerking, door: Gebruiker) -> Document:
    document = _document_nu(opmerking.versie.document_id)
    if not (mag_regisseren(door, document) or opmerking.auteur_id == door.pk):
        raise GeenToegang("Alleen de coördinator of wie de opmerking plaatste, lost haar op.")
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; de opmerkingen liggen vast.")
    return document


@transaction.atomic
def opmerking_resolve(*, opmerking: Opmerking, door: Gebruiker) -> Opmerking:
    _vereis_draad(opmerking)
    _vereis_oplosser(opmerking, door)
    if opmerking.is_opgelost:
        raise Geweigerd("Deze opmerking is al opgelost.")
    opmerking.opgelost_op = timezone.now()
    opmerking.opgelost_door = door
    bewaar(opmerking, door=door, valideer=False, velden=["opgelost_op", "opgelost_door"])
    return opmerking


@transaction.atomic
def opmerking_reopen(*, opmerking: Opmerking, door: Gebruiker) -> Opmerking:
    _vereis_draad(opmerking)
    _vereis_oplosser(opmerking, door)
    if not opmerking.is_opgelost:
        raise Geweigerd("Deze opmerking is niet opgelost.")
    opmerking.opgelost_op = None
    opmerking.opgelost_door = None
    bewaar(opmerking, door=door, valideer=False, velden=["opgelost_op", "opgelost_door"])
    return opmerking


@transaction.atomic
def opmerking_set_uitkomst(
    *, opmerking: Opmerking, door: Gebruiker, uitkomst: str, reden: str = ""
) -> Opmerking:
    """How the coordinator processed a comment: verwerkt, deels or niet (with a reason)."""
    _vereis_draad(opmerking)
    document = opmerking.versie.document
    if not mag_regisseren(door, document):
        raise GeenToegang("Alleen de coördinator legt vast wat met een opmerking is gedaan.")
    if document.is_vastgesteld:
        raise Geweigerd(f"{document.titel} is vastgesteld; de reactienota ligt vast.")
    if uitkomst not in OpmerkingUitkomst.values:
        raise ValidationError({"uitkomst": "Kies wat er met de opmerking is gedaan."})
    reden = reden.strip()
    if uitkomst in UITKOMSTEN_MET_REDEN and not reden:
        raise ValidationError({"reden": "Leg uit waarom de opmerking niet (helemaal) is verwerkt."})
    opmerking.uitkomst = uitkomst
    opmerking.uitkomst_reden = reden
    bewaar(opmerking, door=door, velden=["uitkomst", "uitkomst_reden"])
    return opmerking
