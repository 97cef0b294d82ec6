"""HTML to PDF/A-2u, tagged, with WeasyPrint (docs/pdf.md).

Only our own static files are read while rendering (the stylesheet and the bundled font):
the URL fetcher refuses the network, `file://` and anything that is not a static file.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

# PDF/A-2u: every character maps to Unicode (text search and screen readers); WeasyPrint
# writes it valid together with its tags (structure tree, headings, lists, tables, Lang,
# DisplayDocTitle), which 2a would claim as full level-A conformance it does not promise.
PDF_VARIANT = "pdf/a-2u"
# The base URL of the HTML: never fetched from the network, only mapped onto static files.
BASIS = "https://statisch.ivp.invalid/static/"
_VOORVOEGSEL = "/static/"


class StatischeBestanden(URLFetcher):
    """Reads only our static files (through the staticfiles finders)."""

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if not url.startswith(BASIS):
            raise ValueError(f"Alleen eigen statische bestanden: {url}")
        pad = unquote(urlsplit(url).path).removeprefix(_VOORVOEGSEL)
        if not pad or pad.startswith("/") or ".." in pad.split("/") or "\\" in pad:
            raise ValueError(f"Ongeldig pad: {url}")
        gevonden = finders.find(pad)
        if not gevonden or isinstance(gevonden, list):
            # A missing stylesheet or font would render with a system font: refuse.
            raise FatalURLFetchingError(f"Statisch bestand ontbreekt: {pad}")
        soort = mimetypes.guess_type(gevonden)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=Path(gevonden).read_bytes(), headers={"Content-Type": soort}
        )


@dataclass
class Pdf:
    inhoud: bytes
    paginas: int


def html_naar_pdf(html: str) -> Pdf:
    opties = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    document = HTML(string=html, base_url=BASIS, url_fetcher=StatischeBestanden()).render(
        font_config=FontConfiguration(), **opties
    )
    inhoud = document.write_pdf(**opties)
    assert inhoud is not None  # no target: the bytes are returned
    return Pdf(inhoud, len(document.pages))
