"""The two state machines: step and document transitions, and the decisions of college and
raad that close them.

Each transition checks the permission, the state and the method's guards once (the guards
read the plan's state loaded by `stappen.selectors.laad_stand`), saves inside a transaction
and logs the transition (`Overgang`) with who, when, from, to and why. A refused action raises
`Geweigerd` with Dutch reasons; wrong input raises `ValidationError` keyed by field.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition

from ivp.exceptions import GELIJKTIJDIG_GEWIJZIGD, Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from stappen import guards
from stappen.constants import (
    BESLUITORGAAN,
    INFORMATIEVORMEN,
    JAARLIJKSE_SOORTEN,
    TERUGSTURENDE_UITKOMSTEN,
    VASTSTELLENDE_UITKOMSTEN,
    BesluitUitkomst,
    BesluitVorm,
    DocumentSoort,
    DocumentStatus,
    Orgaan,
    StapStatus,
)
from stappen.models import (
    Besluit,
    Document,
    Overgang,
    Stap,
)
from stappen.selectors.proces import laad_stand
from stappen.selectors.vaststelling import open_punten
from stappen.services.documenten import (
    bespreking_start,
    bespreking_stop,
    versie_maak,
)


def _bewaar_overgang(
    obj: Stap | Document,
    *,
    van: str,
    transitie: str,
    door: Gebruiker,
    toelichting: str,
    betreft: dt.date | None = None,
) -> None:
    """Save the transition and log it: recorded now, concerning the day `betreft`."""
    try:
        # The transition changed only the protected state (and its dates): nothing to validate.
        bewaar(obj, door=door, reden=toelichting or transitie, valideer=False)
    except ConcurrentTransition as error:
        raise Geweigerd(GELIJKTIJDIG_GEWIJZIGD) from error
    Overgang.objects.create(
        stap=obj if isinstance(obj, Stap) else None,
        document=obj if isinstance(obj, Document) else None,
        transitie=transitie,
        van=van,
        naar=obj.status,
        door=door,
        toelichting=toelichting,
        betreft=betreft or timezone.localdate(),
    )


def _vereis_status(obj: Stap | Document, *toegestaan: str) -> None:
    if obj.status not in toegestaan:
        raise Geweigerd(
            f"Dit kan niet nu {'de stap' if isinstance(obj, Stap) else 'het document'} de "
            f"status ‘{obj.get_status_display().lower()}’ heeft."
        )


def _vandaag_of(op: dt.date | None) -> dt.date:
    """The date a step really started or ended: today unless recorded afterwards."""
    vandaag = timezone.localdate()
    if op is None:
        return vandaag
    if op > vandaag:
        raise ValidationError({"op": "Deze datum ligt in de toekomst."})
    return op


@transaction.atomic
def stap_start(
    *, stap: Stap, door: Gebruiker, toelichting: str = "", op: dt.date | None = None
) -> Stap:
    vereis_regie(stap.plan, door)
    _vereis_status(stap, StapStatus.GEPLAND)
    if blokkades := guards.startblokkades(laad_stand(stap.plan), stap):
        raise Geweigerd(*blokkades)
    van = stap.status
    begin = _vandaag_of(op)
    stap.start(op=begin)
    _bewaar_overgang(
        stap, van=van, transitie="start", door=door, toelichting=toelichting, betreft=begin
    )
    return stap


@transaction.atomic
def stap_close(
    *, stap: Stap, door: Gebruiker, toelichting: str = "", op: dt.date | None = None
) -> Stap:
    """Close a step. A step that a decision closes closes on the decision's date (step 5: the
    day the raad was informed, if later); a step no decision closes (6) today, unless `op`."""
    vereis_regie(stap.plan, door)
    _vereis_status(stap, StapStatus.ACTIEF)
    stand = laad_stand(stap.plan)
    if blokkades := guards.sluitblokkades(stand, stap):
        raise Geweigerd(*blokkades)
    besloten = guards.sluitdatum(stand, stap)
    if besloten and stap.werkelijk_start:
        # A decision recorded as taken before the step was started in the app: the step
        # cannot end before it began, so it ends on its first day.
        besloten = max(besloten, stap.werkelijk_start)
    eind = _vandaag_of(op or besloten)
    if stap.werkelijk_start and eind < stap.werkelijk_start:
        raise ValidationError({"op": "Een stap kan niet eindigen voordat hij begon."})
    if besloten and eind < besloten:
        raise ValidationError(
            {
                "op": f"Het besluit dat deze stap afrondt is van {besloten:%d-%m-%Y}; de stap "
                "kan niet eerder eindigen."
            }
        )
    van = stap.status
    stap.sluit(op=eind)
    _bewaar_overgang(
        stap, van=van, transitie="afronden", door=door, toelichting=toelichting, betreft=eind
    )
    return stap


@transaction.atomic
def stap_reopen(*, stap: Stap, door: Gebruiker, reden: str) -> Stap:
    vereis_regie(stap.plan, door)
    _vereis_status(stap, StapStatus.AFGEROND)
    if not reden.strip():
        raise ValidationError({"toelichting": "Geef de reden waarom deze stap weer open gaat."})
    van = stap.status
    stap.heropen()
    _bewaar_overgang(stap, van=van, transitie="heropenen", door=door, toelichting=reden)
    return stap


@transaction.atomic
def document_open_review(
    *,
    document: Document,
    door: Gebruiker,
    sluit_op: dt.date,
    toelichting: str = "",
    bericht: str = "",
) -> Document:
    """Open a review round of the werkgroep that closes at the end of `sluit_op`: the
    document's content is frozen as the next version, the werkgroep is notified (in the app
    and by e-mail, with `bericht`) and comments on that version."""
    vereis_regie(document.plan, door)
    _vereis_status(document, DocumentStatus.CONCEPT)
    if sluit_op <= timezone.localdate():
        raise ValidationError({"sluit_op": "De reactietermijn moet na vandaag eindigen."})
    van = document.status
    document.open_bespreking(sluit_op=sluit_op)
    _bewaar_overgang(
        document, van=van, transitie="bespreking_openen", door=door, toelichting=toelichting
    )
    versie = versie_maak(document=document, door=door, aanleiding="Bespreking in de werkgroep")
    bespreking_start(
        document=document, door=door, versie=versie, sluit_op=sluit_op, bericht=bericht.strip()
    )
    return document


@transaction.atomic
def document_close_review(
    *, document: Document, door: Gebruiker, toelichting: str = "", bevestigd: bool = False
) -> Document:
    """Close the review round; before its closing date only when the coordinator confirms
    that the werkgroep gets less time than it was told."""
    vereis_regie(document.plan, door)
    _vereis_status(document, DocumentStatus.IN_BESPREKING)
    sluit_op = document.bespreking_sluit_op
    if sluit_op and timezone.localdate() <= sluit_op and not bevestigd:
        raise ValidationError(
            {
                "bevestigd": f"De reactietermijn loopt tot en met {sluit_op:%d-%m-%Y}. "
                "Bevestig dat u de bespreking eerder sluit."
            }
        )
    van = document.status
    document.sluit_bespreking()
    _bewaar_overgang(
        document, van=van, transitie="bespreking_sluiten", door=door, toelichting=toelichting
    )
    bespreking_stop(document=document)
    return document


@transaction.atomic
def document_submit(
    *,
    document: Document,
    door: Gebruiker,
    toelichting: str = "",
    op: dt.date | None = None,
    motivatie: str = "",
) -> Document:
    """Send the document to the body that decides it (college, raad or werkgroep), today or
    on the day `op` it was sent (recorded afterwards). With points still open (empty
    chapters, unprocessed comments, members who never responded) only with a motivation,
    kept with the version (pas toe of leg uit)."""
    vereis_regie(document.plan, door)
    _vereis_status(document, DocumentStatus.CONCEPT)
    if open_punten(document) and not motivatie.strip():
        raise ValidationError(
            {
                "motivatie": "Er staan nog punten open. Leg uit waarom het document toch "
                "ter besluitvorming gaat (pas toe of leg uit)."
            }
        )
    van = document.status
    aangeboden = _vandaag_of(op)
    document.bied_aan()
    _bewaar_overgang(
        document,
        van=van,
        transitie="aanbieden",
        door=door,
        toelichting=toelichting,
        betreft=aangeboden,
    )
    orgaan = Orgaan(BESLUITORGAAN[DocumentSoort(document.soort)]).label.lower()
    versie_maak(
        document=document,
        door=door,
        aanleiding=f"Ter besluitvorming aan {orgaan}",
        motivatie=motivatie.strip(),
    )
    return document


@transaction.atomic
def besluit_record(
    *,
    document: Document,
    door: Gebruiker,
    orgaan: str,
    datum: dt.date,
    uitkomst: str,
    kenmerk: str = "",
    toelichting: str = "",
) -> Besluit:
    """Record a decision on a document and move the document accordingly.

    Vastgesteld freezes the document; aangehouden or verworpen send it back to concept with
    the reason. The raad takes note of an adopted uitvoeringsplan or voortgangsrapportage
    (`kennisgenomen`) without changing it.
    """
    vereis_regie(document.plan, door)
    besluit = Besluit(
        document=document,
        orgaan=orgaan,
        datum=datum,
        uitkomst=uitkomst,
        kenmerk=kenmerk.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )
    besluit.full_clean()
    _vereis_besluitdatum(datum)

    if uitkomst == BesluitUitkomst.KENNISGENOMEN:
        return raad_informeer(
            document=document,
            door=door,
            vorm=BesluitVorm.RAADSINFORMATIEBRIEF,
            datum=datum,
            kenmerk=kenmerk,
            toelichting=toelichting,
        )

    juist = BESLUITORGAAN[DocumentSoort(document.soort)]
    if orgaan != juist:
        raise ValidationError(
            {"orgaan": f"Over dit document besluit: {Orgaan(juist).label.lower()}."}
        )
    _vereis_status(document, DocumentStatus.TER_BESLUITVORMING)
    aangeboden = _aangeboden_op(document)
    if aangeboden and datum < aangeboden:
        raise ValidationError(
            {
                "datum": f"Het document is op {aangeboden:%d-%m-%Y} ter besluitvorming "
                "aangeboden; het besluit kan niet van eerder zijn."
            }
        )
    van = document.status
    if uitkomst in VASTSTELLENDE_UITKOMSTEN:
        if document.soort == DocumentSoort.UITVOERINGSPLAN:
            _vereis_ivp_vastgesteld_voor(document, datum)
        bewaar(besluit, door=door, valideer=False)  # validated above
        document.stel_vast()
        transitie = "vaststellen"
    elif uitkomst in TERUGSTURENDE_UITKOMSTEN:
        if not besluit.toelichting:
            raise ValidationError(
                {"toelichting": "Geef de reden waarom het document terug naar concept gaat."}
            )
        bewaar(besluit, door=door, valideer=False)  # validated above
        document.stuur_terug()
        transitie = "terugsturen"
    else:  # pragma: no cover - every outcome is handled above
        raise ValidationError({"uitkomst": "Onbekende uitkomst."})
    _bewaar_overgang(
        document,
        van=van,
        transitie=transitie,
        door=door,
        toelichting=besluit.toelichting,
        betreft=besluit.datum,
    )
    if transitie == "vaststellen":
        versie_maak(
            document=document,
            door=door,
            aanleiding=f"{besluit.get_uitkomst_display()} door {besluit.get_orgaan_display()}"
            f" op {besluit.datum:%d-%m-%Y}" + (f" ({besluit.kenmerk})" if besluit.kenmerk else ""),
            hoofdversie=True,
        )
    return besluit


def _vereis_besluitdatum(datum: dt.date) -> None:
    if datum > timezone.localdate():
        raise ValidationError(
            {"datum": "Deze datum ligt in de toekomst; leg een besluit vast nadat het is genomen."}
        )


def _aangeboden_op(document: Document) -> dt.date | None:
    """The day the document was last offered ter besluitvorming."""
    overgang = (
        Overgang.objects.filter(document=document, transitie="aanbieden")
        .order_by("-op", "-pk")
        .first()
    )
    if overgang is None:
        return None
    return overgang.betreft or timezone.localdate(overgang.op)


@transaction.atomic
def raad_informeer(
    *,
    document: Document,
    door: Gebruiker,
    vorm: str,
    datum: dt.date,
    kenmerk: str = "",
    toelichting: str = "",
) -> Besluit:
    """Record that the raad was informed of a document the college adopted (uitvoeringsplan,
    voortgangsrapportage): by raadsinformatiebrief or as an agendapunt ter kennisname. The
    document does not change; the step-5 and step-6 guards read this record."""
    vereis_regie(document.plan, door)
    if document.soort not in JAARLIJKSE_SOORTEN:
        raise Geweigerd(
            "De raad wordt ter informatie geïnformeerd over een uitvoeringsplan of een "
            "voortgangsrapportage; over dit document besluit de raad zelf."
        )
    if vorm not in INFORMATIEVORMEN:
        raise ValidationError({"vorm": "Kies een raadsinformatiebrief of een agendapunt."})
    _vereis_status(document, DocumentStatus.VASTGESTELD)
    besluit = Besluit(
        document=document,
        orgaan=Orgaan.RAAD,
        vorm=vorm,
        datum=datum,
        uitkomst=BesluitUitkomst.KENNISGENOMEN,
        kenmerk=kenmerk.strip(),
        toelichting=toelichting.strip(),
        vastgelegd_door=door,
    )
    besluit.full_clean()
    _vereis_besluitdatum(datum)
    vastgesteld = (
        document.besluiten.filter(uitkomst__in=VASTSTELLENDE_UITKOMSTEN).order_by("-datum").first()
    )
    if vastgesteld and datum < vastgesteld.datum:
        raise ValidationError(
            {
                "datum": f"Het college stelde het document vast op {vastgesteld.datum:%d-%m-%Y};"
                " de raad wordt op of na die datum geïnformeerd."
            }
        )
    bewaar(besluit, door=door, valideer=False)  # validated above
    return besluit


def _vereis_ivp_vastgesteld_voor(uitvoeringsplan: Document, datum: dt.date) -> None:
    """The college adopts the uitvoeringsplan after the raad adopted the IVP."""
    stand = laad_stand(uitvoeringsplan.plan)
    besluit = stand.vaststelling(stand.document(DocumentSoort.IVP))
    if besluit is None:
        raise Geweigerd(
            "Het college stelt het uitvoeringsplan vast nadat de raad het IVP heeft "
            "vastgesteld; dat is nog niet gebeurd."
        )
    if datum < besluit.datum:
        raise ValidationError(
            {
                "datum": (
                    f"De raad stelde het IVP vast op {besluit.datum:%d-%m-%Y}; het college stelt"
                    " het uitvoeringsplan op of na die datum vast."
                )
            }
        )
