"""Choices and the startnotitie's numbers for the werkgroep ("pas toe of leg uit")."""

from decimal import Decimal

from django.db import models


class LidRol(models.TextChoices):
    TREKKER = "trekker", "Trekker (coördinator OOV)"
    LID = "lid", "Lid"
    POLITIE_EXPERT = "politie_expert", "Operationeel expert politie"


class Aanwezigheid(models.TextChoices):
    AANWEZIG = "aanwezig", "Aanwezig"
    AFGEMELD = "afgemeld", "Afwezig met bericht"
    AFWEZIG = "afwezig", "Afwezig"


class ActiepuntStatus(models.TextChoices):
    OPEN = "open", "Open"
    GEREED = "gereed", "Gereed"
    VERVALLEN = "vervallen", "Vervallen"


# The startnotitie: "maximaal 7 a 8 deelnemers", "maximaal 5 a 6 keer bijeen",
# "tussen de 300 a 400 uur van de coördinator". Beyond these only with a motivation.
MAX_LEDEN = 8
MAX_BIJEENKOMSTEN = 6
COORDINATOR_UREN_MIN = Decimal(300)
COORDINATOR_UREN_MAX = Decimal(400)
COORDINATOR_UREN_STANDAARD = Decimal(350)
MAX_UREN_PER_DAG = Decimal(24)
# Budget warnings: at 80 % and at 100 % of the budget.
WAARSCHUWING_PROCENT = 80


def budget_wijkt_af(rol: str, uren: Decimal) -> bool:
    """A budget that needs a motivation: the trekker's (the coordinator's) outside 300–400."""
    return rol == LidRol.TREKKER and not (COORDINATOR_UREN_MIN <= uren <= COORDINATOR_UREN_MAX)


def bijeenkomst_nummer(nummer: int) -> str:
    """How a meeting of the trajectory is numbered: ‘Bijeenkomst 3 van 6’, and past the
    startnotitie's six ‘Bijeenkomst 21 (de startnotitie voorziet er 6)’."""
    if nummer <= MAX_BIJEENKOMSTEN:
        return f"Bijeenkomst {nummer} van {MAX_BIJEENKOMSTEN}"
    return f"Bijeenkomst {nummer} (de startnotitie voorziet er {MAX_BIJEENKOMSTEN})"


def uren_tekst(waarde: Decimal | int | float | None) -> str:
    """7.50 → '7,5'; 350.0 → '350'; None → '—'."""
    if waarde is None:
        return "—"
    getal = Decimal(str(waarde)).quantize(Decimal("0.01"))
    tekst = f"{getal:f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",") if tekst not in ("", "-0") else "0"
