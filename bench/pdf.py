"""The PDF rendering (docs/pdf.md): our pipeline against WeasyPrint alone on the same HTML.

    .venv/bin/python bench/pdf.py                 # the demo IVP and a version of ~100 pages
    .venv/bin/python bench/pdf.py --schaal 1 4 10 --herhaal 2

On its own database (default `/tmp/ivp-bench-pdf.sqlite3`, migrated and given the demo on the
first run). The demo IVP's closed rendering is the 1× document: its version's snapshot and the
copy of its voorstel and bijlagen; ×n repeats its chapters n times (new keys, so the table of
contents grows too). Per size, each run in a fresh process (peak memory is that process's):

- "ons": what the task does without the database: `stuk_html` (the template, Markdown,
  typography) + `html_naar_pdf` (our URL fetcher, PDF/A-2u, tags) + SHA-256;
- "weasyprint": `HTML(string=…).write_pdf()` alone on that same HTML with the same options,
  its default fetcher reading the same files from a directory of links.

Printed: pages, seconds (median), seconds per page, peak memory (MiB) of both, and the ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/ivp-bench-pdf.sqlite3")
import _django  # noqa: F401  (Django set up on the bench database)

ROOT = Path(__file__).resolve().parent.parent


def _snapshot() -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from io import StringIO

    from django.core.management import call_command

    from stappen.constants import DocumentSoort, WeergaveSoort
    from stappen.models import Weergave

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=StringIO())
    weergave = (
        Weergave.objects.filter(
            versie__document__soort=DocumentSoort.IVP, soort=WeergaveSoort.BESLOTEN
        )
        .select_related("versie")
        .first()
    )
    if weergave is None:
        sys.exit("De demo heeft geen IVP-weergave.")
    return list(weergave.versie.inhoud), dict(weergave.gegevens)


def _geschaald(inhoud: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    return [
        {**sectie, "sleutel": f"{sectie['sleutel']}-{i}"} if i else sectie
        for i in range(n)
        for sectie in inhoud
    ]


def _statisch() -> Path:
    """A directory where WeasyPrint's own fetcher finds the same files by file:// URL."""
    map_ = Path(tempfile.mkdtemp(prefix="ivp-bench-pdf-"))
    (map_ / "vendor").mkdir()
    (map_ / "pdf").symlink_to(ROOT / "static" / "pdf")
    (map_ / "vendor" / "source-sans-3").symlink_to(
        ROOT / "node_modules" / "@fontsource" / "source-sans-3" / "files"
    )
    return map_


def _ons(inhoud: list[dict[str, Any]], gegevens: dict[str, Any], uit: Any) -> None:
    from stappen.pdf.html import stuk_html
    from stappen.pdf.render import html_naar_pdf

    begin = time.perf_counter()
    pdf = html_naar_pdf(stuk_html(inhoud=inhoud, gegevens=gegevens, besloten=True))
    hashlib.sha256(pdf.inhoud).hexdigest()
    seconden = time.perf_counter() - begin
    uit.send((pdf.paginas, seconden, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _weasyprint(html: str, basis: str, uit: Any) -> None:
    from weasyprint import HTML

    from stappen.pdf.render import PDF_VARIANT

    begin = time.perf_counter()
    opties = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    document = HTML(string=html, base_url=basis).render(**opties)
    document.write_pdf(**opties)
    seconden = time.perf_counter() - begin
    uit.send((len(document.pages), seconden, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _meet(doel: Any, *args: Any) -> tuple[int, float, float]:
    lees, schrijf = multiprocessing.Pipe(duplex=False)
    proces = multiprocessing.get_context("fork").Process(target=doel, args=(*args, schrijf))
    proces.start()
    paginas, seconden, kib = lees.recv()
    proces.join()
    return paginas, seconden, kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schaal", type=int, nargs="+", default=[1, 9])
    parser.add_argument("--herhaal", type=int, default=1)
    args = parser.parse_args()

    from stappen.pdf.html import stuk_html

    inhoud, gegevens = _snapshot()
    basis = _statisch().as_uri() + "/"
    print(
        f"{'schaal':>6} {'pag.':>5} {'ons s':>7} {'s/pag':>6} {'MiB':>6}"
        f" {'weasy s':>8} {'s/pag':>6} {'MiB':>6} {'ons/weasy':>9}"
    )
    for n in args.schaal:
        geschaald = _geschaald(inhoud, n)
        html = stuk_html(inhoud=geschaald, gegevens=gegevens, besloten=True)
        ons = [_meet(_ons, geschaald, gegevens) for _ in range(args.herhaal)]
        weasy = [_meet(_weasyprint, html, basis) for _ in range(args.herhaal)]
        pagina_ons, pagina_weasy = ons[0][0], weasy[0][0]
        s_ons = statistics.median(m[1] for m in ons)
        s_weasy = statistics.median(m[1] for m in weasy)
        mib_ons, mib_weasy = max(m[2] for m in ons), max(m[2] for m in weasy)
        assert pagina_ons == pagina_weasy, (pagina_ons, pagina_weasy)
        print(
            f"{n:>5}× {pagina_ons:>5} {s_ons:>7.2f} {s_ons / pagina_ons:>6.3f} {mib_ons:>6.0f}"
            f" {s_weasy:>8.2f} {s_weasy / pagina_weasy:>6.3f} {mib_weasy:>6.0f}"
            f" {s_ons / s_weasy:>9.2f}"
        )


if __name__ == "__main__":
    main()
