"""The hours export (werkgroep/export.py): rows in, bytes out, no database."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from openpyxl import load_workbook

from werkgroep import export
from werkgroep.export import Rij, als_csv, als_xlsx, tekst


def rij(**kwargs: Any) -> Rij:
    waarden: dict[str, Any] = {
        "datum": dt.date(2022, 10, 20),
        "naam": "Kim de Vries",
        "organisatie": "Gemeente Steenwijkerland",
        "stap": "Stap 2: Veiligheidsanalyse",
        "uren": Decimal("2.25"),
        "omschrijving": "Analyse",
    } | kwargs
    return Rij(**waarden)


def csv_regels(inhoud: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";"))


def xlsx_rijen(inhoud: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(inhoud)).active.values)


@pytest.mark.parametrize("begin", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_starts_like_a_formula_gets_an_apostrophe(begin):
    assert tekst(f"{begin}SUM(A1:A9)") == f"'{begin}SUM(A1:A9)"


@pytest.mark.parametrize("waarde", ["", "Analyse", "'al veilig", " =met spatie", "3 uur", "a=b"])
def test_other_text_stays_as_it_is(waarde):
    assert tekst(waarde) == waarde


def test_the_csv_is_what_dutch_excel_opens():
    inhoud = als_csv([rij()])
    assert inhoud.startswith("\ufeff".encode())  # the byte order mark: Excel reads UTF-8
    regels = inhoud.decode("utf-8-sig").splitlines()
    assert regels == [
        "Datum;Naam;Organisatie;Stap;Uren;Omschrijving",
        "20-10-2022;Kim de Vries;Gemeente Steenwijkerland;Stap 2: Veiligheidsanalyse;2,25;Analyse",
    ]


@pytest.mark.parametrize(
    ("uren", "tekst_"),
    [
        (Decimal("2.25"), "2,25"),
        (Decimal("7.50"), "7,5"),
        (Decimal(350), "350"),
        (Decimal("0.1"), "0,1"),
    ],
)
def test_the_csv_writes_hours_with_a_decimal_comma_without_trailing_zeros(uren, tekst_):
    assert csv_regels(als_csv([rij(uren=uren)]))[1][4] == tekst_


def test_no_text_cell_of_the_csv_is_a_formula_and_a_semicolon_stays_inside_its_cell():
    inhoud = als_csv(
        [
            rij(
                naam="=cmd|' /C calc'!A0",
                organisatie="+31 OM",
                omschrijving='=HYPERLINK("https://example.invalid";"klik")',
            )
        ]
    )
    cellen = csv_regels(inhoud)[1]
    assert len(cellen) == 6
    assert cellen[1] == "'=cmd|' /C calc'!A0"
    assert cellen[2] == "'+31 OM"
    assert cellen[5] == '\'=HYPERLINK("https://example.invalid";"klik")'
    assert ';"=HYPERLINK' not in inhoud.decode("utf-8-sig")


def test_an_empty_export_has_the_header_only():
    assert csv_regels(als_csv([])) == [export.KOPPEN]
    assert xlsx_rijen(als_xlsx([])) == [tuple(export.KOPPEN)]


def test_the_excel_file_has_real_dates_and_numbers_and_text_cells_that_are_text():
    rijen = xlsx_rijen(
        als_xlsx([rij(), rij(uren=Decimal("0.5"), omschrijving="-5 uur gecorrigeerd")])
    )
    assert rijen[0] == tuple(export.KOPPEN)
    datum, naam, _, stap, uren, _ = rijen[1]
    assert datum == dt.datetime(2022, 10, 20)
    assert (naam, stap) == ("Kim de Vries", "Stap 2: Veiligheidsanalyse")
    assert isinstance(uren, float) and uren == 2.25
    assert rijen[2][4] == 0.5
    assert rijen[2][5] == "-5 uur gecorrigeerd"  # no apostrophe in a typed cell


def test_no_text_cell_of_the_excel_file_is_a_formula_nor_shows_an_apostrophe():
    inhoud = als_xlsx(
        [
            rij(
                naam="=cmd|' /C calc'!A0",
                organisatie="+31 OM",
                omschrijving='=HYPERLINK("https://example.invalid","klik")',
            )
        ]
    )
    blad = load_workbook(io.BytesIO(inhoud)).active
    assert blad["B2"].value == "=cmd|' /C calc'!A0"
    assert blad["C2"].value == "+31 OM"
    assert blad["F2"].value == '=HYPERLINK("https://example.invalid","klik")'
    assert {cel.data_type for regel in blad.iter_rows() for cel in regel} <= {"s", "n", "d"}
    assert all(not cel.quotePrefix for regel in blad.iter_rows() for cel in regel)
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        assert b"<f>" not in archief.read("xl/worksheets/sheet1.xml")


def test_the_excel_columns_are_wide_enough_and_dates_read_dutch():
    blad = load_workbook(io.BytesIO(als_xlsx([rij()]))).active
    breedtes = {kolom: blad.column_dimensions[kolom].width for kolom in "ABCDEF"}
    assert breedtes["A"] >= len("20-10-2022") + 1
    assert breedtes["D"] >= len("Stap 2: Veiligheidsanalyse")
    assert breedtes["F"] >= 40
    assert blad["A2"].number_format == "dd-mm-yyyy"
    assert blad["A1"].font.bold


def test_a_row_of_an_entry_names_the_step_and_the_member():
    stap = SimpleNamespace(nummer=2, get_nummer_display=lambda: "Veiligheidsanalyse")
    lid = SimpleNamespace(weergavenaam="Marleen de Groot", organisatie="Openbaar Ministerie")
    waarden = [
        (dt.date(2022, 9, 1), 7, 3, Decimal(3), "Analyse"),
        (dt.date(2022, 9, 2), 7, None, Decimal("1.5"), "Overleg"),
    ]
    assert list(export.rijen_uit(waarden, {7: lid}, {3: stap})) == [
        Rij(
            datum=dt.date(2022, 9, 1),
            naam="Marleen de Groot",
            organisatie="Openbaar Ministerie",
            stap="Stap 2: Veiligheidsanalyse",
            uren=Decimal(3),
            omschrijving="Analyse",
        ),
        Rij(
            datum=dt.date(2022, 9, 2),
            naam="Marleen de Groot",
            organisatie="Openbaar Ministerie",
            stap="",
            uren=Decimal("1.5"),
            omschrijving="Overleg",
        ),
    ]
