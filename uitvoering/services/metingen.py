"""Indicator values entered by hand: a gemeente's own indicator for a doelstelling (source
`EIGEN`) and its value per year, as `veiligheidsvelden.Meting` rows. The open-data figures
(CBS, politie) come from their import and are not entered here."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from stappen import services as stappen_services
from stappen.models import Doelstelling
from veiligheidsvelden.constants import IndicatorBron, Richting
from veiligheidsvelden.models import Indicator, Meting

JAAR_MIN, JAAR_MAX = 2000, 2100


@transaction.atomic
def eigen_indicator_koppel(
    *,
    doelstelling: Doelstelling,
    door: Gebruiker,
    naam: str,
    eenheid: str,
    richting: str = Richting.LAGER,
) -> Indicator:
    """An own indicator of the gemeente, measuring `doelstelling` (while the IVP is a
    concept: the link is part of the IVP)."""
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    if not naam.strip():
        raise ValidationError({"naam": "Geef de indicator een naam."})
    indicator = Indicator.objects.filter(gemeente=plan.gemeente, naam=naam.strip()).first()
    if indicator is None:
        indicator = bewaar(
            Indicator(
                gemeente=plan.gemeente,
                naam=naam.strip(),
                eenheid=eenheid.strip(),
                bron=IndicatorBron.EIGEN,
                richting=richting,
            ),
            door=door,
        )
    stappen_services.doelstelling_update(
        doelstelling=doelstelling, door=door, meetindicator=indicator
    )
    return indicator


@transaction.atomic
def meting_save(
    *, doelstelling: Doelstelling, door: Gebruiker, jaar: int, waarde: Decimal
) -> Meting:
    """The value of the doelstelling's own indicator for the gemeente in `jaar` (a second
    save corrects it; the history keeps the old value)."""
    plan = doelstelling.plaatsing.plan
    vereis_regie(plan, door)
    indicator = doelstelling.meetindicator
    if indicator is None:
        raise Geweigerd(
            "Deze doelstelling heeft nog geen indicator om te meten; koppel er eerst een."
        )
    if indicator.bron != IndicatorBron.EIGEN:
        raise Geweigerd(
            "De waarden van deze indicator komen uit de open data (CBS, politie); die vult u "
            "niet met de hand in."
        )
    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise ValidationError({"jaar": f"Vul een jaar in tussen {JAAR_MIN} en {JAAR_MAX}."})
    gemeente = plan.gemeente
    meting = Meting.objects.filter(
        indicator=indicator, gebied_code=gemeente.cbs_code, jaar=jaar, maand=0
    ).first() or Meting(
        indicator=indicator,
        gebied_code=gemeente.cbs_code,
        gebied_naam=gemeente.naam,
        gemeente=gemeente,
        jaar=jaar,
        maand=0,
    )
    meting.waarde = waarde
    meting.bron = f"Ingevoerd door {door}"
    meting.opgehaald_op = timezone.now()
    return bewaar(meting, door=door, reden="Waarde met de hand ingevoerd")
