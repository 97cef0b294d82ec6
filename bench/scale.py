"""Scale the demo through the project's own services, so the data obeys the same guards as a
user's (no bulk inserts, history rows included).

    .venv/bin/python bench/scale.py --vers              # a fresh database with the demo (1×)
    .venv/bin/python bench/scale.py                     # then the issue's 50×
    .venv/bin/python bench/scale.py --plannen 5 --draden 40 --antwoorden 10

What it adds, each part optional (0 skips it):
- `--plannen` plans for the demo gemeenten, each with its steps, documents and chapters
  (about 32 chapters a plan);
- `--draden` threads and `--antwoorden` replies on the prioritering of Steenwijkerland that is
  in review (the demo's one document with comments), every `--opgelost`-th thread resolved;
- `--vergelijk-woorden`: a startnotitie of a new plan with two versions whose seven chapters
  have this many words each, one word in ten changed between them (the comparison page);
- `--leden` external members (no account, so no invitations), `--bijeenkomsten` meetings
  (each with three agenda items) and `--uren` hour entries the coordinator logs for the
  external members, in the werkgroep of the demo's current plan.
The database is the bench one (`bench/_django.py`). Run it once per database: it adds, it does
not top up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from decimal import Decimal

import _django  # noqa: F401  (Django set up on the bench database)
from diff import demo_woorden, hoofdstuk, wijzig
from django.core.management import call_command
from django.db import connection, transaction

from ivp.models import Gebruiker, Gemeente, Plan
from stappen import services
from stappen.constants import DocumentSoort
from stappen.models import Document
from werkgroep import services as werkgroep_services
from werkgroep.constants import LidRol
from werkgroep.uren import services as uren_services

LEDEN = ["politie", "jeugd", "handhaving", "economie", "crisisbeheersing", "wijkzaken"]


def _gebruiker(naam: str) -> Gebruiker:
    return Gebruiker.objects.get(username=naam)


def demo_plan() -> Plan:
    """Steenwijkerland's current plan of the demo (its werkgroep, its prioritering in review)."""
    return (
        Plan.objects.filter(gemeente__naam="Steenwijkerland")
        .exclude(titel__contains="(bench")
        .latest("periode_start")
    )


