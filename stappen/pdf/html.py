"""The HTML of a stuk: the voorstel, the document from its version's snapshot, the bijlagen.

Reads only what it is given (the version's `inhoud` and the rendering's `gegevens`), never
live rows, so a later change to the document cannot change a PDF (docs/pdf.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe

from stappen.constants import GEHEIM_MARKERING, DocumentSoort, Orgaan
from stappen.markdown import naar_html

MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
NBSP = "\u00a0"
# Dutch typography: no line break inside a date, an amount, an article or a page reference.
_VASTE_SPATIES = [
    (re.compile(rf"\b(\d{{1,2}}) ({MAANDEN})( \d{{4}})?\b"), None),
    (re.compile(r"(€) (\d)"), None),
    (re.compile(r"(\d) (euro|uur|procent|%)\b"), None),
    (re.compile(r"\b(art\.|artikel|lid|pagina|versie|nr\.) (\d)"), None),
]
_TAG = re.compile(r"(<[^>]*>)")


def vaste_spaties(html: str) -> str:
    """Non-breaking spaces in dates, amounts and references, in text only (not in tags)."""
    delen = _TAG.split(html)
    for i in range(0, len(delen), 2):
        tekst = delen[i]
        for patroon, _ in _VASTE_SPATIES:
            tekst = patroon.sub(lambda m: m.group(0).replace(" ", NBSP), tekst)
        delen[i] = tekst
    return "".join(delen)


def css_tekst(tekst: str) -> str:
    """A CSS string literal's content."""
    schoon = " ".join(tekst.split())
    return schoon.replace("\\", "\\\\").replace('"', '\\"')


def datum(waarde: str | dt.date | None) -> str:
    if not waarde:
        return ""
    if isinstance(waarde, str):
        waarde = dt.date.fromisoformat(waarde[:10])
    return str(date_format(waarde, "j F Y"))


def _koppen(html: str) -> SafeString:
    """Header cells of a Markdown table are column headers (tagged as such in the PDF)."""
    return mark_safe(html.replace("<th>", '<th scope="col">'))


@dataclass
class Hoofdstuk:
    nummer: int
    anker: str
    titel: str
    html: SafeString
    reden: str = ""  # why the whole chapter is confidential
    weggelaten: bool = False  # left out (the public rendering of a confidential chapter)
    delen: list[tuple[str, SafeString, str]] = field(default_factory=list)  # titel, html, reden
    weggelaten_delen: list[str] = field(default_factory=list)  # reasons


def _hoofdstukken(inhoud: list[dict[str, Any]], besloten: bool) -> list[Hoofdstuk]:
    hoofdstukken = []
    for nummer, sectie in enumerate(inhoud, start=1):
        reden = sectie.get("vertrouwelijk", "")
        h = Hoofdstuk(nummer, f"h{nummer}", sectie["titel"], SafeString(""), reden=reden)
        if reden and not besloten:
            h.weggelaten = True
        else:
            h.html = _koppen(naar_html(sectie.get("tekst", "")))
        for deel in sectie.get("besloten", []):
            if besloten:
                h.delen.append((deel["titel"], _koppen(naar_html(deel["tekst"], 4)), deel["reden"]))
            elif not reden:
                h.weggelaten_delen.append(deel["reden"])
        hoofdstukken.append(h)
    return hoofdstukken


def _voorstel(gegevens: dict[str, Any]) -> dict[str, Any] | None:
    voorstel = gegevens.get("voorstel")
    if not voorstel:
        return None
    blokken = [
        ("Inleiding", "inleiding"),
        ("Beoogd effect", "beoogd_effect"),
        ("Argumenten", "argumenten"),
        ("Kanttekeningen en risico's", "kanttekeningen"),
        ("Alternatieven", "alternatieven"),
        ("Financiën", "financien"),
        ("Communicatie en participatie", "communicatie"),
        ("Uitvoering en vervolg", "vervolg"),
    ]
    return {
        **voorstel,
        "datum": datum(voorstel.get("vergaderdatum")),
        "punten": [r.strip() for r in voorstel["beslispunten"].splitlines() if r.strip()],
        "blokken": [
            (kop, naar_html(voorstel[sleutel], 4))
            for kop, sleutel in blokken
            if voorstel.get(sleutel, "").strip()
        ],
        "overige_bijlagen": [
            r.strip() for r in voorstel.get("bijlagen", "").splitlines() if r.strip()
        ],
    }


def stuk_html(
    *,
    inhoud: list[dict[str, Any]],
    gegevens: dict[str, Any],
    besloten: bool,
) -> str:
    """The whole stuk as one HTML string for WeasyPrint."""
    doc = gegevens["document"]
    orgaan = gegevens["orgaan"]
    voorstel = _voorstel(gegevens)
    bijlagen = [
        {
            "titel": b["titel"],
            "html": _koppen(
                naar_html(b.get("besloten", b["tekst"]) if besloten else b["tekst"], 3)
            ),
        }
        for b in gegevens.get("bijlagen", [])
    ]
    kop = f"{doc['gemeente']} · {doc['titel']} · versie {doc['versie']}"
    context = {
        "doc": doc,
        "orgaan": orgaan,
        "is_raad": orgaan == Orgaan.RAAD,
        "soort_stuk": "Raadsvoorstel" if orgaan == Orgaan.RAAD else "Collegevoorstel",
        "is_ivp": doc["soort"] == DocumentSoort.IVP,
        "voorstel": voorstel,
        "hoofdstukken": _hoofdstukken(inhoud, besloten),
        "bijlagen": bijlagen,
        "besloten": besloten,
        "geheim": GEHEIM_MARKERING,
        "titel": f"{doc['titel']}, versie {doc['versie']}" + (" (geheim)" if besloten else ""),
        "css_kop": mark_safe(css_tekst(kop)),
        "css_geheim": mark_safe(css_tekst(GEHEIM_MARKERING)),
        "versie_datum": datum(doc.get("versie_datum")),
    }
    return vaste_spaties(render_to_string("stappen/pdf/stuk.html", context))
