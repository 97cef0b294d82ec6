"""The memory of one worker exporting many hour entries (issue 8: an export of 50,000 entries
must not grow a worker's memory past 100 MB).

    .venv/bin/python bench/geheugen.py              # make the database once, then measure
    .venv/bin/python bench/geheugen.py --aantal 50000 --herhaal 2

Its own SQLite database (`/tmp/ivp-bench-geheugen.sqlite3`, or `DATABASE_URL`): migrated, the
demo loaded, then `--aantal` entries spread over the demo werkgroep's members, inserted in
bulk (the speed of the services is not what is measured here; the export reads rows, not
history). Each measurement runs in a fresh process: the resident memory (VmRSS) once Django,
openpyxl and the first query are loaded, then its peak (VmHWM) while the export runs:

- `csv`: the streaming CSV of the hours page (`werkgroep.export.csv_stroom` over
  `export_rijen`), read piece by piece as the server writes it out;
- `xlsx`: the Excel maker of the background download (`werkgroep.tasks.uren_xlsx_maak`),
  the whole file's bytes returned as the task stores them.
With `--tracemalloc` also the Python allocations' peak, in a second (slower) run of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

DB = "sqlite:////tmp/ivp-bench-geheugen.sqlite3"


def _kib(veld: str) -> int:
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith(veld + ":"):
            return int(regel.split()[1])
    raise RuntimeError(veld)


def _django() -> None:
    os.environ.setdefault("DATABASE_URL", DB)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import _django  # noqa: F401


def maak(aantal: int) -> None:
    _django()
    from django.core.management import call_command

    from ivp.models import Plan
    from werkgroep.models import Lid, Urenregistratie

    call_command("migrate", verbosity=0, interactive=False)
    if not Plan.objects.exists():
        call_command("demo", verbosity=0)
    plan = Plan.objects.filter(gemeente__naam="Steenwijkerland").latest("periode_start")
    al = Urenregistratie.objects.filter(lid__werkgroep__plan=plan).count()
    if al >= aantal:
        return
    leden = list(Lid.objects.filter(werkgroep__plan=plan))
    stappen = list(plan.stappen.order_by("nummer"))
    nieuw = [
        Urenregistratie(
            lid=leden[n % len(leden)],
            datum=plan.traject_start + dt.timedelta(days=n // (len(leden) * 4) % 140),
            uren=Decimal("1.25"),
            stap=stappen[n % len(stappen)],
            omschrijving=f"Geheugenproef {n}: overleg met de partners over de aanpak",
        )
        for n in range(aantal - al)
    ]
    Urenregistratie.objects.bulk_create(nieuw, batch_size=2000)
    print(f"{aantal - al} uren toegevoegd (nu {aantal})")


def meet(soort: str, met_tracemalloc: bool) -> None:
    """One measurement in this (fresh) process; prints one line of figures."""
    _django()
    import openpyxl  # noqa: F401  (loaded before the baseline, as in a warm worker)

    from ivp.models import Gebruiker, Plan
    from werkgroep import export, selectors, tasks
    from werkgroep.models import Urenregistratie

    coordinator = Gebruiker.objects.get(username="coordinator")
    plan = Plan.objects.filter(gemeente__naam="Steenwijkerland").latest("periode_start")
    aantal = Urenregistratie.objects.filter(lid__werkgroep__plan=plan).count()
    if met_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    voor = _kib("VmRSS")
    start = time.perf_counter()
    if soort == "csv":
        grootte = 0
        for stuk in export.csv_stroom(selectors.export_rijen(coordinator, plan.pk)):
            grootte += len(stuk)
    else:
        grootte = len(tasks.uren_xlsx_maak(coordinator, {"plan_id": plan.pk}))
    duur = time.perf_counter() - start
    piek = _kib("VmHWM")
    extra = ""
    if met_tracemalloc:
        import tracemalloc

        extra = f" tracemalloc-piek={tracemalloc.get_traced_memory()[1] / 2**20:.1f}MiB"
    print(
        f"{soort}: {aantal} uren, {grootte / 2**20:.1f} MiB bestand, {duur:.1f} s, "
        f"RSS voor={voor / 1024:.0f}MiB piek={piek / 1024:.0f}MiB "
        f"groei={(piek - voor) / 1024:.0f}MiB{extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=50_000)
    parser.add_argument("--herhaal", type=int, default=1)
    parser.add_argument("--maak", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--meet", choices=["csv", "xlsx"], help=argparse.SUPPRESS)
    parser.add_argument("--tracemalloc", action="store_true", help="also tracemalloc's peak")
    args = parser.parse_args()
    if args.maak:
        maak(args.maak)
        return
    if args.meet:
        meet(args.meet, args.tracemalloc)
        return
    # The rows are made in a process of their own, so its memory is not in the figures.
    subprocess.run([sys.executable, __file__, "--maak", str(args.aantal)], check=True)
    for _ in range(args.herhaal):
        for soort in ("csv", "xlsx"):
            subprocess.run([sys.executable, __file__, "--meet", soort], check=True)
    if args.tracemalloc:
        for soort in ("csv", "xlsx"):
            subprocess.run([sys.executable, __file__, "--meet", soort, "--tracemalloc"], check=True)


if __name__ == "__main__":
    main()
