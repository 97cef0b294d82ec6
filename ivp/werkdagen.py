"""Werkdagen: Monday to Friday, except the Dutch public holidays (the `holidays` package)."""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays


@cache
def _feestdagen(jaar: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("NL", years=jaar))


def is_werkdag(dag: dt.date) -> bool:
    return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def werkdagen_tot(vandaag: dt.date, deadline: dt.date) -> int:
    """The werkdagen after `vandaag` up to and including `deadline` (0 on the day itself or
    when only weekend and holidays lie between; negative never: a past deadline gives 0)."""
    aantal = 0
    dag = vandaag + dt.timedelta(days=1)
    while dag <= deadline:
        aantal += is_werkdag(dag)
        dag += dt.timedelta(days=1)
    return aantal


def werkdag_op_of_voor(dag: dt.date) -> dt.date:
    """`dag` when it is a werkdag, else the werkdag before it (a deadline on a Saturday or on
    Koningsdag moves to the day the office is open before it)."""
    while not is_werkdag(dag):
        dag -= dt.timedelta(days=1)
    return dag


def werkdagen_terug(dag: dt.date, aantal: int) -> dt.date:
    """The werkdag `aantal` werkdagen before `dag` (0: `dag` itself, or the werkdag before it
    when `dag` is none)."""
    dag = werkdag_op_of_voor(dag)
    for _ in range(aantal):
        dag = werkdag_op_of_voor(dag - dt.timedelta(days=1))
    return dag
