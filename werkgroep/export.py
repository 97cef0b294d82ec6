"""The hours export as CSV and as Excel: pure functions, rows in and bytes out.

A spreadsheet must never run a name or a description as a formula (formula injection):

- the Excel file writes every text cell with the string data type, so `=SUM(...)` is shown as
  it was typed and is never a formula, without an apostrophe in front; dates and hours are
  real dates and numbers, and the columns have widths that show them (no `###`);
- the CSV has no types, so a text cell that starts like a formula (=, +, -, @, a tab or a
  carriage return) gets an apostrophe; it is what Dutch Excel opens without an import wizard
  (a byte order mark, semicolons, the decimal comma, dd-mm-yyyy).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from werkgroep.constants import uren_tekst
from werkgroep.xlsx import Stijlen, blad_xml, werkboek

if TYPE_CHECKING:
    from stappen.models import Stap
    from werkgroep.models import Lid

KOPPEN = ["Datum", "Naam", "Organisatie", "Stap", "Uren", "Omschrijving"]
CSV_TYPE = "text/csv; charset=utf-8"
# The kind of download (ivp/downloads.py) of the hours as an Excel file.
UREN_XLSX = "uren_xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
# Column widths of the Excel file, in characters.
BREEDTES = {"A": 12, "B": 28, "C": 30, "D": 36, "E": 8, "F": 60}
DATUMFORMAAT = "dd-mm-yyyy"
URENFORMAAT = "0.00"


def tekst(waarde: str) -> str:
    """CSV text that a spreadsheet must not run as a formula (CSV injection): a leading =, +,
    -, @, tab or carriage return gets an apostrophe, which makes Excel and LibreOffice read
    the cell as text. (The Excel file needs no such mark: its cells carry a type.)"""
    return f"'{waarde}" if waarde[:1] in FORMULE_TEKENS else waarde


class Rij(NamedTuple):
    """One hour entry as the export shows it. A named tuple: made once per entry, 5,000 times
    for a large export, where a frozen dataclass cost more than writing the row (issue 8)."""

    datum: dt.date
    naam: str
    organisatie: str
    stap: str
    uren: Decimal
    omschrijving: str

    def teksten(self) -> tuple[str, str, str, str]:
        """Name, organisation, step and description, each safe for a CSV."""
        return tekst(self.naam), tekst(self.organisatie), tekst(self.stap), tekst(self.omschrijving)


def stap_tekst(stap: Stap | None) -> str:
    return f"Stap {stap.nummer}: {stap.get_nummer_display()}" if stap else ""


# An entry as plain values: datum, lid_id, stap_id, uren, omschrijving.
Waarden = tuple[dt.date, int, int | None, Decimal, str]


def rijen_uit(
    waarden: Iterable[Waarden], leden: Mapping[int, Lid], stappen: Mapping[int, Stap]
) -> Iterator[Rij]:
    """The rows of entries read as plain values, with their members and steps read once
    (issue 8: a model instance per entry, and one per member and step with it, was most of
    the export's time)."""
    lid_teksten = {pk: (lid.weergavenaam, lid.organisatie) for pk, lid in leden.items()}
    stap_teksten = {pk: stap_tekst(stap) for pk, stap in stappen.items()}
    for datum, lid_id, stap_id, uren, omschrijving in waarden:
        naam, organisatie = lid_teksten[lid_id]
        yield Rij(
            datum=datum,
            naam=naam,
            organisatie=organisatie,
            stap="" if stap_id is None else stap_teksten[stap_id],
            uren=uren,
            omschrijving=omschrijving,
        )


def csv_stroom(regels: Iterable[Rij], per: int = 500) -> Iterator[bytes]:
    """The CSV in pieces of `per` rows, for a streaming response: memory stays flat however
    many entries there are. A date or an amount of hours recurs on many rows: each is
    formatted once (the caches are as long as the distinct values, not the rows)."""
    buffer = io.StringIO()
    # Semicolons and a decimal comma: what Dutch Excel opens without an import wizard.
    schrijver = csv.writer(buffer, delimiter=";")
    buffer.write("\ufeff")  # the byte order mark: Excel reads UTF-8
    schrijver.writerow(KOPPEN)
    datums: dict[dt.date, str] = {}
    uren: dict[Decimal, str] = {}
    for aantal, (dag, naam, organisatie, stap, aantal_uren, omschrijving) in enumerate(
        regels, start=1
    ):
        if (datum := datums.get(dag)) is None:
            datum = datums[dag] = f"{dag:%d-%m-%Y}"
        if (uren_ := uren.get(aantal_uren)) is None:
            uren_ = uren[aantal_uren] = uren_tekst(aantal_uren)
        schrijver.writerow(
            (datum, tekst(naam), tekst(organisatie), tekst(stap), uren_, tekst(omschrijving))
        )
        if aantal % per == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def als_csv(regels: Iterable[Rij]) -> bytes:
    return b"".join(csv_stroom(regels))


def als_xlsx(regels: Iterable[Rij]) -> bytes:
    return xlsx_bladen(
        [
            Blad(
                naam="Uren",
                koppen=KOPPEN,
                # A generator: the write-only sheet takes one row at a time, so memory stays
                # flat for any number of entries.
                rijen=(
                    [r.datum, r.naam, r.organisatie, r.stap, r.uren, r.omschrijving] for r in regels
                ),
                breedtes=list(BREEDTES.values()),
                formaten={4: URENFORMAAT},
            )
        ]
    )


@dataclass(frozen=True)
class Blad:
    """One sheet: a header row, rows of values and an optional bold totals row. A `str` is
    a text cell (never a formula), a date a date, a number a number (`formaten` per column
    index, else two decimals), None an empty cell."""

    naam: str
    koppen: Sequence[str]
    rijen: Iterable[Sequence[object]]
    breedtes: Sequence[int]
    formaten: Mapping[int, str] = field(default_factory=dict)
    totaal: Sequence[object] | None = None


def xlsx_bladen(bladen: Iterable[Blad]) -> bytes:
    """An Excel file with one sheet per `Blad` (also used by the uitvoering's export), written
    by `werkgroep.xlsx` row by row: memory stays flat for a generator of rows."""
    stijlen = Stijlen()
    return werkboek(
        [
            (
                b.naam,
                blad_xml(
                    _met_koppen(b),
                    b.breedtes,
                    b.formaten,
                    DATUMFORMAAT,
                    stijlen,
                ),
            )
            for b in bladen
        ],
        stijlen,
    )


def _met_koppen(b: Blad) -> Iterator[tuple[Sequence[object], bool]]:
    """The header row and the totals row in bold, the rows between them not."""
    yield b.koppen, True
    for rij in b.rijen:
        yield rij, False
    if b.totaal is not None:
        yield b.totaal, True
