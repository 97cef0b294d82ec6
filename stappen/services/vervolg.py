"""The next IVP started from the previous one (issue 14): the new plan with what the
coordinator chose to take over, and the evaluation of the previous plan's doelstellingen.

What can be taken over is a registry (`stappen.vervolg.registreer_overname`): the stappen
app offers the analyses and the chapters as starting text; the werkgroep app, above this
one, offers its members and their hour budgets. Everything is copied into the new plan;
nothing of the previous plan is written, so it and its adopted documents stay as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker, Plan
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from stappen.constants import DocumentSoort, DocumentStatus, EvaluatieScore
from stappen.models import Analyse, Document, Doelstelling, Evaluatie, Hoofdstuk, Vervolg
from stappen.services.planning import plan_create
from stappen.vervolg import Overname, markeer, overnames

# --- The texts the stappen app offers ---------------------------------------------------------

_TEKSTSOORTEN = (
    DocumentSoort.STARTNOTITIE,
    DocumentSoort.VEILIGHEIDSANALYSE,
    DocumentSoort.PRIORITERING,
    DocumentSoort.IVP,
)


def _tekst_keuzes(vorig: Plan) -> list[tuple[str, str]]:
    keuzes = []
    if Analyse.objects.filter(plan=vorig).exists():
        keuzes.append(("analyses", "De analyses per veld en thema"))
    gevuld = set(
        Hoofdstuk.objects.filter(document__plan=vorig, document__soort__in=_TEKSTSOORTEN)
        .exclude(tekst="")
        .values_list("document__soort", flat=True)
    )
    for soort in _TEKSTSOORTEN:
        if soort in gevuld:
            keuzes.append(
                (f"hoofdstukken-{soort}", f"De hoofdstukken van de {soort.label.lower()}")
            )
    return keuzes


def _kopieer_teksten(
    vorig: Plan, nieuw: Plan, gekozen: Mapping[str, Sequence[str]], door: Gebruiker
) -> list[str]:
    keuzes = set(gekozen.get("teksten", []))
    gedaan = []
    if "analyses" in keuzes:
        for oud in Analyse.objects.filter(plan=vorig).order_by("pk"):
            kopie = Analyse(
                plan=nieuw,
                veld_id=oud.veld_id,
                thema_id=oud.thema_id,
                **{
                    veld: markeer(getattr(oud, veld), vorig) if getattr(oud, veld).strip() else ""
                    for veld in ("problematiek", "huidige_aanpak", "verbeterpunten")
                },
            )
            bewaar(kopie, door=door, reden="Overgenomen uit het vorige IVP")
        gedaan.append("De analyses per veld en thema")
    for soort in _TEKSTSOORTEN:
        if f"hoofdstukken-{soort}" not in keuzes:
            continue
        teksten = dict(
            Hoofdstuk.objects.filter(document__plan=vorig, document__soort=soort)
            .exclude(tekst="")
            .values_list("sleutel", "tekst")
        )
        for hoofdstuk in Hoofdstuk.objects.filter(
            document__plan=nieuw, document__soort=soort, sleutel__in=teksten
        ):
            hoofdstuk.tekst = markeer(teksten[hoofdstuk.sleutel], vorig)
            bewaar(hoofdstuk, door=door, reden="Overgenomen uit het vorige IVP")
        gedaan.append(f"De hoofdstukken van de {soort.label.lower()}")
    return gedaan


# Registered in StappenConfig.ready().
TEKSTEN = Overname(
    sleutel="teksten",
    titel="Teksten als begin",
    uitleg="Gekopieerd en gemarkeerd als ‘uit het vorige IVP’; de vastgestelde stukken "
    "blijven zoals ze zijn.",
    keuzes=_tekst_keuzes,
    kopieer=_kopieer_teksten,
)


# --- The new plan -------------------------------------------------------------------------------


@transaction.atomic
def plan_vervolg_create(
    *,
    vorig_plan: Plan,
    door: Gebruiker,
    titel: str,
    traject_start: dt.date,
    periode_start: dt.date,
    periode_eind: dt.date | None = None,
    looptijd_motivatie: str = "",
    overlap_reden: str = "",
    overnemen: Mapping[str, Sequence[str]] | None = None,
) -> Plan:
    """The next plan of the gemeente, following `vorig_plan`, with what was chosen copied.

    Starting twice is refused (one follow-up per plan, and one plan per period); a period
    that begins before the previous plan (extended) ends needs `overlap_reden`."""
    vereis_regie(vorig_plan, door)
    # Two presses at once: the second waits here and then finds the first one's plan.
    vorig = Plan.objects.select_for_update().get(pk=vorig_plan.pk)
    bestaand = Vervolg.objects.filter(vorig_plan=vorig).select_related("plan").first()
    if bestaand is not None:
        raise Geweigerd(
            f"Op ‘{vorig.titel}’ volgt al ‘{bestaand.plan.titel}’. Ga verder in dat plan."
        )
    try:  # one plan per period (`Plan`'s constraint), said before the overlap
        Plan(gemeente=vorig.gemeente, periode_start=periode_start).validate_constraints()
    except ValidationError as fout:
        raise ValidationError({"periode_start": fout.messages}) from fout
    overlap_reden = overlap_reden.strip()
    if periode_start <= vorig.einde and not overlap_reden:
        raise ValidationError(
            {
                "overlap_reden": f"De looptijd begint vóór het einde van ‘{vorig.titel}’ "
                f"({vorig.einde:%d-%m-%Y}, verlenging meegerekend). Geef de reden van de "
                "overlap."
            }
        )
    plan = plan_create(
        gemeente=vorig.gemeente,
        titel=titel,
        traject_start=traject_start,
        periode_start=periode_start,
        periode_eind=periode_eind,
        looptijd_motivatie=looptijd_motivatie,
        door=door,
    )
    vervolg = Vervolg(plan=plan, vorig_plan=vorig, overlap_reden=overlap_reden)
    gekozen = overnemen or {}
    for overname in overnames():
        toegestaan = {sleutel for sleutel, _ in overname.keuzes(vorig)}
        onbekend = set(gekozen.get(overname.sleutel, [])) - toegestaan
        if onbekend:
            raise ValidationError(
                {f"overnemen_{overname.sleutel}": "Kies alleen uit wat het vorige plan heeft."}
            )
    for overname in overnames():
        if overname.kopieer is not None:
            vervolg.overgenomen += overname.kopieer(vorig, plan, gekozen, door)
    bewaar(vervolg, door=door, reden=f"Gestart vanuit ‘{vorig.titel}’")
    return plan


# --- The evaluation -----------------------------------------------------------------------------


def _vervolg_van(plan: Plan) -> Vervolg:
    vervolg = Vervolg.objects.select_related("vorig_plan").filter(plan=plan).first()
    if vervolg is None:
        raise Geweigerd("Dit plan is niet gestart vanuit een vorig plan.")
    return vervolg


def _vereis_startnotitie_concept(plan: Plan) -> None:
    status = (
        Document.objects.filter(plan=plan, soort=DocumentSoort.STARTNOTITIE)
        .values_list("status", flat=True)
        .first()
    )
    if status is not None and status != DocumentStatus.CONCEPT:
        raise Geweigerd(
            "De evaluatie is een hoofdstuk van de startnotitie, en die is niet meer in concept."
        )


@transaction.atomic
def evaluatie_save(
    *,
    plan: Plan,
    doelstelling: Doelstelling,
    door: Gebruiker,
    score: str,
    toelichting: str,
) -> Evaluatie:
    """Score one doelstelling of the previous IVP, or change its score."""
    vereis_regie(plan, door)
    vervolg = _vervolg_van(plan)
    _vereis_startnotitie_concept(plan)
    if score not in EvaluatieScore.values:
        raise ValidationError({"score": "Kies een score."})
    evaluatie = (
        Evaluatie.objects.select_for_update()
        .filter(vervolg=vervolg, doelstelling=doelstelling)
        .first()
    ) or Evaluatie(vervolg=vervolg, doelstelling=doelstelling)
    evaluatie.score = score
    evaluatie.toelichting = toelichting.strip()
    evaluatie.gewijzigd_door = door
    return bewaar(evaluatie, door=door)


@transaction.atomic
def evaluatie_motivatie_save(*, plan: Plan, door: Gebruiker, motivatie: str) -> Vervolg:
    """Pas toe of leg uit: why step 1 may close while a doelstelling has no score."""
    vereis_regie(plan, door)
    vervolg = _vervolg_van(plan)
    _vereis_startnotitie_concept(plan)
    vervolg.evaluatie_motivatie = motivatie.strip()
    return bewaar(vervolg, door=door, velden=["evaluatie_motivatie"])
