"""The Excel writer (werkgroep/xlsx.py, issue 8) gives the file openpyxl's write-only workbook
gave (frozen in `export_oud.xlsx_bladen`): both read back with openpyxl have the same sheets,
cells (value, type, number format, bold) and column widths, on awkward data: text that needs
escaping or looks like a formula, empty text and empty cells, dates, amounts, a totals row,
several sheets; and the hours export of a plan's entries as the download makes it."""

import datetime as dt
import gc
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.werkgroep import export_oud
from werkgroep import export
from werkgroep.export import Blad, Rij, xlsx_bladen


def inhoud(data: bytes) -> list[dict[str, object]]:
    """Every sheet as openpyxl reads it back."""
    boek = load_workbook(io.BytesIO(data))
    bladen = []
    for blad in boek.worksheets:
        cellen = [
            (c.coordinate, c.value, c.data_type, c.number_format, bool(c.font.b))
            for regel in blad.iter_rows()
            for c in regel
            if c.value is not None or c.font.b
        ]
        breedtes = {k: d.width for k, d in blad.column_dimensions.items() if d.customWidth}
        bladen.append({"naam": blad.title, "cellen": cellen, "breedtes": breedtes})
    return bladen


TEKSTEN = [
    "Kim <de> Vries & co",
    "\"aanhalingstekens\" en 'enkele'",
    "=SUM(A1:A9)",
    "+31 OM",
    "  spaties rondom  ",
    "regel 1\nregel 2",
    "terugloop\rin de tekst",
    "",
    "Ünïcödé — € ✓",
    "x" * 40000,  # over Excel's 32,767: cut, as openpyxl did
]


def bladen() -> list[Blad]:
    rijen = [
        [
            dt.date(2022, 6, 1) + dt.timedelta(days=n),
            TEKSTEN[n % len(TEKSTEN)],
            None if n % 3 == 0 else f"Stap {n % 6}",
            (Decimal("0.25"), Decimal(2), Decimal("7.75"), 3, 1.5)[n % 5],
            n,
        ]
        for n in range(30)
    ]
    return [
        Blad(
            naam="Uren",
            koppen=["Datum", "Naam <&>", "Stap", "Uren", "Nummer"],
            rijen=rijen,
            breedtes=[12, 28, 30, 8, 6],
            formaten={3: "0.00", 4: "0"},
        ),
        Blad(
            naam="Activiteiten & geld",
            koppen=["Activiteit", "Begroot (€)", "Besteed (€)", "Datum"],
            rijen=[["Camera's", Decimal("1250.50"), Decimal(0), None], ["", 0.1, 2, None]],
            breedtes=[36, 14, 14],
            formaten={1: "#,##0.00", 2: "€ #,##0.00"},
            totaal=["Totaal", Decimal("1250.60"), 2, None],
        ),
        Blad(naam="Leeg", koppen=["Alleen koppen"], rijen=[], breedtes=[]),
    ]


def test_the_file_is_what_openpyxl_wrote():
    assert inhoud(xlsx_bladen(bladen())) == inhoud(export_oud.xlsx_bladen(bladen()))


def test_the_hours_export_is_what_openpyxl_wrote():
    regels = [
        Rij(
            datum=dt.date(2022, 10, 1) + dt.timedelta(days=n % 40),
            naam=TEKSTEN[n % 9],
            organisatie="Gemeente" if n % 2 else "",
            stap="" if n % 4 == 0 else "Stap 2: Veiligheidsanalyse",
            uren=(Decimal("0.25"), Decimal("1.50"), Decimal(2), Decimal("7.75"))[n % 4],
            omschrijving=TEKSTEN[(n + 3) % 9],
        )
        for n in range(200)
    ]
    nieuw = export.als_xlsx(regels)
    oud = export_oud.xlsx_bladen(
        [
            Blad(
                naam="Uren",
                koppen=export.KOPPEN,
                rijen=(
                    [r.datum, r.naam, r.organisatie, r.stap, r.uren, r.omschrijving] for r in regels
                ),
                breedtes=list(export.BREEDTES.values()),
                formaten={4: export.URENFORMAAT},
            )
        ]
    )
    assert inhoud(nieuw) == inhoud(oud)
    with zipfile.ZipFile(io.BytesIO(nieuw)) as archief:
        assert archief.testzip() is None
        assert b"<f>" not in archief.read("xl/worksheets/sheet1.xml")


# openpyxl's write-only writer, stopped by the error, leaves its generator unfinished.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("teken", ["\x00", "\x07", "\x1f"])
def test_a_control_character_is_refused_as_openpyxl_refused_it(teken):
    blad = Blad(naam="Uren", koppen=["Tekst"], rijen=[[f"a{teken}b"]], breedtes=[10])
    with pytest.raises(Exception):  # noqa: B017  (openpyxl's own error type)
        export_oud.xlsx_bladen([blad])
    gc.collect()  # its generator finished here, under this test's filter
    with pytest.raises(ValueError, match="Excel"):
        xlsx_bladen([blad])
