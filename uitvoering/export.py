"""The uitvoeringsplan as Excel (one sheet per priority, the regional activities per shared
priority and the beheer themes on their own, a sheet with the progress per quarter; a
regional activity's title says "(regionaal)") and as CSV: the columns of the plan
page, with totals. The Excel file is written by `werkgroep.export.xlsx_bladen` (text cells as
text, never a formula; column widths); the CSV guards its text cells the same way as the
hours export."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from uitvoering.constants import KWARTALEN
from uitvoering.selectors import Blok
from uitvoering.teksten import resultaat_tekst, titel_tekst
from werkgroep.export import CSV_TYPE, XLSX_TYPE, Blad, tekst, xlsx_bladen

__all__ = ["CSV_TYPE", "KOPPEN", "XLSX_TYPE", "als_csv", "als_xlsx"]

KOPPEN = [
    "Doelstelling of thema",
    "Activiteit",
    "Soort",
    "Beoogd resultaat",
    "Trekker",
    "Partners",
    "Planning",
    "Begroot (€)",
    "Besteed (€)",
    "Dekking",
    "Status",
    "Laatste voortgang",
]
BREEDTES = [40, 36, 12, 30, 24, 28, 10, 12, 12, 24, 12, 40]
BEDRAG = "#,##0.00"
BEGROOT, BESTEED = 7, 8
VERBODEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _rijen(blok: Blok) -> list[list[object]]:
    rijen: list[list[object]] = []
    for groep in blok.groepen:
        for a in groep.activiteiten:
            laatste = list(a.voortgang.all())[-1:] if a.voortgang.all() else []
            voortgang = (
                f"K{laatste[0].kwartaal}: {laatste[0].get_status_display()}"
                + (f" — {laatste[0].toelichting}" if laatste[0].toelichting else "")
                if laatste
                else ""
            )
            rijen.append(
                [
                    groep.titel,
                    titel_tekst(a) + (" (voortgezet)" if a.voortgezet_uit_id else ""),
                    a.get_soort_display(),
                    resultaat_tekst(a),
                    a.trekker_naam,
                    ", ".join(a.partnerlijst),
                    a.planning_tekst,
                    a.begroot,
                    a.besteed,
                    a.dekking,
                    a.get_status_display(),
                    voortgang,
                ]
            )
    return rijen


def _bladnaam(titel: str, gebruikt: set[str]) -> str:
    naam = titel.translate(VERBODEN).strip()[:28] or "Blad"
    kandidaat, n = naam, 2
    while kandidaat in gebruikt:
        kandidaat, n = f"{naam[:25]} {n}", n + 1
    gebruikt.add(kandidaat)
    return kandidaat


def als_xlsx(blokken: list[Blok], jaar: int) -> bytes:
    gebruikt: set[str] = set()
    bladen = []
    for blok in blokken:
        totaal = ["Totaal", "", "", "", "", "", "", blok.begroot, blok.besteed, "", "", ""]
        bladen.append(
            Blad(
                naam=_bladnaam(blok.titel, gebruikt),
                koppen=KOPPEN,
                rijen=_rijen(blok),
                breedtes=BREEDTES,
                formaten={BEGROOT: BEDRAG, BESTEED: BEDRAG},
                totaal=totaal,
            )
        )
    voortgang = []
    for blok in blokken:
        for a in blok.activiteiten:
            per = {v.kwartaal: v for v in a.voortgang.all()}
            voortgang.append(
                [titel_tekst(a)]
                + [
                    f"{per[k].get_status_display()}: {per[k].toelichting}".rstrip(": ")
                    if k in per
                    else ""
                    for k in KWARTALEN
                ]
            )
    bladen.append(
        Blad(
            naam=_bladnaam(f"Voortgang {jaar}", gebruikt),
            koppen=["Activiteit", *(f"K{k}" for k in KWARTALEN)],
            rijen=voortgang,
            breedtes=[36, 36, 36, 36, 36],
        )
    )
    return xlsx_bladen(bladen)


def _euro(waarde: object) -> str:
    assert isinstance(waarde, Decimal)
    return f"{waarde:.2f}".replace(".", ",")


def als_csv(blokken: list[Blok]) -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(["Prioriteit", *KOPPEN])
    for blok in blokken:
        for rij in _rijen(blok):
            schrijver.writerow(
                [tekst(blok.titel)]
                + [
                    _euro(w) if i in (BEGROOT, BESTEED) else tekst(str(w))
                    for i, w in enumerate(rij)
                ]
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
