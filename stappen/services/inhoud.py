"""The content of steps 2–4: the analysis per veld and thema with its sources, the
prioritering (consultations, weights, scores, placing) and the priorities' doelstellingen.
Content of a document that is not in concept cannot be changed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from ivp.constants import RolSoort
from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Plan
from ivp.permissions import mag_plan_regisseren, vereis_regie
from ivp.services import bewaar, verwijder
from ivp.versies import vereis_versie
from stappen.constants import (
    PRIORITEITEN_ZONDER_MOTIVATIE,
    VERTROUWELIJKE_BRONSOORTEN,
    DocumentSoort,
    DocumentStatus,
    Keuze,
)
from stappen.models import (
    Analyse,
    Bron,
    Document,
    Doelstelling,
    Plaatsing,
    Prioritering,
    Score,
    Weging,
)
from stappen.rechten import mag_analyse_schrijven
from stappen.services.cijfers import vul_nulmeting
from stappen.services.inzage import vereis_inzage
from stappen.services.meldingen import melding_maak, nu_moment
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld


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
    versie: int | None = None,
) -> Analyse:
    """The analysis of one veld (or of one thema within it): problematiek, huidige aanpak and
    verbeterpunten."""
    _vereis_analyse_schrijver(plan=plan, veld=veld, thema=thema, door=door)
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    analyse = _analyse_van(plan=plan, veld=veld, thema=thema)
    vereis_versie(analyse, versie)
    analyse.problematiek = problematiek
    analyse.huidige_aanpak = huidige_aanpak
    analyse.verbeterpunten = verbeterpunten
    return bewaar(analyse, door=door)


@transaction.atomic
def prioritering_update(*, plan: Plan, door: Gebruiker, **velden: Any) -> Prioritering:
    """Record the raad's opiniërende bijeenkomst, the driehoek, or the motivation for more
    than four priorities."""
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.PRIORITERING)
    prioritering, _ = Prioritering.objects.get_or_create(plan=plan)
    for naam, waarde in velden.items():
        setattr(prioritering, naam, waarde)
    return bewaar(prioritering, door=door)


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
    return bewaar(plaatsing, door=door)


@transaction.atomic
def prioriteit_set_aanpak(*, plaatsing: Plaatsing, door: Gebruiker, aanpak: str) -> Plaatsing:
    """The aanpak op hoofdlijnen of a priority, written in the IVP."""
    vereis_regie(plaatsing.plan, door)
    _vereis_bewerkbaar(plaatsing.plan, DocumentSoort.IVP)
    plaatsing.aanpak = aanpak
    return bewaar(plaatsing, door=door)


def _eigen_beleid(plan: Plan, beleid: Any) -> list[Beleidsdocument] | None:
    """The flankerend beleid a doelstelling links to: only the plan's gemeente's."""
    if beleid is None:
        return None
    beleid = list(beleid)
    if any(b.gemeente_id != plan.gemeente_id for b in beleid):
        raise ValidationError(
            {"beleidsdocumenten": "Kies alleen flankerend beleid van deze gemeente."}
        )
    return beleid


@transaction.atomic
def doelstelling_create(
    *, plaatsing: Plaatsing, door: Gebruiker, tekst: str, **velden: Any
) -> Doelstelling:
    vereis_regie(plaatsing.plan, door)
    _vereis_bewerkbaar(plaatsing.plan, DocumentSoort.IVP)
    beleid = _eigen_beleid(plaatsing.plan, velden.pop("beleidsdocumenten", None))
    doelstelling = Doelstelling(plaatsing=plaatsing, tekst=tekst, **velden)
    vul_nulmeting(doelstelling, plaatsing.plan)
    bewaar(doelstelling, door=door)
    if beleid is not None:
        doelstelling.beleidsdocumenten.set(beleid)
    return doelstelling


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
    bewaar(analyse, door=door)
    if auteur is not None:
        melding_maak(
            [auteur],
            f"U schrijft mee aan de analyse van veld {veld.code} ({veld.naam}).",
            reverse("stappen:analyse_veld", kwargs={"plan_id": plan.pk, "veld_id": veld.pk}),
            soort="analyse_auteur",
            onderwerp=analyse,
            moment=nu_moment(),
            gemeente=plan.gemeente_id,
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
    if vertrouwelijk or soort in VERTROUWELIJKE_BRONSOORTEN:
        vereis_inzage(door, plan.gemeente_id)  # no one adds what they may not read
    analyse = _analyse_van(plan=plan, veld=veld, thema=thema)
    if analyse.pk is None:
        bewaar(analyse, door=door)
    bron = Bron(
        analyse=analyse,
        soort=soort,
        titel=titel.strip(),
        vindplaats=vindplaats.strip(),
        periode=periode.strip(),
        vertrouwelijk=vertrouwelijk,
    )
    return bewaar(bron, door=door)


@transaction.atomic
def bron_delete(*, bron: Bron, door: Gebruiker) -> None:
    plan = bron.analyse.plan
    _vereis_analyse_schrijver(
        plan=plan, veld=bron.analyse.veld, thema=bron.analyse.thema, door=door
    )
    _vereis_bewerkbaar(plan, DocumentSoort.VEILIGHEIDSANALYSE)
    if bron.vertrouwelijk:
        vereis_inzage(door, plan.gemeente_id)
    verwijder(bron, door=door)


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
        bewaar(weging, door=door, valideer=False)  # validated above, all errors at once
    return resultaat


@transaction.atomic
def prioritering_scores_save(
    *,
    plan: Plan,
    door: Gebruiker,
    gewichten: dict[str, int],
    scores: dict[tuple[int, str], int | None],
) -> None:
    """The scoring matrix as one form saves it: the weights and the scores together."""
    wegingen_save(plan=plan, door=door, gewichten=gewichten)
    scores_save(plan=plan, door=door, scores=scores)


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
                verwijder(score, door=door)
            continue
        score = score or Score(plan=plan, thema_id=thema_id, criterium=criterium)
        score.waarde = waarde
        try:
            score.full_clean()
        except ValidationError as error:
            fouten[veld] = error.messages
            continue
        op_te_slaan.append(score)
    if fouten:
        raise ValidationError(fouten)
    for score in op_te_slaan:
        bewaar(score, door=door, valideer=False)  # validated above, all errors at once


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
                verwijder(huidige, door=door)
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
    versie: int | None = None,
) -> Plaatsing:
    """The chapter of a priority in the IVP: aanleiding, aanpak op hoofdlijnen, partners and
    their roles, portefeuillehouder and the flankerend beleid it links to."""
    plan = plaatsing.plan
    vereis_regie(plan, door)
    vereis_versie(plaatsing, versie)
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
    bewaar(plaatsing, door=door)
    plaatsing.beleidsdocumenten.set(beleidsdocumenten)
    return plaatsing


@transaction.atomic
def doelstelling_update(
    *, doelstelling: Doelstelling, door: Gebruiker, versie: int | None = None, **velden: Any
) -> Doelstelling:
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    vereis_versie(doelstelling, versie)
    _vereis_bewerkbaar(plan, DocumentSoort.IVP)
    beleid = _eigen_beleid(plan, velden.pop("beleidsdocumenten", None))
    for naam, waarde in velden.items():
        setattr(doelstelling, naam, waarde)
    vul_nulmeting(doelstelling, plan)
    bewaar(doelstelling, door=door)
    if beleid is not None:
        doelstelling.beleidsdocumenten.set(beleid)
    return doelstelling


@transaction.atomic
def doelstelling_delete(*, doelstelling: Doelstelling, door: Gebruiker) -> None:
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    _vereis_bewerkbaar(plan, DocumentSoort.IVP)
    verwijder(doelstelling, door=door)
