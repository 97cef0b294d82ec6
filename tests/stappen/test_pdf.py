"""The PDF itself, read back (pypdf, pikepdf, qpdf): one shared rendering per kind, made from
a fixed snapshot without the database (docs/pdf.md)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pypdf
import pytest

from stappen.constants import GEHEIM_MARKERING
from stappen.pdf.html import stuk_html, vaste_spaties
from stappen.pdf.render import BASIS, StatischeBestanden, html_naar_pdf

GEHEIME_ZIN = "De politie ziet drie loodsen in het buitengebied als risicolocatie."
GEHEIME_BRON = "Ondermijningsbeeld RIEC Oost-Nederland 2022"
INHOUD: list[dict[str, Any]] = [
    {
        "sleutel": "inleiding",
        "titel": "Inleiding",
        "tekst": "Veiligheid is een gezamenlijke opgave. Op 3 december 2026 besprak de raad "
        "het budget van € 12.500.\n\n- eerste punt\n- tweede punt",
    },
    {
        "sleutel": "uitgangssituatie",
        "titel": "Uitgangssituatie",
        "tekst": GEHEIME_ZIN,
        "vertrouwelijk": "het hoofdstuk bevat het ondermijningsbeeld van politie en RIEC",
    },
    {
        "sleutel": "analyse-veld-5",
        "titel": "Integriteit en veiligheid",
        "tekst": "| Indicator | 2021 | 2022 |\n| --- | ---: | ---: |\n| Signalen | 12 | 15 |\n",
        "besloten": [
            {"titel": f"Bron: {GEHEIME_BRON}", "tekst": f"- {GEHEIME_BRON}", "reden": "Woo"}
        ],
    },
]
GEGEVENS: dict[str, Any] = {
    "document": {
        "titel": "Integraal Veiligheidsplan 2027–2030",
        "soort": "ivp",
        "versie": "1.0",
        "versie_datum": "2026-12-01",
        "gemeente": "Gemeente Steenwijkerland",
        "gemeente_naam": "Steenwijkerland",
        "plan": "Integraal Veiligheidsplan 2027–2030",
    },
    "orgaan": "raad",
    "voorstel": {
        "onderwerp": "Vaststellen Integraal Veiligheidsplan 2027–2030",
        "voorstelnummer": "2026-RAAD-00012",
        "zaaknummer": "",
        "portefeuillehouder": "burgemeester",
        "vergaderdatum": "2026-12-15",
        "beslispunten": "Het IVP 2027–2030 vast te stellen.\nDe vier prioriteiten te bevestigen.",
        "inleiding": "Het IVP 2023–2026 loopt af.",
        "beoogd_effect": "",
        "argumenten": "1.1 De raad stelt de doelen vast (art. 38b Politiewet 2012).",
        "kanttekeningen": "",
        "alternatieven": "",
        "financien": "",
        "communicatie": "",
        "vervolg": "",
        "bijlagen": "",
    },
    "bijlagen": [
        {
            "titel": "Reactienota",
            "tekst": "| Hoofdstuk | Opmerking |\n| --- | --- |\n| Inleiding | Helder. |",
        }
    ],
}


@pytest.fixture(scope="module")
def openbaar() -> bytes:
    return html_naar_pdf(stuk_html(inhoud=INHOUD, gegevens=GEGEVENS, besloten=False)).inhoud


@pytest.fixture(scope="module")
def besloten() -> bytes:
    return html_naar_pdf(stuk_html(inhoud=INHOUD, gegevens=GEGEVENS, besloten=True)).inhoud


def _tekst(pdf: bytes) -> str:
    lezer = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(pagina.extract_text() for pagina in lezer.pages).replace("\u00a0", " ")


def _pagina_teksten(pdf: bytes) -> list[str]:
    lezer = pypdf.PdfReader(io.BytesIO(pdf))
    return [p.extract_text().replace("\u00a0", " ") for p in lezer.pages]


def _structuur(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        soorten: list[str] = []

        def loop(element: object) -> None:
            if isinstance(element, pikepdf.Array):
                for kind in element:
                    loop(kind)
            elif isinstance(element, pikepdf.Dictionary):
                if "/S" in element:
                    soorten.append(str(element.S))
                if "/K" in element:
                    loop(element.K)

        loop(doc.Root.StructTreeRoot.K)
        return soorten


def test_the_text_reads_in_order_voorstel_first(openbaar: bytes):
    tekst = " ".join(_tekst(openbaar).split())
    volgorde = [
        "Raadsvoorstel: Vaststellen Integraal Veiligheidsplan 2027–2030",
        "2026-RAAD-00012",
        "1. Het IVP 2027–2030 vast te stellen.",
        "Ontwerp-raadsbesluit",
        "gelet op artikel 38b van de Politiewet 2012",
        "Inhoud",
        "1. Inleiding",
        "Veiligheid is een gezamenlijke opgave.",
        "2. Uitgangssituatie",
        "3. Integriteit en veiligheid",
        "Bijlage 1. Reactienota",
    ]
    posities = [tekst.find(stuk) for stuk in volgorde]
    assert -1 not in posities, [s for s, p in zip(volgorde, posities, strict=True) if p < 0]
    # each after the one before (the table of contents names them first, so search on)
    plek = 0
    for stuk in volgorde:
        plek = tekst.index(stuk, plek)


def test_pdfa2_identification_language_title_and_tags(openbaar: bytes):
    with pikepdf.open(io.BytesIO(openbaar)) as doc:
        meta = doc.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "U"
        assert str(doc.Root.Lang) == "nl"
        assert bool(doc.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(doc.Root.MarkInfo.Marked) is True
        assert "Integraal Veiligheidsplan 2027–2030" in str(doc.docinfo.Title)
        assert "Integraal Veiligheidsplan 2027–2030" in meta["dc:title"]
    soorten = set(_structuur(openbaar))
    assert {"/H1", "/H2", "/L", "/LI", "/Table", "/TH", "/TD"} <= soorten


def test_every_page_says_which_page_of_how_many_and_the_running_header(openbaar: bytes):
    paginas = _pagina_teksten(openbaar)
    n = len(paginas)
    assert n > 3
    for nummer, tekst in enumerate(paginas, start=1):
        assert f"pagina {nummer} van {n}" in tekst
        assert "Gemeente Steenwijkerland · Integraal Veiligheidsplan 2027–2030 · versie 1.0" in (
            " ".join(tekst.split())
        )


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf ontbreekt")
def test_qpdf_finds_no_error(openbaar: bytes, besloten: bytes, tmp_path: Path):
    for naam, pdf in (("openbaar", openbaar), ("besloten", besloten)):
        pad = tmp_path / f"{naam}.pdf"
        pad.write_bytes(pdf)
        uitslag = subprocess.run(["qpdf", "--check", str(pad)], capture_output=True, text=True)
        assert uitslag.returncode == 0, uitslag.stdout + uitslag.stderr
        assert "No syntax or stream encoding errors" in uitslag.stdout


def test_only_the_bundled_font_is_embedded(openbaar: bytes):
    with pikepdf.open(io.BytesIO(openbaar)) as doc:
        fonts = {
            str(font.BaseFont)
            for pagina in doc.pages
            for font in pagina.Resources.get("/Font", {}).values()
        }
    assert fonts and all("Source-Sans-3" in f for f in fonts), fonts


def test_public_leaves_confidential_parts_out_and_says_why(openbaar: bytes):
    tekst = " ".join(_tekst(openbaar).split())
    assert GEHEIME_ZIN not in tekst
    assert GEHEIME_BRON not in tekst
    assert "Dit hoofdstuk is vertrouwelijk en daarom weggelaten uit de openbare versie" in tekst
    assert "het ondermijningsbeeld van politie en RIEC" in tekst
    assert "Hier is een vertrouwelijk onderdeel weggelaten" in tekst
    assert GEHEIM_MARKERING not in tekst


def test_closed_has_them_and_geheim_on_every_page(besloten: bytes):
    assert GEHEIME_ZIN in " ".join(_tekst(besloten).split())
    assert GEHEIME_BRON in _tekst(besloten)
    for tekst in _pagina_teksten(besloten):
        assert GEHEIM_MARKERING in tekst


def test_dates_and_amounts_keep_together():
    html = vaste_spaties('<p title="3 december">Op 3 december 2026 kost het € 12.500.</p>')
    assert "3\u00a0december\u00a02026" in html
    assert "€\u00a012.500" in html
    assert 'title="3 december"' in html  # attributes untouched


def test_the_fetcher_reads_only_our_static_files():
    fetcher = StatischeBestanden()
    assert fetcher.fetch(BASIS + "pdf/stuk.css").read().startswith(b"/*")
    for url in (
        "https://example.org/x.css",
        "file:///etc/passwd",
        BASIS + "../../etc/passwd",
        BASIS + "%2e%2e/settings.py",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_pages_as_pictures(openbaar: bytes, besloten: bytes):
    """Two pages kept as PNG in test-output/pdf/ to look at (pdftoppm)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm ontbreekt")
    uit = Path("test-output/pdf")
    uit.mkdir(parents=True, exist_ok=True)
    for naam, pdf, pagina in (("openbaar", openbaar, 1), ("besloten", besloten, 5)):
        (uit / f"{naam}.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(pagina), "-l", str(pagina), "-singlefile",
             str(uit / f"{naam}.pdf"), str(uit / f"{naam}-pagina-{pagina}")],
            check=True,
        )  # fmt: skip
        assert (uit / f"{naam}-pagina-{pagina}.png").stat().st_size > 1000
