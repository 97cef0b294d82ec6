"""Plans and their planning: a new plan with its six steps and documents, a plan's period,
a step's planned dates, the yearly documents of the uitvoering."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django_fsm import ConcurrentTransition

from ivp.constants import PLANPERIODE_JAREN
from ivp.exceptions import GELIJKTIJDIG_GEWIJZIGD, Geweigerd
from ivp.models import Gebruiker, Gemeente, Plan
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from ivp.versies import vereis_versie
from stappen.constants import (
    JAARLIJKSE_SOORTEN,
    STAP_DOCUMENT,
    DocumentSoort,
    StapNummer,
    StapStatus,
)
from stappen.models import (
    Document,
    Prioritering,
    Stap,
)
from stappen.services.documenten import (
    hoofdstukken_create,
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
    looptijd_motivatie: str = "",
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
        looptijd_motivatie=looptijd_motivatie.strip(),
    )
    plan.full_clean()
    plan.vereis_motivatie_looptijd()
    bewaar(plan, door=door, valideer=False)  # validated above
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
def plan_update(*, plan: Plan, door: Gebruiker, versie: int | None = None, **velden: Any) -> Plan:
    """Change a plan's title, period or extension; the steps must still fit in it."""
    vereis_regie(plan, door)
    vereis_versie(plan, versie)
    for naam, waarde in velden.items():
        setattr(plan, naam, waarde)
    # The steps first: a period cut short is refused for its deadlines before its motivation
    # (`Plan.vereis_motivatie_looptijd`, checked here and not in the form).
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
    plan.full_clean()
    plan.vereis_motivatie_looptijd()
    bewaar(plan, door=door, valideer=False)  # validated above, after the steps' check
    return plan


@transaction.atomic
def stap_plan(
    *, stap: Stap, door: Gebruiker, gepland_start: dt.date, gepland_eind: dt.date
) -> Stap:
    """Change the planned start and deadline of a step that is not yet afgerond."""
    vereis_regie(stap.plan, door)
    if stap.status == StapStatus.AFGEROND:
        raise Geweigerd("Een afgeronde stap plant u niet meer; heropen hem eerst.")
    stap.gepland_start = gepland_start
    stap.gepland_eind = gepland_eind
    try:
        bewaar(stap, door=door, velden=["gepland_start", "gepland_eind"])
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
    bewaar(document, door=door)
    hoofdstukken_create(document)
    return document
