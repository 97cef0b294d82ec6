"""Every write of the stappenplan: plans with their steps, transitions, decisions.

Views and tasks call these functions; they check the permission, the state and the method's
guards, save inside a transaction, and log each transition (`Overgang`) with who, when, from,
to and why. A refused action raises `Geweigerd` with Dutch reasons; wrong input raises
`ValidationError` keyed by field, so a form shows it next to the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_fsm import ConcurrentTransition

from ivp.constants import PLANPERIODE_JAREN, RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Gemeente, Plan
from ivp.permissions import mag_plan_regisseren, vereis_regie
from stappen.constants import (
    BESLUITORGAAN,
    GEWICHT_STANDAARD,
    JAARLIJKSE_SOORTEN,
    PRIORITEITEN_ZONDER_MOTIVATIE,
    STAP_DOCUMENT,
    TERUGSTURENDE_UITKOMSTEN,
    VASTSTELLENDE_UITKOMSTEN,
    BesluitUitkomst,
    Criterium,
    DocumentSoort,
    DocumentStatus,
    Keuze,
    Orgaan,
    StapNummer,
    StapStatus,
)
from stappen.guards import laad_stand
from stappen.models import (
    Analyse,
    Besluit,
    Bron,
    Document,
    Doelstelling,
    Overgang,
    Plaatsing,
    Prioritering,
    Score,
    Stap,
    Weging,
)
from stappen.rechten import mag_analyse_schrijven
from stappen.services_documenten import _meld as melding_maak
from stappen.services_documenten import (
    bespreking_start,
    bespreking_stop,
    hoofdstukken_create,
    versie_maak,
)
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld

GELIJKTIJDIG_GEWIJZIGD = (
    "Iemand anders heeft dit zojuist gewijzigd. De pagina toont nu de nieuwe stand; "
    "bekijk die en probeer het zo nodig opnieuw."
)


def _maand(start: dt.date, n: int) -> dt.date:
    """The first day of the n-th month of a trajectory that starts in `start`'s month."""
    index = start.year * 12 + start.month - 1 + (n - 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def _eind_maand(start: dt.date, n: int) -> dt.date:
    return _maand(start, n + 1) - dt.timedelta(days=1)


def standaardplanning(plan: Plan) -> dict[int, tuple[dt.date, dt.date]]:
    """The startnotitie's timing, counted in months from the start of the trajectory:
    startnotitie month 1, analyse 2–4, prioritering 5, IVP 6–9 with the raad in month 10,
    uitvoeringsplan 8–9 beside the IVP, then uitvoering until the plan's period ends."""
    t = plan.traject_start
    return {
        StapNummer.STARTNOTITIE: (t, _eind_maand(t, 1)),
        StapNummer.VEILIGHEIDSANALYSE: (_maand(t, 2), _eind_maand(t, 4)),
        StapNummer.PRIORITERING: (_maand(t, 5), _eind_maand(t, 5)),
        StapNummer.OPSTELLEN_IVP: (_maand(t, 6), _eind_maand(t, 10)),
        StapNummer.UITVOERINGSPLAN: (_maand(t, 8), _eind_maand(t, 9)),
        StapNummer.UITVOERING: (_maand(t, 11), plan.einde),
    }


def _vier_jaar_later(start: dt.date) -> dt.date:
    try:
        return start.replace(year=start.year + PLANPERIODE_JAREN) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + PLANPERIODE_JAREN, day=28)


def _documenttitel(soort: DocumentSoort, plan: Plan, jaar: int | None) -> str:
    if soort == DocumentSoort.IVP:
        return plan.titel
    if jaar:
        return f"{soort.label} {jaar} {plan.gemeente.naam}"
    return f"{soort.label} {plan.titel}"


