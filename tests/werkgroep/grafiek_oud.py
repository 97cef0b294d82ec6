"""Frozen copy of `werkgroep/grafiek.py` before issue 8's chart work (branch uren3): every
point of the actual line through `x()` and `y()`. `test_grafiek.py` compares today's
`burndown` with this one on many trajectories: the same chart, coordinate for coordinate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from werkgroep.constants import uren_tekst

NUL = Decimal(0)

# The SVG's size and the margins around the plot, in user units.
BREEDTE, HOOGTE = 720, 340
LINKS, RECHTS, BOVEN, ONDER = 64, 20, 20, 68
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# Deadline labels closer together than this (user units) go on alternating rows.
LABELAFSTAND = 48


def tempo(start: dt.date, vandaag: dt.date, besteed: Decimal) -> Decimal:
    """Hours per day so far, over the days since the trajectory began."""
    dagen = (vandaag - start).days + 1
    return besteed / dagen if dagen > 0 else NUL


def maandlabels(start: dt.date, eind: dt.date) -> list[tuple[dt.date, str]]:
    """The first of each month from `start` to `eind`, labelled "okt", with the year at
    January and at the first label ("jun 2022"); every quarter (jan, apr, jul, okt) when the
    trajectory is longer than a year, every half year when longer than three."""
    maanden = (eind.year - start.year) * 12 + eind.month - start.month
    stap = 1 if maanden <= 12 else 3 if maanden <= 36 else 6
    jaar, maand = (start.year, start.month) if start.day == 1 else _volgende(start)
    labels: list[tuple[dt.date, str]] = []
    while (datum := dt.date(jaar, maand, 1)) <= eind:
        if (maand - 1) % stap == 0:
            naam = MAANDEN[maand - 1]
            labels.append((datum, f"{naam} {jaar}" if maand == 1 or not labels else naam))
        jaar, maand = _volgende(datum)
    return labels


def _volgende(datum: dt.date) -> tuple[int, int]:
    return (datum.year + 1, 1) if datum.month == 12 else (datum.year, datum.month + 1)


def _deadlines(markers: list[tuple[float, int]]) -> list[tuple[float, str, int]]:
    """Markers in date order as (x, "stap n", row): a label close to the previous one on the
    same row goes one row lower, so no two labels overlap."""
    uit: list[tuple[float, str, int]] = []
    for x, nummer in markers:
        rij = 0
        if uit and x - uit[-1][0] < LABELAFSTAND and uit[-1][2] == 0:
            rij = 1
        uit.append((x, f"stap {nummer}", rij))
    return uit


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
    deadlines: list[tuple[float, str, int]]
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
    x_labels = [(x(maand), label) for maand, label in maandlabels(start, eind)]
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
        deadlines=_deadlines(
            [(x(d), n) for n, d in sorted(deadlines, key=lambda nd: (nd[1], nd[0]))]
        ),
        samenvatting=samenvatting,
        punten=punten,
    )
