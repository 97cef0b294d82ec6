"""The burn-down geometry (werkgroep/grafiek.py): pure functions, no database."""

import datetime as dt
import random
import re
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation

from tests.werkgroep import grafiek_oud
from werkgroep.grafiek import BOVEN, BREEDTE, HOOGTE, LINKS, ONDER, RECHTS, burndown, tempo

START = dt.date(2022, 6, 1)
EIND = dt.date(2023, 3, 31)
ONDERKANT = HOOGTE - ONDER  # y of zero hours
RECHTERKANT = BREEDTE - RECHTS  # x of the last deadline
GETAL = r"\d+(?:\.\d)?"
OUD = (Path(__file__).parent / "burndown_oud.html").read_text()


def grafiek(**kwargs):
    waarden = {
        "start": START,
        "eind": EIND,
        "vandaag": dt.date(2022, 10, 20),
        "budget": Decimal(100),
        "per_dag": [],
        "deadlines": [],
    } | kwargs
    return burndown(**waarden)


def punten(pad: str) -> list[tuple[float, float]]:
    """The (x, y) of an SVG path of M/L commands, each written as `x,y` with decimal points."""
    stukken = pad.split(" ")
    assert all(re.fullmatch(rf"[ML]{GETAL},{GETAL}", s) for s in stukken), pad
    paren = (s[1:].split(",") for s in stukken)
    return [(float(x), float(y)) for x, y in paren]


def test_the_ideal_line_runs_from_the_budget_at_the_start_to_zero_at_the_end():
    g = grafiek()
    assert punten(g.ideaal) == [(LINKS, BOVEN), (RECHTERKANT, ONDERKANT)]
    assert g.assen == {"links": LINKS, "onder": ONDERKANT, "rechts": RECHTERKANT, "boven": BOVEN}
    assert (g.breedte, g.hoogte) == (BREEDTE, HOOGTE)


def test_the_actual_line_steps_down_per_day_and_ends_today():
    g = grafiek(
        per_dag=[(dt.date(2022, 7, 1), Decimal(25)), (dt.date(2022, 9, 1), Decimal("12.5"))],
    )
    lijn = punten(g.werkelijk)
    assert lijn[0] == (LINKS, BOVEN)  # the whole budget at the start
    assert [y for _, y in lijn[1:]] == [
        BOVEN + (ONDERKANT - BOVEN) * 0.25,
        round(BOVEN + (ONDERKANT - BOVEN) * 0.375, 1),
        round(BOVEN + (ONDERKANT - BOVEN) * 0.375, 1),
    ]
    xs = [x for x, _ in lijn]
    assert xs == sorted(xs)
    assert g.werkelijk_eind == lijn[-1]
    assert g.punten == [
        (dt.date(2022, 7, 1), Decimal(75)),
        (dt.date(2022, 9, 1), Decimal("62.5")),
    ]
    assert g.samenvatting == (
        "Van het budget van 100 uur is 37,5 uur besteed; er resteert 62,5 uur."
    )


def test_coordinates_are_floats_with_a_decimal_point_never_the_dutch_comma():
    g = grafiek(budget=Decimal(7), per_dag=[(dt.date(2022, 8, 3), Decimal("2.5"))])
    getallen = [
        *g.werkelijk_eind,
        *(y for y, _ in g.y_labels),
        *(x for x, _ in g.x_labels),
        *(x for x, _ in g.deadlines),
    ]
    assert all(isinstance(getal, float | int) for getal in getallen)
    assert any(getal != int(getal) for getal in getallen)  # fractions occur
    for pad in (g.ideaal, g.werkelijk):
        punten(pad)  # every coordinate `x.y`, pairs separated by one comma


def test_the_rendered_svg_keeps_the_decimal_point_in_dutch():
    g = grafiek(budget=Decimal(7), per_dag=[(dt.date(2022, 8, 3), Decimal("2.5"))])
    with translation.override("nl"):
        html = render_to_string("werkgroep/_burndown.html", {"pagina": SimpleNamespace(grafiek=g)})
    attributen = re.findall(r'\b(?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', html)
    assert attributen and all(re.fullmatch(r"-?[\d.]+", a) for a in attributen), attributen
    for pad in re.findall(r'\bd="([^"]*)"', html):
        punten(pad)
    assert "er resteert 4,5 uur" in html  # the text is Dutch


def test_overspending_and_dates_outside_the_trajectory_stay_inside_the_plot():
    g = grafiek(
        vandaag=dt.date(2024, 1, 1),
        per_dag=[(dt.date(2022, 5, 1), Decimal(10)), (dt.date(2023, 6, 1), Decimal(150))],
    )
    lijn = punten(g.werkelijk)
    assert all(LINKS <= x <= RECHTERKANT for x, _ in lijn)
    assert all(BOVEN <= y <= ONDERKANT for _, y in lijn)
    assert g.werkelijk_eind == (RECHTERKANT, ONDERKANT)
    assert "er resteert -60 uur" in g.samenvatting