@transaction.atomic
def plan_create(
    *,
    gemeente: Gemeente,
    titel: str,
    traject_start: dt.date,
    periode_start: dt.date,
    periode_eind: dt.date | None = None,
    verlengd_tot: dt.date | None = None,
    verlenging_reden: str = "",
    door: Gebruiker | None = None,
) -> Plan:
    """A new IVP trajectory with its six steps planned the startnotitie's way and the
    documents of steps 1–5 in concept. The period is four years unless given."""
    plan = Plan(
        gemeente=gemeente,
        titel=titel,
        traject_start=traject_start,
        periode_start=periode_start,
        periode_eind=periode_eind or _vier_jaar_later(periode_start),
        verlengd_tot=verlengd_tot,
        verlenging_reden=verlenging_reden,
    )
    if door is not None:
        plan._history_user = door  # type: ignore[attr-defined]
    plan.full_clean()
    plan.save()
    stappen = {}
    for nummer, (start, eind) in standaardplanning(plan).items():
        stap = Stap(plan=plan, nummer=nummer, gepland_start=start, gepland_eind=eind)
        try:
            stap.full_clean()
        except ValidationError as error:
            raise ValidationError(
                {
                    "traject_start": (
                        f"Met deze start past stap {nummer} ({StapNummer(nummer).label.lower()})"
                        f" niet binnen de looptijd: {' '.join(error.messages)}"
                    )
                }
            ) from error
        stap.save()
        stappen[nummer] = stap
    for nummer, soort in STAP_DOCUMENT.items():
        jaar = plan.periode_start.year if soort in JAARLIJKSE_SOORTEN else None
        document = Document.objects.create(
            plan=plan,
            stap=stappen[nummer],
            soort=soort,
            jaar=jaar,
            titel=_documenttitel(soort, plan, jaar),
        )
        hoofdstukken_create(document)
    Prioritering.objects.create(plan=plan)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, door: Gebruiker, **velden: Any) -> Plan:
    """Change a plan's title, period or extension; the steps must still fit in it."""
    vereis_regie(plan, door)
    for naam, waarde in velden.items():
        setattr(plan, naam, waarde)
    plan._history_user = door  # type: ignore[attr-defined]
    plan.full_clean()
    te_laat = [s for s in plan.stappen.all() if s.gepland_eind > plan.einde]
    if te_laat:
        stap = te_laat[0]
        raise ValidationError(
            {
                "periode_eind": (
                    f"Stap {stap.nummer} ({stap.get_nummer_display().lower()}) heeft een deadline"
                    f" na dit einde ({stap.gepland_eind:%d-%m-%Y}). Pas eerst de planning aan."
                )
            }
        )
    plan.save()
    return plan


def _bewaar_overgang(
    obj: Stap | Document, *, van: str, transitie: str, door: Gebruiker, toelichting: str
) -> None:
    obj._history_user = door  # type: ignore[union-attr]
    obj._change_reason = toelichting or transitie  # type: ignore[union-attr]
    try:
        obj.save()
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
    stap._stand = laad_stand(stap.plan)  # the guards read the plan as it is now
    if blokkades := stap.startblokkades():
        raise Geweigerd(*blokkades)
    van = stap.status
    stap.start(op=_vandaag_of(op))
    _bewaar_overgang(stap, van=van, transitie="start", door=door, toelichting=toelichting)
    return stap


@transaction.atomic
def stap_close(
    *, stap: Stap, door: Gebruiker, toelichting: str = "", op: dt.date | None = None
) -> Stap:
    vereis_regie(stap.plan, door)
    _vereis_status(stap, StapStatus.ACTIEF)
    stap._stand = laad_stand(stap.plan)  # the guards read the plan as it is now
    if blokkades := stap.sluitblokkades():
        raise Geweigerd(*blokkades)
    eind = _vandaag_of(op)
    if stap.werkelijk_start and eind < stap.werkelijk_start:
        raise ValidationError({"op": "Een stap kan niet eindigen voordat hij begon."})
    van = stap.status
    stap.sluit(op=eind)
    _bewaar_overgang(stap, van=van, transitie="afronden", door=door, toelichting=toelichting)
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
def stap_plan(
    *, stap: Stap, door: Gebruiker, gepland_start: dt.date, gepland_eind: dt.date
) -> Stap:
    """Change the planned start and deadline of a step that is not yet afgerond."""
    vereis_regie(stap.plan, door)
    if stap.status == StapStatus.AFGEROND:
        raise Geweigerd("Een afgeronde stap plan je niet meer; heropen hem eerst.")
    stap.gepland_start = gepland_start
    stap.gepland_eind = gepland_eind
    stap.full_clean()
    stap._history_user = door  # type: ignore[attr-defined]
    try:
        stap.save(update_fields=["gepland_start", "gepland_eind"])
    except ConcurrentTransition as error:
        raise Geweigerd(GELIJKTIJDIG_GEWIJZIGD) from error
    return stap


