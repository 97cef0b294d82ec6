"""CPU time and Python calls of one request, per page of `pages.py` and per write of the mix
of `load.py` (the hour entry posted to the uren page, the Excel file asked for), in this
process through Django's test client as the demo coordinator. On a shared machine the wall
time of a request is mostly waiting; the process CPU time (`time.process_time`, median of
`--herhaal` after two warm-ups) and the number of Python function calls (cProfile, one
request) depend much less on what else runs.

    .venv/bin/python bench/cpu.py --alleen uren --herhaal 20
    .venv/bin/python bench/cpu.py --schrijven        # also the mix's POSTs (they add rows)

The hour entries posted are the mix's: 0,25 hour for an external member on a day of the
trajectory, each to another member/day, so the 24-hour check never refuses one.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import itertools
import os
import pstats
import statistics
import time
from collections.abc import Callable
from typing import Any

# The settings of load.py: the bare page, and with a broker the tasks queued (not run here).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load_settings")

import _django  # noqa: F401  (Django set up on the bench database)
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pages import _lees, _paginas
from scale import demo_plan

from ivp.models import Gebruiker
from werkgroep.models import Lid
from werkgroep.tasks import uren_xlsx_maak

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def _meet(naam: str, verzoek: Callable[[], Any], herhaal: int) -> None:
    verzoek()
    with CaptureQueriesContext(connection) as queries:
        response = verzoek()
    status = response.status_code
    profiel = cProfile.Profile()
    profiel.enable()
    verzoek()
    profiel.disable()
    calls = sum(s[1] for s in pstats.Stats(profiel).stats.values())  # type: ignore[attr-defined]
    tijden = []
    for _ in range(herhaal):
        start = time.process_time()
        verzoek()
        tijden.append((time.process_time() - start) * 1000)
    print(
        f"{naam:<28} {status:>6} {len(queries):>7} {statistics.median(tijden):>8.1f} "
        f"{min(tijden):>8.1f} {calls:>9}"
    )


def _schrijven(client: Client) -> list[tuple[str, Callable[[], Any]]]:
    plan = demo_plan()
    leden = list(
        Lid.objects.filter(werkgroep__plan=plan, gebruiker__isnull=True).values_list(
            "pk", flat=True
        )
    )
    dagen = max((min(dt.date.today(), plan.einde) - plan.traject_start).days, 1)
    paren = itertools.cycle(
        (lid, plan.traject_start + dt.timedelta(days=(n * 37) % dagen))
        for n, lid in enumerate(leden * 40)
    )
    uren = reverse("werkgroep:uren", args=[plan.pk])
    xlsx = reverse("werkgroep:uren_xlsx", args=[plan.pk])

    def uren_post() -> Any:
        lid, datum = next(paren)
        data = {
            "lid": lid,
            "datum": f"{datum:%d-%m-%Y}",
            "uren": "0,25",
            "stap": "",
            "omschrijving": "Bench-cpu",
        }
        response = client.post(uren, data)
        assert response.status_code == 302, response.content[-2000:]
        return response

    coordinator = Gebruiker.objects.get(username="coordinator")

    def xlsx_maken() -> Any:  # what the Celery worker does for one download, beside gunicorn
        return _Antwoord(len(uren_xlsx_maak(coordinator, {"plan_id": plan.pk})))

    return [
        ("uren POST (302)", uren_post),
        ("uren.xlsx POST", lambda: client.post(xlsx)),
        ("uren.xlsx maken (werker)", xlsx_maken),
    ]


class _Antwoord:
    """Not a response: the maker's bytes, with a status for the table."""

    def __init__(self, grootte: int):
        self.status_code = grootte


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=15)
    parser.add_argument("--alleen", default="")
    parser.add_argument("--schrijven", action="store_true")
    args = parser.parse_args()
    client = Client()
    client.force_login(Gebruiker.objects.get(username="coordinator"))

    def lees(url: str) -> Any:
        response = client.get(url)
        _lees(response)
        return response

    paginas = [("kaal", reverse("bench_kaal")), *_paginas()]
    verzoeken: list[tuple[str, Callable[[], Any]]] = [
        (naam, lambda url=url: lees(url))  # type: ignore[misc]
        for naam, url in paginas
        if args.alleen in naam or naam == "kaal"
    ]
    if args.schrijven:
        verzoeken += [(n, v) for n, v in _schrijven(client) if args.alleen in n]
    print(f"{'verzoek':<28} {'code':>6} {'queries':>7} {'CPU ms':>8} {'min':>8} {'calls':>9}")
    for naam, verzoek in verzoeken:
        _meet(naam, verzoek, args.herhaal)


if __name__ == "__main__":
    main()
