"""Per main stappen and werkgroep page: its queries and its median server time, through
Django's test client in this process (no network), as the demo's coordinator.

    .venv/bin/python bench/scale.py --vers && .venv/bin/python bench/pages.py --label 1×
    .venv/bin/python bench/scale.py && .venv/bin/python bench/pages.py --label 50×

Server time is the time of `Client.get` (middleware, view, template), the median of
`--herhaal` runs after one warm-up. The comparison page compares the two versions that
`bench/scale.py` made (or, at 1×, the last two versions of a demo document). `--json` prints
the rows for a script; `--alleen NAME` times only the pages whose name contains NAME.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import asdict, dataclass
from typing import Any

import _django  # noqa: F401  (Django set up on the bench database)
from django.conf import settings
from django.core.signals import request_started
from django.db import connection, reset_queries
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from scale import demo_plan

from ivp.models import Gebruiker, Plan
from stappen.constants import DocumentSoort
from stappen.models import Document, Opmerking
from werkgroep import services as werkgroep_services
from werkgroep.models import Agendafeed, Bijeenkomst

settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
# A request empties the query log when it starts; the count is read around the request.
request_started.disconnect(reset_queries)


@dataclass
class Meting:
    pagina: str
    url: str
    queries: int
    mediaan_ms: float
    min_ms: float
    kb: float


def _paginas() -> list[tuple[str, str]]:
    plan = demo_plan()
    prioritering = plan.documenten.get(soort=DocumentSoort.PRIORITERING)
    versie = prioritering.versies.order_by("-hoofd", "-sub").first()
    assert versie is not None
    vergelijk = (
        Document.objects.filter(plan__titel="Integraal Veiligheidsplan (bench vergelijking)")
        .filter(soort=DocumentSoort.STARTNOTITIE)
        .first()
    ) or (
        Document.objects.annotate(n=Count("versies")).filter(n__gte=2).order_by("-n", "pk").first()
    )
    assert vergelijk is not None
    v = list(vergelijk.versies.order_by("hoofd", "sub").values_list("hoofd", "sub"))
    oud, nieuw = (f"{h}.{s}" for h, s in v[-2:])
    drukste = (
        Opmerking.objects.filter(versie__document=prioritering, antwoord_op__isnull=True)
        .values("sectie")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    sectie = drukste["sectie"] if drukste else "inleiding"
    paginas: list[tuple[str, str, list[object]]] = [
        ("start", "start", []),
        ("plan", "stappen:plan", [plan.pk]),
        ("documenten", "stappen:documenten", [plan.pk]),
        ("document (met opmerkingen)", "stappen:document", [prioritering.pk]),
        ("versie", "stappen:versie", [prioritering.pk, versie.nummer]),
        ("opmerkingen bij hoofdstuk", "stappen:sectie_draden", [prioritering.pk, sectie]),
        ("reactienota", "stappen:reactienota", [prioritering.pk]),
        ("versies vergelijken", "stappen:vergelijken", [vergelijk.pk]),
        ("analyse", "stappen:analyse", [plan.pk]),
        ("prioritering", "stappen:prioritering", [plan.pk]),
        ("werkgroep", "werkgroep:werkgroep", [plan.pk]),
        ("bijeenkomst", "werkgroep:bijeenkomst", [_bijeenkomst(plan)]),
        ("agenda-feed (.ics)", "werkgroep:feed", [_feed_token()]),
        ("uren", "werkgroep:uren", [plan.pk]),
        ("uren.csv (gestreamd)", "werkgroep:uren_csv", [plan.pk]),
    ]
    urls = []
    for naam, route, argumenten in paginas:
        try:
            url = reverse(route, args=argumenten)
        except NoReverseMatch:  # a page that an older checkout does not have yet
            continue
        if route == "stappen:vergelijken":
            url += f"?oud={oud}&nieuw={nieuw}"
        urls.append((naam, url))
    return urls


def _bijeenkomst(plan: Plan) -> int:
    """The demo's first meeting (it exists at 1× and 50×; its agenda form lists the threads)."""
    b = Bijeenkomst.objects.filter(werkgroep__plan=plan).order_by("datum", "pk").first()
    assert b is not None
    return b.pk


def _feed_token() -> str:
    coordinator = Gebruiker.objects.get(username="coordinator")
    feed = Agendafeed.objects.filter(gebruiker=coordinator).first()
    if feed is None or feed.is_verlopen(timezone.now()):
        feed = werkgroep_services.agendafeed_create(gebruiker=coordinator)
    return feed.token


def _lees(response: Any) -> bytes:
    """The body of a response, also of a streamed one (the CSV export)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


def meet(client: Client, naam: str, url: str, herhaal: int) -> Meting:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)  # warm-up, and the query count
        inhoud = _lees(response)
    assert response.status_code == 200, (url, response.status_code)
    tijden = []
    for _ in range(herhaal):
        start = time.perf_counter()
        _lees(client.get(url))
        tijden.append((time.perf_counter() - start) * 1000)
    return Meting(
        naam,
        url,
        len(queries),
        statistics.median(tijden),
        min(tijden),
        len(inhoud) / 1024,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=15)
    parser.add_argument("--label", default="")
    parser.add_argument("--alleen", default="")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    client = Client()
    client.force_login(Gebruiker.objects.get(username="coordinator"))
    metingen = [
        meet(client, naam, url, args.herhaal) for naam, url in _paginas() if args.alleen in naam
    ]
    if args.json:
        print(json.dumps([asdict(m) | {"label": args.label} for m in metingen], indent=1))
        return
    db = connection.vendor
    print(f"{args.label} ({db}, {args.herhaal} runs, median)")
    print(f"{'pagina':<28} {'queries':>7} {'ms':>8} {'min ms':>8} {'kB':>7}")
    for m in metingen:
        print(f"{m.pagina:<28} {m.queries:>7} {m.mediaan_ms:>8.1f} {m.min_ms:>8.1f} {m.kb:>7.0f}")


if __name__ == "__main__":
    main()