@transaction.atomic
def jaardocument_create(*, plan: Plan, soort: str, jaar: int, door: Gebruiker) -> Document:
    """The uitvoeringsplan or voortgangsrapportage of one year of the plan's period."""
    vereis_regie(plan, door)
    if soort not in JAARLIJKSE_SOORTEN:
        raise ValidationError({"soort": "Alleen uitvoeringsplannen en rapportages zijn jaarlijks."})
    if not plan.periode_start.year <= jaar <= plan.einde.year:
        raise ValidationError(
            {
                "jaar": f"Kies een jaar binnen de looptijd ({plan.periode_start.year}–"
                f"{plan.einde.year})."
            }
        )
    # The first year's uitvoeringsplan is step 5's product; later years belong to step 6.
    eerste_plan = soort == DocumentSoort.UITVOERINGSPLAN and jaar == plan.periode_start.year
    nummer = StapNummer.UITVOERINGSPLAN if eerste_plan else StapNummer.UITVOERING
    document = Document(
        plan=plan,
        stap=plan.stappen.get(nummer=nummer),
        soort=soort,
        jaar=jaar,
        titel=_documenttitel(DocumentSoort(soort), plan, jaar),
    )
    document._history_user = door  # type: ignore[attr-defined]
    document.full_clean()
    document.save()
    hoofdstukken_create(document)
    return document


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
    *, document: Document, door: Gebruiker, toelichting: str = ""
) -> Document:
    vereis_regie(document.plan, door)
    _vereis_status(document, DocumentStatus.IN_BESPREKING)
    van = document.status
    document.sluit_bespreking()
    _bewaar_overgang(
        document, van=van, transitie="bespreking_sluiten", door=door, toelichting=toelichting
    )
    bespreking_stop(document=document)
    return document