def vers() -> None:
    """Migrate and load the demo into the bench database."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("demo", verbosity=0)


def plannen(aantal: int) -> None:
    coordinator = _gebruiker("coordinator")
    gemeente = Gemeente.objects.get(naam="Steenwijkerland")
    # Each its own start of the period: a gemeente has one plan per period (ivp.0010).
    for n in range(aantal):
        with transaction.atomic():
            services.plan_create(
                gemeente=gemeente,
                titel=f"Integraal Veiligheidsplan (bench {n + 1})",
                traject_start=dt.date(2030 + n, 6, 1),
                periode_start=dt.date(2031 + n, 1, 1),
                door=coordinator,
            )


def opmerkingen(draden: int, antwoorden: int, opgelost: int, rng: random.Random) -> None:
    coordinator = _gebruiker("coordinator")
    leden = [_gebruiker(naam) for naam in LEDEN]
    document = Document.objects.get(plan=demo_plan(), soort=DocumentSoort.PRIORITERING)
    versie = document.versies.order_by("-hoofd", "-sub").first()
    assert versie is not None, "De prioritering van de demo heeft geen versie."
    secties = [s["sleutel"] for s in versie.inhoud]
    gemaakt = []
    with transaction.atomic():
        for n in range(draden):
            gemaakt.append(
                services.opmerking_create(
                    versie=versie,
                    door=rng.choice(leden),
                    sectie=secties[n % len(secties)],
                    tekst=f"Bench-opmerking {n + 1}: graag een zin over de aanpak.",
                )
            )
        for n in range(antwoorden):
            services.opmerking_reply(
                opmerking=gemaakt[n % len(gemaakt)],
                door=coordinator,
                tekst=f"Antwoord {n + 1}: goed punt, we passen het aan.",
            )
        if opgelost:
            for draad in gemaakt[::opgelost]:
                services.opmerking_resolve(opmerking=draad, door=coordinator)


def vergelijking(woorden: int, rng: random.Random) -> Document:
    coordinator = _gebruiker("coordinator")
    bron = demo_woorden()
    with transaction.atomic():
        plan: Plan = services.plan_create(
            gemeente=Gemeente.objects.get(naam="Steenwijkerland"),
            titel="Integraal Veiligheidsplan (bench vergelijking)",
            traject_start=dt.date(2029, 6, 1),
            periode_start=dt.date(2030, 1, 1),
            door=coordinator,
        )
        document = plan.documenten.get(soort=DocumentSoort.STARTNOTITIE)
        teksten = {}
        for h in document.hoofdstukken.all():
            teksten[h.sleutel] = hoofdstuk(woorden, rng, bron)
            services.hoofdstuk_save(
                hoofdstuk=h, door=coordinator, tekst=teksten[h.sleutel], versie=h.versie
            )
        services.versie_create(document=document, door=coordinator, aanleiding="bench: eerste")
        for h in document.hoofdstukken.all():
            services.hoofdstuk_save(
                hoofdstuk=h,
                door=coordinator,
                tekst=wijzig(teksten[h.sleutel], rng, bron),
                versie=h.versie,
            )
        services.versie_create(document=document, door=coordinator, aanleiding="bench: tweede")
    return document


def werkgroep(leden: int, bijeenkomsten: int, uren: int) -> None:
    coordinator = _gebruiker("coordinator")
    plan = demo_plan()
    extern = []
    with transaction.atomic():
        for n in range(leden):
            extern.append(
                werkgroep_services.lid_add(
                    plan=plan,
                    door=coordinator,
                    rol=LidRol.LID,
                    naam=f"Bench-partner {n + 1}",
                    organisatie=f"Partner {n % 12 + 1}",
                    motivatie="bench: een grote werkgroep",
                )
            )
        for n in range(bijeenkomsten):
            b = werkgroep_services.bijeenkomst_plan(
                plan=plan,
                door=coordinator,
                datum=dt.date(2027, 1, 4) + dt.timedelta(days=7 * n),
                begintijd=dt.time(14),
                eindtijd=dt.time(16),
                locatie="Gemeentehuis",
                motivatie="bench: veel bijeenkomsten",
            )
            for a in range(3):
                werkgroep_services.agendapunt_add(
                    bijeenkomst=b, door=coordinator, onderwerp=f"Agendapunt {a + 1}"
                )
    if not extern or not uren:
        return
    dagen = max((min(dt.date.today(), plan.einde) - plan.traject_start).days, 1)
    with transaction.atomic():
        for n in range(uren):
            uren_services.uren_log(
                lid=extern[n % len(extern)],
                door=coordinator,
                datum=plan.traject_start + dt.timedelta(days=(n // len(extern)) % dagen),
                uren=Decimal("1.5"),
                omschrijving=f"Bench-werk {n + 1}",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vers", action="store_true", help="migrate and load the demo only")
    parser.add_argument("--plannen", type=int, default=50)
    parser.add_argument("--draden", type=int, default=400)
    parser.add_argument("--antwoorden", type=int, default=100)
    parser.add_argument("--opgelost", type=int, default=3, help="every n-th thread resolved")
    parser.add_argument("--vergelijk-woorden", type=int, default=1500)
    parser.add_argument("--leden", type=int, default=72, help="external members")
    parser.add_argument("--bijeenkomsten", type=int, default=144)
    parser.add_argument("--uren", type=int, default=5000, help="hour entries")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    start = time.perf_counter()
    if args.vers:
        vers()
        print(f"demo geladen in {time.perf_counter() - start:.1f} s")
        return
    rng = random.Random(args.seed)
    plannen(args.plannen)
    opmerkingen(args.draden, args.antwoorden, args.opgelost, rng)
    if args.vergelijk_woorden:
        vergelijking(args.vergelijk_woorden, rng)
    werkgroep(args.leden, args.bijeenkomsten, args.uren)
    if connection.vendor == "postgresql":
        # Without autovacuum (as on the bench machines) a freshly scaled database has no
        # statistics and the planner guesses; production has them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{args.plannen} plannen, {args.draden} draden met {args.antwoorden} antwoorden, "
        f"vergelijking van 7 × {args.vergelijk_woorden} woorden, {args.leden} leden, "
        f"{args.bijeenkomsten} bijeenkomsten, {args.uren} uren: "
        f"{time.perf_counter() - start:.1f} s"
    )


if __name__ == "__main__":
    main()
