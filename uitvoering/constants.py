"""Choices and numbers of the uitvoering: activity and progress states, quarters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import models


class ActiviteitSoort(models.TextChoices):
    """What kind of activity (the startnotitie: instruments, maatregelen and projects)."""

    INSTRUMENT = "instrument", "Instrument"
    MAATREGEL = "maatregel", "Maatregel"
    PROJECT = "project", "Project"


class ActiviteitStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    LOPEND = "lopend", "Lopend"
    GEREED = "gereed", "Gereed"
    VERTRAAGD = "vertraagd", "Vertraagd"
    VERVALLEN = "vervallen", "Vervallen"


# What does not carry over to next year's plan.
AFGESLOTEN = frozenset({ActiviteitStatus.GEREED, ActiviteitStatus.VERVALLEN})


class VoortgangStatus(models.TextChoices):
    OP_SCHEMA = "op_schema", "Op schema"
    AANDACHT = "aandacht", "Aandacht nodig"
    ACHTER = "achter", "Achter op schema"


KWARTALEN = (1, 2, 3, 4)
KWARTAAL_KEUZES = [(k, f"K{k}") for k in KWARTALEN]

# Spending above this share of the budget is flagged on the page (allowed, not refused).
OVERSCHRIJDING = Decimal("1.10")


def kwartaal_van(datum: dt.date) -> int:
    return (datum.month - 1) // 3 + 1


def kwartaal_start(jaar: int, kwartaal: int) -> dt.date:
    return dt.date(jaar, 3 * (kwartaal - 1) + 1, 1)


def kwartaal_eind(jaar: int, kwartaal: int) -> dt.date:
    if kwartaal == 4:
        return dt.date(jaar, 12, 31)
    return kwartaal_start(jaar, kwartaal + 1) - dt.timedelta(days=1)


def bedrag(waarde: Decimal | None) -> str:
    """€ 12.500 (whole euros, Dutch thousands separator), or € 12.500,50."""
    if waarde is None:
        return "–"
    geheel = waarde == waarde.to_integral_value()
    tekst = f"{waarde:,.0f}" if geheel else f"{waarde:,.2f}"
    return "€ " + tekst.replace(",", "_").replace(".", ",").replace("_", ".")
