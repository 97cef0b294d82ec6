"""Frozen: how the hours export read its rows before issue 8: `selectors.export_registraties`
(an entry model instance with its member and step for each row) and `Rij.van`.
`test_downloads.py` checks that `selectors.export_rijen` (plain values, the members and steps
read once) gives the same rows and the page the same CSV. And how the Excel file was written
(`xlsx_bladen`, openpyxl's write-only workbook), which `test_xlsx.py` compares with
`werkgroep.xlsx`. Do not change it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from ivp.models import Gebruiker
from ivp.permissions import mag_plan_regisseren
from werkgroep.export import DATUMFORMAAT, Blad, Rij, stap_tekst
from werkgroep.models import Urenregistratie
from werkgroep.selectors import uren_plan


def export_registraties(user: Gebruiker, plan_id: int) -> Iterator[Urenregistratie]:
    """The entries to export, in date order: all of them for the coordinator, one's own for a
    member; 404 without access. Read in chunks, so a large export stays small in memory."""
    plan = uren_plan(user, plan_id)
    qs = Urenregistratie.objects.filter(lid__werkgroep__plan=plan).select_related(
        "lid__gebruiker", "stap"
    )
    if not mag_plan_regisseren(user, plan):
        qs = qs.filter(lid__gebruiker=user)
    return qs.order_by("datum", "pk").iterator(chunk_size=2000)


def rij_van(registratie: Urenregistratie) -> Rij:
    """The row of an entry loaded with its member and step (no query of its own)."""
    stap = registratie.stap
    return Rij(
        datum=registratie.datum,
        naam=registratie.lid.weergavenaam,
        organisatie=registratie.lid.organisatie,
        stap=stap_tekst(stap),
        uren=registratie.uren,
        omschrijving=registratie.omschrijving,
    )


def rijen(registraties: Iterable[Urenregistratie]) -> Iterable[Rij]:
    return (rij_van(r) for r in registraties)


def xlsx_bladen(bladen: Iterable[Blad]) -> bytes:
    """An Excel file with one sheet per `Blad` (also used by the uitvoering's export)."""
    # Only loaded when someone downloads Excel.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    werkboek = Workbook(write_only=True)
    vet = Font(bold=True)
    for b in bladen:
        blad = werkboek.create_sheet(b.naam)
        for index, breedte in enumerate(b.breedtes, start=1):
            blad.column_dimensions[get_column_letter(index)].width = breedte

        def cel(
            waarde: object, kolom: int, bold: bool = False, blad: Any = blad, b: Blad = b
        ) -> WriteOnlyCell:
            nieuwe = WriteOnlyCell(blad, value=waarde)
            if isinstance(waarde, str):
                nieuwe.data_type = "s"  # text, also when it starts with "=": never a formula
            elif isinstance(waarde, dt.date):
                nieuwe.number_format = DATUMFORMAAT
            elif isinstance(waarde, (Decimal, int, float)) and not isinstance(waarde, bool):
                nieuwe.value = float(waarde)
                nieuwe.number_format = b.formaten.get(kolom, "0.00")
            if bold:
                nieuwe.font = vet
            return nieuwe

        blad.append([cel(kop, i, bold=True) for i, kop in enumerate(b.koppen)])
        for rij in b.rijen:
            blad.append([cel(w, i) for i, w in enumerate(rij)])
        if b.totaal is not None:
            blad.append([cel(w, i, bold=True) for i, w in enumerate(b.totaal)])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()