def test_labels_per_quarter_on_a_long_trajectory_the_budget_quarters_and_the_deadlines():
    g = grafiek(
        start=dt.date(2022, 6, 1),
        eind=dt.date(2024, 6, 1),
        budget=Decimal(350),
        deadlines=[(2, dt.date(2022, 10, 31)), (4, dt.date(2024, 6, 1))],
    )
    assert [label for _, label in g.x_labels] == [
        "jul 2022",
        "okt",
        "jan 2023",
        "apr",
        "jul",
        "okt",
        "jan 2024",
        "apr",
    ]
    assert [label for _, label in g.y_labels] == ["0", "88", "175", "262", "350"]
    assert g.y_labels[0][0] == ONDERKANT and g.y_labels[-1][0] == BOVEN
    assert g.deadlines[-1] == (RECHTERKANT, "stap 4", 0)
    assert LINKS < g.deadlines[0][0] < RECHTERKANT


def test_a_year_long_trajectory_has_a_label_for_every_month():
    g = grafiek(start=dt.date(2023, 1, 1), eind=dt.date(2023, 12, 31))
    assert g.x_labels[0] == (float(LINKS), "jan 2023")
    assert [label for _, label in g.x_labels] == [
        "jan 2023", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"
    ]  # fmt: skip
    xs = [x for x, _ in g.x_labels]
    assert xs == sorted(xs) and all(LINKS <= x <= RECHTERKANT for x in xs)


def test_the_step_markers_come_in_date_order_with_their_number_and_do_not_overlap():
    g = grafiek(
        deadlines=[
            (1, dt.date(2022, 6, 30)),
            (2, dt.date(2022, 9, 30)),
            (3, dt.date(2022, 12, 31)),
            (4, dt.date(2023, 3, 31)),
            (5, dt.date(2023, 3, 1)),  # the uitvoeringsplan's deadline before the IVP's
            (6, dt.date(2023, 3, 20)),
        ]
    )
    assert [label for _, label, _ in g.deadlines] == [
        "stap 1", "stap 2", "stap 3", "stap 5", "stap 6", "stap 4"
    ]  # fmt: skip
    xs = [x for x, _, _ in g.deadlines]
    assert xs == sorted(xs)
    for (x1, _, rij1), (x2, _, rij2) in zip(g.deadlines, g.deadlines[1:], strict=False):
        assert x2 - x1 >= 48 or rij1 != rij2  # close labels go on different rows


def test_a_budget_below_one_hour_still_draws_and_an_empty_trajectory_does_not_divide_by_zero():
    g = grafiek(budget=Decimal("0.5"), eind=START, vandaag=START)
    assert punten(g.ideaal)[0] == (LINKS, BOVEN)
    assert g.werkelijk_eind[0] == LINKS


def test_tempo_is_hours_per_day_since_the_start_including_today():
    assert tempo(START, dt.date(2022, 6, 10), Decimal(20)) == Decimal(2)
    assert tempo(START, START, Decimal(3)) == Decimal(3)
    assert tempo(START, dt.date(2022, 5, 1), Decimal(3)) == Decimal(0)  # not yet begun


# Issue 8: the actual line's points written out instead of through x() and y(), the grid and
# the deadline markers written by template tags; the same chart and SVG as before, compared with
# frozen copies of the old function (`grafiek_oud.py`) and template (`burndown_oud.html`).


def _trajecten():
    """Trajectories in every corner: long and short, days before the start and after the end,
    hours beyond the budget (remaining below zero), decimals, a budget below one hour."""
    rng = random.Random(8)
    for n in range(60):
        start = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(400))
        eind = start + dt.timedelta(days=rng.choice([0, 1, 30, 200, 400, 1500]))
        dagen = sorted(
            {
                start + dt.timedelta(days=rng.randrange(-20, (eind - start).days + 40))
                for _ in range(rng.randrange(0, 120))
            }
        )
        per_dag = [(d, Decimal(rng.randrange(1, 2400)) / 100) for d in dagen]
        budget = Decimal(rng.choice([0.5, 7, 100, 350, 2000, 9999]))
        deadlines = [
            (nummer, start + dt.timedelta(days=rng.randrange(-5, (eind - start).days + 5)))
            for nummer in range(1, rng.randrange(1, 8))
        ]
        vandaag = start + dt.timedelta(days=rng.randrange(-10, (eind - start).days + 60))
        yield {
            "start": start,
            "eind": eind,
            "vandaag": vandaag,
            "budget": budget,
            "per_dag": per_dag,
            "deadlines": deadlines,
        } | ({"per_dag": [*per_dag, (eind, budget * 3)]} if n % 5 == 0 else {})


def _gelijk(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def test_the_chart_is_what_the_old_geometry_drew():
    for waarden in _trajecten():
        assert asdict(burndown(**waarden)) == asdict(grafiek_oud.burndown(**waarden)), waarden


def test_the_svg_is_what_the_old_template_wrote():
    oud = engines["django"].from_string(OUD)
    for waarden in _trajecten():
        context = {"pagina": SimpleNamespace(grafiek=burndown(**waarden))}
        with translation.override("nl"):
            nieuw = render_to_string("werkgroep/_burndown.html", context)
            assert _gelijk(nieuw) == _gelijk(oud.render(context)), waarden
