"""The small chart of a doelstelling's indicator: its value per year against the nulmeting
and the streefwaarde. Pure geometry for a server-rendered SVG in the style of the werkgroep's
burn-down (`werkgroep/grafiek.py`): coordinates are floats rounded to 0.1 and written with a
decimal point (`{% localize off %}`); lines differ in style and carry a text label, and the
figures are in a table beside the chart, so it reads without colour."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

BREEDTE, HOOGTE = 480, 240
LINKS, RECHTS, BOVEN, ONDER = 56, 128, 16, 36


def getal(waarde: Decimal) -> str:
    return f"{waarde.normalize():f}".replace(".", ",")


def rond_op(waarde: float) -> float:
    """The axis' top: the next 1, 2, 2.5, 3, 4 or 5 times a power of ten (265 → 300)."""
    if waarde <= 0:
        return 1.0
    macht = 10 ** math.floor(math.log10(waarde))
    return next(f * macht for f in (1, 2, 2.5, 3, 4, 5, 10) if f * macht >= waarde)


@dataclass
class Lijn:
    y: float
    label: str


@dataclass
class Indicatorgrafiek:
    breedte: int
    hoogte: int
    pad: str
    punten: list[tuple[float, float, str]]
    nulmeting: Lijn | None
    streefwaarde: Lijn | None
    x_labels: list[tuple[float, str]]
    y_labels: list[tuple[float, str]]
    assen: dict[str, float]
    samenvatting: str


def indicatorgrafiek(
    *,
    waarden: list[tuple[int, Decimal]],
    nulmeting: Decimal | None,
    nulmeting_jaar: int | None,
    streefwaarde: Decimal | None,
    streefjaar: int | None,
    eenheid: str = "",
) -> Indicatorgrafiek | None:
    """None when there is nothing to draw (no value and no nulmeting or target)."""
    jaren = [j for j, _ in waarden] + [j for j in (nulmeting_jaar, streefjaar) if j]
    getallen = [w for _, w in waarden] + [w for w in (nulmeting, streefwaarde) if w is not None]
    if not jaren or not getallen:
        return None
    eerste, laatste = min(jaren), max(jaren)
    if laatste == eerste:
        laatste += 1
    top = rond_op(float(max(getallen)) * 1.1)
    plot_b, plot_h = BREEDTE - LINKS - RECHTS, HOOGTE - BOVEN - ONDER

    def x(jaar: int) -> float:
        return round(LINKS + plot_b * (jaar - eerste) / (laatste - eerste), 1)

    def y(waarde: Decimal | float) -> float:
        return round(BOVEN + plot_h * (1 - max(float(waarde), 0.0) / top), 1)

    punten = [(x(j), y(w), f"{j}: {getal(w)}") for j, w in waarden]
    pad = " ".join(f"{'M' if i == 0 else 'L'}{px},{py}" for i, (px, py, _) in enumerate(punten))
    stap = max(1, (laatste - eerste + 1) // 6)
    x_labels = [(x(j), str(j)) for j in range(eerste, laatste + 1, stap)]
    y_labels = [(y(top * i / 4), getal(Decimal(str(round(top * i / 4, 1))))) for i in range(5)]
    delen = []
    if waarden:
        j, w = waarden[-1]
        delen.append(f"Laatste waarde {getal(w)} {eenheid} in {j}.".replace("  ", " "))
    if nulmeting is not None:
        delen.append(
            f"Nulmeting {getal(nulmeting)}" + (f" ({nulmeting_jaar})." if nulmeting_jaar else ".")
        )
    if streefwaarde is not None:
        delen.append(
            f"Streefwaarde {getal(streefwaarde)}" + (f" ({streefjaar})." if streefjaar else ".")
        )
    return Indicatorgrafiek(
        breedte=BREEDTE,
        hoogte=HOOGTE,
        pad=pad,
        punten=punten,
        nulmeting=Lijn(y(nulmeting), f"nulmeting {getal(nulmeting)}")
        if nulmeting is not None
        else None,
        streefwaarde=Lijn(y(streefwaarde), f"streefwaarde {getal(streefwaarde)}")
        if streefwaarde is not None
        else None,
        x_labels=x_labels,
        y_labels=y_labels,
        assen={"links": LINKS, "rechts": LINKS + plot_b, "boven": BOVEN, "onder": BOVEN + plot_h},
        samenvatting=" ".join(delen),
    )