@transaction.atomic
def document_submit(*, document: Document, door: Gebruiker, toelichting: str = "") -> Document:
    """Send the document to the body that decides it (college, raad or werkgroep)."""
    vereis_regie(document.plan, door)
    _vereis_status(document, DocumentStatus.CONCEPT)
    van = document.status
    document.bied_aan()
    _bewaar_overgang(document, van=van, transitie="aanbieden", door=door, toelichting=toelichting)
    orgaan = Orgaan(BESLUITORGAAN[DocumentSoort(document.soort)]).label.lower()
    versie_maak(document=document, door=door, aanleiding=f"Ter besluitvorming aan {orgaan}")
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
    besluit._history_user = door  # type: ignore[attr-defined]
    besluit.full_clean()
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Een besluit kan niet in de toekomst liggen."})

    if uitkomst == BesluitUitkomst.KENNISGENOMEN:
        if document.soort not in JAARLIJKSE_SOORTEN or orgaan != Orgaan.RAAD:
            raise ValidationError(
                {"uitkomst": "Alleen de raad neemt kennis, van een uitvoeringsplan of rapportage."}
            )
        _vereis_status(document, DocumentStatus.VASTGESTELD)
        besluit.save()
        return besluit

    juist = BESLUITORGAAN[DocumentSoort(document.soort)]
    if orgaan != juist:
        raise ValidationError(
            {"orgaan": f"Over dit document besluit: {Orgaan(juist).label.lower()}."}
        )
    _vereis_status(document, DocumentStatus.TER_BESLUITVORMING)
    van = document.status
    if uitkomst in VASTSTELLENDE_UITKOMSTEN:
        if document.soort == DocumentSoort.UITVOERINGSPLAN:
            _vereis_ivp_vastgesteld_voor(document, datum)
        besluit.save()
        document.stel_vast()
        transitie = "vaststellen"
    elif uitkomst in TERUGSTURENDE_UITKOMSTEN:
        if not besluit.toelichting:
            raise ValidationError(
                {"toelichting": "Geef de reden waarom het document terug naar concept gaat."}
            )
        besluit.save()
        document.stuur_terug()
        transitie = "terugsturen"
    else:  # pragma: no cover - every outcome is handled above
        raise ValidationError({"uitkomst": "Onbekende uitkomst."})
    _bewaar_overgang(
        document, van=van, transitie=transitie, door=door, toelichting=besluit.toelichting
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


def _vereis_bewerkbaar(plan: Plan, soort: DocumentSoort) -> None:
    """Content of an adopted document is frozen; only a new version cycle changes it."""
    document = Document.objects.filter(plan=plan, soort=soort, jaar__isnull=True).first()
    if document is not None and document.status != DocumentStatus.CONCEPT:
        if document.is_vastgesteld:
            raise Geweigerd(
                f"{document.titel} is vastgesteld; de inhoud ervan verandert niet meer."
            )
        raise Geweigerd(
            f"{document.titel} is {document.get_status_display().lower()}; "
            "wijzig de inhoud als het document weer concept is."
        )


def _bewaar_inhoud(obj: Any, door: Gebruiker) -> Any:
    obj._history_user = door
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def analyse_save(
    *,
    plan: Plan,
    veld: Veld,
    door: Gebruiker,
    problematiek: str,
    huidige_aanpak: str,
    verbeterpunten: str,
    thema: Thema | None = None,
) -> Analyse:
    """The analysis of one veld (or of one thema within it): problematiek, huidige aanpak and
    verbeterpunten."""
    _vereis_analyse_schrijver(plan=plan, veld=veld, thema=thema, door=door)
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    analyse = _analyse_van(plan=plan, veld=veld, thema=thema)
    analyse.problematiek = problematiek
    analyse.huidige_aanpak = huidige_aanpak
    analyse.verbeterpunten = verbeterpunten
    return _bewaar_inhoud(analyse, door)


@transaction.atomic
def prioritering_update(*, plan: Plan, door: Gebruiker, **velden: Any) -> Prioritering:
    """Record the raad's opiniërende bijeenkomst, the driehoek, or the motivation for more
    than four priorities."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    prioritering, _ = Prioritering.objects.get_or_create(plan=plan)
    for naam, waarde in velden.items():
        setattr(prioritering, naam, waarde)
    return _bewaar_inhoud(prioritering, door)


@transaction.atomic
def plaatsing_save(
    *,
    plan: Plan,
    thema: Thema,
    door: Gebruiker,
    keuze: str,
    motivatie: str = "",
    volgorde: int = 0,
) -> Plaatsing:
    """Place a theme as prioriteit, overig strategisch thema or beheer."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    if thema.gemeente_id not in (None, plan.gemeente_id):
        raise ValidationError({"thema": "Dit thema hoort bij een andere gemeente."})
    plaatsing = Plaatsing.objects.filter(plan=plan, thema=thema).first()
    plaatsing = plaatsing or Plaatsing(plan=plan, thema=thema)
    if plaatsing.pk and keuze != Keuze.PRIORITEIT and plaatsing.doelstellingen.exists():
        raise ValidationError(
            {
                "keuze": "Dit thema heeft doelstellingen; verwijder die eerst of houd het als "
                "prioriteit."
            }
        )
    plaatsing.keuze = keuze
    plaatsing.motivatie = motivatie
    plaatsing.volgorde = volgorde
    return _bewaar_inhoud(plaatsing, door)


@transaction.atomic
def prioriteit_set_aanpak(*, plaatsing: Plaatsing, door: Gebruiker, aanpak: str) -> Plaatsing:
    """The aanpak op hoofdlijnen of a priority, written in the IVP."""
    vereis_regie(plaatsing.plan, door)
    _vereis_bewerkbaar(plaatsing.plan, DocumentSoort.IVP)
    plaatsing.aanpak = aanpak
    return _bewaar_inhoud(plaatsing, door)


@transaction.atomic
def doelstelling_create(
    *, plaatsing: Plaatsing, door: Gebruiker, tekst: str, **velden: Any
) -> Doelstelling:
    vereis_regie(plaatsing.plan, door)
    _vereis_bewerkbaar(plaatsing.plan, DocumentSoort.IVP)
    return _bewaar_inhoud(Doelstelling(plaatsing=plaatsing, tekst=tekst, **velden), door)


# --- Structured content of steps 2–4 (issue 3) ------------------------------------------------


def _analyse_van(*, plan: Plan, veld: Veld, thema: Thema | None) -> Analyse:
    """The (unsaved when new) analysis of `veld`, or of `thema` within it."""
    if thema is None:
        analyse = Analyse.objects.filter(plan=plan, veld=veld, thema__isnull=True).first()
        return analyse or Analyse(plan=plan, veld=veld)
    if thema.gemeente_id not in (None, plan.gemeente_id):
        raise ValidationError({"thema": "Dit thema hoort bij een andere gemeente."})
    if thema.veld_id != veld.pk:
        raise ValidationError({"thema": f"Dit thema hoort niet bij veld {veld.code}."})
    analyse = Analyse.objects.filter(plan=plan, thema=thema).first()
    return analyse or Analyse(plan=plan, veld=veld, thema=thema)


def _vereis_analyse_schrijver(
    *, plan: Plan, veld: Veld, thema: Thema | None, door: Gebruiker
) -> None:
    """The coordinator, or the werkgroeplid who is the auteur of this veld's own analysis.
    The veld's analysis row is locked, so a take-back cannot cross a save by the member."""
    if mag_plan_regisseren(door, plan):
        return
    analyse = None
    if thema is None:
        analyse = (
            Analyse.objects.select_for_update()
            .filter(plan=plan, veld=veld, thema__isnull=True)
            .first()
        )
    if not mag_analyse_schrijven(door, plan, analyse):
        raise GeenToegang(f"Alleen de coördinator OOV van {plan.gemeente} mag dit doen.")


@transaction.atomic
def analyse_set_auteur(
    *, plan: Plan, veld: Veld, door: Gebruiker, auteur: Gebruiker | None
) -> Analyse:
    """Hand the analysis of a veld to a werkgroeplid (co-writing), or take it back
    (`auteur=None`). A veld without an analysis yet gets one with empty blocks."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    if (
        auteur is not None
        and not auteur.rollen.filter(
            gemeente_id=plan.gemeente_id, soort=RolSoort.WERKGROEPLID
        ).exists()
    ):
        raise ValidationError({"auteur": "Kies een lid van de werkgroep van deze gemeente."})
    analyse = (
        Analyse.objects.select_for_update().filter(plan=plan, veld=veld, thema__isnull=True).first()
    ) or Analyse(plan=plan, veld=veld)
    analyse.auteur = auteur
    _bewaar_inhoud(analyse, door)
    if auteur is not None:
        melding_maak(
            [auteur],
            f"U schrijft mee aan de analyse van veld {veld.code} ({veld.naam}).",
            reverse("stappen:analyse_veld", kwargs={"plan_id": plan.pk, "veld_id": veld.pk}),
        )
    return analyse


@transaction.atomic
def bron_create(
    *,
    plan: Plan,
    veld: Veld,
    door: Gebruiker,
    soort: str,
    titel: str,
    thema: Thema | None = None,
    vindplaats: str = "",
    periode: str = "",
    vertrouwelijk: bool = False,
) -> Bron:
    """Add a source to the analysis of a veld (or thema); the analysis is made if needed.
    An ondermijningsbeeld is always confidential."""
    _vereis_analyse_schrijver(plan=plan, veld=veld, thema=thema, door=door)
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    analyse = _analyse_van(plan=plan, veld=veld, thema=thema)
    if analyse.pk is None:
        _bewaar_inhoud(analyse, door)
    bron = Bron(
        analyse=analyse,
        soort=soort,
        titel=titel.strip(),
        vindplaats=vindplaats.strip(),
        periode=periode.strip(),
        vertrouwelijk=vertrouwelijk,
    )
    return _bewaar_inhoud(bron, door)


@transaction.atomic
def bron_delete(*, bron: Bron, door: Gebruiker) -> None:
    plan = bron.analyse.plan
    _vereis_analyse_schrijver(
        plan=plan, veld=bron.analyse.veld, thema=bron.analyse.thema, door=door
    )
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    bron._history_user = door  # type: ignore[attr-defined]
    bron.delete()


@transaction.atomic
def wegingen_save(*, plan: Plan, door: Gebruiker, gewichten: dict[str, int]) -> list[Weging]:
    """The weight of each criterion in the plan's scoring matrix."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    bestaand = {w.criterium: w for w in Weging.objects.filter(plan=plan)}
    fouten = {}
    resultaat = []
    for criterium, gewicht in gewichten.items():
        weging = bestaand.get(criterium) or Weging(plan=plan, criterium=criterium)
        weging.gewicht = gewicht
        weging._history_user = door  # type: ignore[attr-defined]
        try:
            weging.full_clean()
        except ValidationError as error:
            fouten[f"gewicht_{criterium}"] = error.messages
            continue
        resultaat.append(weging)
    if fouten:
        raise ValidationError(fouten)
    if gewichten and not any(gewichten.values()):
        raise ValidationError(
            {f"gewicht_{next(iter(gewichten))}": "Geef ten minste één criterium een gewicht."}
        )
    for weging in resultaat:
        weging.save()
    return resultaat


@transaction.atomic
def scores_save(*, plan: Plan, door: Gebruiker, scores: dict[tuple[int, str], int | None]) -> None:
    """Scores keyed by (thema id, criterium); None removes a score. Every candidate must be a
    hoofdthema of the gemeente (VNG or its own)."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    kandidaten = set(
        Thema.objects.voor_gemeente(plan.gemeente_id).hoofdthemas().values_list("pk", flat=True)
    )
    bestaand = {(s.thema_id, s.criterium): s for s in Score.objects.filter(plan=plan)}
    fouten: dict[str, list[str]] = {}
    op_te_slaan = []
    for (thema_id, criterium), waarde in scores.items():
        veld = f"score_{thema_id}_{criterium}"
        if thema_id not in kandidaten:
            fouten[veld] = ["Dit is geen hoofdthema van deze gemeente."]
            continue
        score = bestaand.get((thema_id, criterium))
        if waarde is None:
            if score is not None:
                score._history_user = door  # type: ignore[attr-defined]
                score.delete()
            continue
        score = score or Score(plan=plan, thema_id=thema_id, criterium=criterium)
        score.waarde = waarde
        score._history_user = door  # type: ignore[attr-defined]
        try:
            score.full_clean()
        except ValidationError as error:
            fouten[veld] = error.messages
            continue
        op_te_slaan.append(score)
    if fouten:
        raise ValidationError(fouten)
    for score in op_te_slaan:
        score.save()


def gewichten_van(plan: Plan) -> dict[str, int]:
    """Every criterion's weight, the default where the plan has set none."""
    gezet = dict(Weging.objects.filter(plan=plan).values_list("criterium", "gewicht"))
    return {c: gezet.get(c, GEWICHT_STANDAARD) for c in Criterium.values}


@transaction.atomic
def plaatsingen_save(
    *,
    plan: Plan,
    door: Gebruiker,
    keuzes: dict[int, tuple[str, str]],
    motivatie_aantal: str,
) -> list[Plaatsing]:
    """Place candidate themes at once: {thema id: (keuze, motivatie)}, plus the motivation
    for more than four priorities (pas toe of leg uit), which is then required."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    themas = Thema.objects.voor_gemeente(plan.gemeente_id).in_bulk(list(keuzes))
    bestaand = {p.thema_id: p for p in Plaatsing.objects.filter(plan=plan).select_related("thema")}
    prioriteiten = {
        tid for tid, p in bestaand.items() if p.keuze == Keuze.PRIORITEIT and tid not in keuzes
    } | {tid for tid, (keuze, _) in keuzes.items() if keuze == Keuze.PRIORITEIT}
    if len(prioriteiten) > PRIORITEITEN_ZONDER_MOTIVATIE and not motivatie_aantal.strip():
        raise ValidationError(
            {
                "motivatie_aantal": (
                    f"U kiest {len(prioriteiten)} prioriteiten. Bij meer dan vier is een "
                    "motivatie nodig (pas toe of leg uit)."
                )
            }
        )
    resultaat = []
    for volgorde, (thema_id, (keuze, motivatie)) in enumerate(keuzes.items(), start=1):
        thema = themas.get(thema_id)
        if thema is None:
            raise ValidationError("Een van de thema's hoort niet bij deze gemeente.")
        huidige = bestaand.get(thema_id)
        if not keuze:
            if huidige is not None:
                if huidige.doelstellingen.exists():
                    raise ValidationError(
                        {
                            f"keuze_{thema_id}": "Dit thema heeft doelstellingen; verwijder die "
                            "eerst of houd het als prioriteit."
                        }
                    )
                huidige._history_user = door  # type: ignore[attr-defined]
                huidige.delete()
            continue
        try:
            resultaat.append(
                plaatsing_save(
                    plan=plan,
                    thema=thema,
                    door=door,
                    keuze=keuze,
                    motivatie=motivatie.strip(),
                    volgorde=volgorde,
                )
            )
        except ValidationError as error:
            raise ValidationError({f"keuze_{thema_id}": error.messages}) from error
    prioritering_update(plan=plan, door=door, motivatie_aantal=motivatie_aantal.strip())
    return resultaat


@transaction.atomic
def prioriteit_update(
    *,
    plaatsing: Plaatsing,
    door: Gebruiker,
    aanleiding: str,
    aanpak: str,
    partners: str,
    portefeuillehouder: str,
    beleidsdocumenten: list[Beleidsdocument] | None = None,
) -> Plaatsing:
    """The chapter of a priority in the IVP: aanleiding, aanpak op hoofdlijnen, partners and
    their roles, portefeuillehouder and the flankerend beleid it links to."""
    plan = plaatsing.plan
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.IVP)
    if plaatsing.keuze != Keuze.PRIORITEIT:
        raise ValidationError({"aanpak": "Alleen een prioriteit heeft een hoofdstuk in het IVP."})
    beleidsdocumenten = beleidsdocumenten or []
    if any(b.gemeente_id != plan.gemeente_id for b in beleidsdocumenten):
        raise ValidationError(
            {"beleidsdocumenten": "Kies alleen flankerend beleid van deze gemeente."}
        )
    plaatsing.aanleiding = aanleiding
    plaatsing.aanpak = aanpak
    plaatsing.partners = partners
    plaatsing.portefeuillehouder = portefeuillehouder.strip()
    _bewaar_inhoud(plaatsing, door)
    plaatsing.beleidsdocumenten.set(beleidsdocumenten)
    return plaatsing


@transaction.atomic
def doelstelling_update(
    *, doelstelling: Doelstelling, door: Gebruiker, **velden: Any
) -> Doelstelling:
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.IVP)
    for naam, waarde in velden.items():
        setattr(doelstelling, naam, waarde)
    return _bewaar_inhoud(doelstelling, door)


@transaction.atomic
def doelstelling_delete(*, doelstelling: Doelstelling, door: Gebruiker) -> None:
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.IVP)
    doelstelling._history_user = door  # type: ignore[attr-defined]
    doelstelling.delete()
