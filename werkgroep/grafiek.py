"""The burn-down chart of the uren page: pure geometry, no database.

`burndown` turns a budget and the hours spent per day into the coordinates of a
server-rendered SVG. Coordinates are plain floats (rounded to 0.1), written with a decimal
point by the template (`{% localize off %}`), never with the Dutch decimal comma.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from werkgroep.constants import uren_tekst

NUL = Decimal(0)

# The SVG's size and the margins around the plot, in user units.
BREEDTE, HOOGTE = 720, 320
LINKS, RECHTS, BOVEN, ONDER = 64, 20, 20, 48


def tempo(start: dt.date, vandaag: dt.date, besteed: Decimal) -> Decimal:
    """Hours per day so far, over the days since the trajectory began."""
    dagen = (vandaag - start).days + 1
    return besteed / dagen if dagen > 0 else NUL


@dataclass
class Grafiek:
    """A server-rendered SVG: remaining hours of the whole werkgroep over time.

    Ideal and actual differ in line style (dashed and solid) and in markers, and each has a
    text label, so the chart reads without colour; the figures are also in a table."""

    breedte: int
    hoogte: int
    ideaal: str
    werkelijk: str
    werkelijk_eind: tuple[float, float]
    assen: dict[str, float]
    y_labels: list[tuple[float, str]]
    x_labels: list[tuple[float, str]]
    deadlines: list[tuple[float, str]]
    samenvatting: str
    punten: list[tuple[dt.date, Decimal]]


def burndown(
    *,
    start: dt.date,
    eind: dt.date,
    vandaag: dt.date,
    budget: Decimal,
    per_dag: Sequence[tuple[dt.date, Decimal]],
    deadlines: Sequence[tuple[int, dt.date]],
) -> Grafiek:
    """The chart from `start` to `eind`: the ideal line from the budget to zero, and the
    actual remaining hours after each day in `per_dag` (date order) up to `vandaag`."""
    dagen = max((eind - start).days, 1)
    plot_b = BREEDTE - LINKS - RECHTS
    plot_h = HOOGTE - BOVEN - ONDER
    top = float(max(budget, Decimal(1)))

    def x(datum: dt.date) -> float:
        dag = min(max((datum - start).days, 0), dagen)
        return round(LINKS + plot_b * dag / dagen, 1)

    def y(uren: float) -> float:
        uren = max(min(uren, top), min(0.0, uren))
        return round(BOVEN + plot_h * (1 - max(uren, 0.0) / top), 1)

    ideaal = f"M{x(start)},{y(top)} L{x(eind)},{y(0)}"
    punten_svg = [f"M{x(start)},{y(float(budget))}"]
    punten: list[tuple[dt.date, Decimal]] = []
    resterend = budget
    for datum, uren in per_dag:
        resterend -= uren
        punten.append((datum, resterend))
        punten_svg.append(f"L{x(datum)},{y(float(resterend))}")
    tot = min(vandaag, eind)
    punten_svg.append(f"L{x(tot)},{y(float(resterend))}")
    y_labels = [(y(top * i / 4), f"{round(top * i / 4):g}") for i in range(5)]
    x_labels = []
    jaar = start.year
    while dt.date(jaar, 1, 1) <= eind:
        if dt.date(jaar, 1, 1) >= start:
            x_labels.append((x(dt.date(jaar, 1, 1)), f"1-1-{jaar}"))
        jaar += 1
    samenvatting = (
        f"Van het budget van {uren_tekst(budget)} uur is {uren_tekst(budget - resterend)} uur "
        f"besteed; er resteert {uren_tekst(resterend)} uur."
    )
    return Grafiek(
        breedte=BREEDTE,
        hoogte=HOOGTE,
        ideaal=ideaal,
        werkelijk=" ".join(punten_svg),
        werkelijk_eind=(x(tot), y(float(resterend))),
        assen={"links": LINKS, "onder": BOVEN + plot_h, "rechts": LINKS + plot_b, "boven": BOVEN},
        y_labels=y_labels,
        x_labels=x_labels,
        deadlines=[(x(d), f"stap {n}") for n, d in deadlines],
        samenvatting=samenvatting,
        punten=punten,
    )
