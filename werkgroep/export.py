"""The hours export as CSV and as Excel: pure functions, rows in and bytes out.

Every text cell is escaped against formula injection: a spreadsheet must never run a name or
a description as a formula. The CSV is what Dutch Excel opens without an import wizard
(a byte order mark, semicolons, the decimal comma, dd-mm-yyyy); the Excel file has real
dates and numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from werkgroep.constants import uren_tekst

if TYPE_CHECKING:
    from werkgroep.models import Urenregistratie

KOPPEN = ["Datum", "Naam", "Organisatie", "Stap", "Uren", "Omschrijving"]
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULE_TEKENS = ("=", "+", "-", "@")


def tekst(waarde: str) -> str:
    """Text that a spreadsheet must not run as a formula (CSV/formula injection): a leading
    =, +, - or @ gets an apostrophe, which Excel and LibreOffice show as plain text."""
    return f"'{waarde}" if waarde[:1] in FORMULE_TEKENS else waarde


@dataclass(frozen=True)
class Rij:
    """One hour entry as the export shows it."""

    datum: dt.date
    naam: str
    organisatie: str
    stap: str
    uren: Decimal
    omschrijving: str

    @classmethod
    def van(cls, registratie: Urenregistratie) -> Rij:
        """The row of an entry loaded with its member and step (no query of its own)."""
        stap = registratie.stap
        return cls(
            datum=registratie.datum,
            naam=registratie.lid.weergavenaam,
            organisatie=registratie.lid.organisatie,
            stap=f"Stap {stap.nummer}: {stap.get_nummer_display()}" if stap else "",
            uren=registratie.uren,
            omschrijving=registratie.omschrijving,
        )

    def teksten(self) -> tuple[str, str, str, str]:
        """Name, organisation, step and description, each safe for a spreadsheet."""
        return tekst(self.naam), tekst(self.organisatie), tekst(self.stap), tekst(self.omschrijving)


def rijen(registraties: Iterable[Urenregistratie]) -> Iterable[Rij]:
    return (Rij.van(r) for r in registraties)


def als_csv(regels: Iterable[Rij]) -> bytes:
    buffer = io.StringIO()
    # Semicolons and a decimal comma: what Dutch Excel opens without an import wizard.
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(KOPPEN)
    for rij in regels:
        naam, organisatie, stap, omschrijving = rij.teksten()
        schrijver.writerow(
            [f"{rij.datum:%d-%m-%Y}", naam, organisatie, stap, uren_tekst(rij.uren), omschrijving]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def als_xlsx(regels: Iterable[Rij]) -> bytes:
    from openpyxl import Workbook  # only loaded when someone downloads Excel

    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet("Uren")
    blad.append(KOPPEN)
    for rij in regels:
        naam, organisatie, stap, omschrijving = rij.teksten()
        blad.append([rij.datum, naam, organisatie, stap, float(rij.uren), omschrijving])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()
