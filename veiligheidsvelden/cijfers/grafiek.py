"""The trend chart of the veiligheidsbeeld: pure geometry, no database.

One line per area (the gemeente, each neighbour, the Netherlands) over the years. The lines
differ in style (the gemeente thick and solid, the Netherlands dashed, neighbours thin and
dotted) and each ends in its name, so the chart reads without colour; the same figures are in
the table beside it. Coordinates are plain floats written with a decimal point by the
template (`{% localize off %}`), as in `werkgroep/grafiek.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

BREEDTE, HOOGTE = 640, 300
LINKS, RECHTS, BOVEN, ONDER = 56, 150, 16, 40
LABEL_AFSTAND = 12  # end labels closer than this move apart


@dataclass
class Lijn:
    naam: str
    soort: str  # gemeente, buur, nederland
    pad: str
    punten: list[tuple[float, float]]
    label: tuple[float, float]


@dataclass
class Lijngrafiek:
    breedte: int
    hoogte: int
    lijnen: list[Lijn]
    y_labels: list[tuple[float, str]]
    x_labels: list[tuple[float, str]]
    assen: dict[str, float]


def _rond_af(top: float) -> float:
    """A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten."""
    if top <= 0:
        return 1.0
    macht = 10 ** len(str(int(top))) / 10 if top >= 1 else 0.1
    for factor in (1, 2, 2.5, 5, 10):
        if top <= factor * macht:
            return factor * macht
    return 10 * macht


def _label(waarde: float) -> str:
    return f"{waarde:g}".replace(".", ",")


def lijngrafiek(
    jaren: Sequence[int], reeksen: Sequence[tuple[str, str, dict[int, Decimal]]]
) -> Lijngrafiek | None:
    """The chart of `reeksen` (name, soort, value per year) over `jaren`; None without data."""
    alle = [float(w) for _, _, waarden in reeksen for w in waarden.values()]
    if not jaren or not alle:
        return None
    top = _rond_af(max(alle))
    plot_b = BREEDTE - LINKS - RECHTS
    plot_h = HOOGTE - BOVEN - ONDER
    stap = plot_b / max(len(jaren) - 1, 1)

    def x(jaar: int) -> float:
        return round(LINKS + stap * jaren.index(jaar), 1)

    def y(waarde: float) -> float:
        return round(BOVEN + plot_h * (1 - waarde / top), 1)

    lijnen: list[Lijn] = []
    for naam, soort, waarden in reeksen:
        punten = [(x(j), y(float(waarden[j]))) for j in jaren if j in waarden]
        if not punten:
            continue
        pad = " ".join(f"{'M' if i == 0 else 'L'}{px},{py}" for i, (px, py) in enumerate(punten))
        lijnen.append(Lijn(naam, soort, pad, punten, (punten[-1][0] + 8, punten[-1][1])))
    # End labels: in height order, each at least LABEL_AFSTAND below the previous one.
    vorige = -1e9
    for lijn in sorted(lijnen, key=lambda lijn: lijn.label[1]):
        ly = max(lijn.label[1], vorige + LABEL_AFSTAND)
        lijn.label = (lijn.label[0], round(ly, 1))
        vorige = ly
    return Lijngrafiek(
        breedte=BREEDTE,
        hoogte=HOOGTE,
        lijnen=lijnen,
        y_labels=[(y(top * i / 4), _label(top * i / 4)) for i in range(5)],
        x_labels=[(x(j), str(j)) for j in jaren],
        assen={
            "links": LINKS,
            "rechts": BREEDTE - RECHTS,
            "boven": BOVEN,
            "onder": HOOGTE - ONDER,
        },
    )
