"""Read CBS's three shapes of the same figures into cells: OData v3 rows (one row per
region, soort and period, one column per measure), OData v4 observations (one cell per row,
the measure as a code) and the portal's CSV download (the v3 columns, as text).

Pure: no database and no network. A shape that is not what CBS publishes raises
`Schemafout` with a Dutch sentence; nothing is half read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from veiligheidsvelden.cijfers.fouten import Bestandsfout, Schemafout
from veiligheidsvelden.cijfers.tabellen import TABELLEN, Maat, Tabel

PERIODE = re.compile(r"^(\d{4})(JJ|MM)(\d{2})$")
# CBS shows a value it does not publish (too small, not yet known) as a dot, or leaves it out.
ONTBREKEND = {"", ".", "x", "-"}
MARGE_WAARDE = "MW00000"
NEDERLAND = "NL01"


@dataclass(frozen=True)
class Cel:
    """One figure: a measure of a soort for an area in a year (maand 0) or a month."""

    tabel: str
    soort: str | None
    maat: Maat
    gebied: str
    jaar: int
    maand: int
    waarde: Decimal | None


def code(waarde: object) -> str:
    """A CBS key without its fixed-width padding (`'1.1.1 '`, `'GM1708    '`); the
    Netherlands as one code (CBS: NL01, the police tables: NL00)."""
    schoon = str(waarde or "").strip()
    return NEDERLAND if schoon in ("NL00", "NL01") else schoon


def periode(waarde: object) -> tuple[int, int] | None:
    """`2023JJ00` -> (2023, 0); `2025MM06` -> (2025, 6); quarters and others: None."""
    gevonden = PERIODE.match(code(waarde))
    if not gevonden:
        return None
    jaar, soort, nummer = gevonden.groups()
    maand = int(nummer) if soort == "MM" else 0
    if soort == "MM" and not 1 <= maand <= 12:
        return None
    return int(jaar), maand


def getal(waarde: object, *, waar: str) -> Decimal | None:
    """A value as CBS sends it: a number, `null`, or text with padding (`'   45.1'`, `'.'`)."""
    if waarde is None:
        return None
    if isinstance(waarde, bool):
        raise Schemafout(f"{waar}: de waarde {waarde!r} is geen getal.")
    if isinstance(waarde, int | float):
        return Decimal(str(waarde)).quantize(Decimal("0.001"))
    tekst = str(waarde).strip()
    if tekst in ONTBREKEND:
        return None
    try:
        return Decimal(tekst.replace(",", ".")).quantize(Decimal("0.001"))
    except InvalidOperation:
        raise Schemafout(f"{waar}: de waarde ‘{tekst}’ is geen getal.") from None


def _vereis_kolommen(tabel: Tabel, kolommen: Iterable[str]) -> dict[str, Maat]:
    """The measure of each known column; a missing dimension or no known measure at all is a
    changed schema."""
    kolommen = list(kolommen)
    nodig = ["Perioden", tabel.geo]
    if tabel.soorten:
        nodig.append("SoortMisdrijf")
    if tabel.marges:
        nodig.append("Marges")
    ontbreekt = [k for k in nodig if k not in kolommen]
    maten = {k: m for k in kolommen if (m := tabel.maat(k)) is not None}
    if ontbreekt or not maten:
        wat = (
            f"de kolom{'men' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)} "
            f"ontbre{'ken' if len(ontbreekt) > 1 else 'ekt'}"
            if ontbreekt
            else "geen van de bekende maten staat erin"
        )
        raise Schemafout(
            f"Tabel {tabel.code} heeft niet de verwachte opbouw: {wat}. Mogelijk heeft CBS de "
            "tabel gewijzigd; er is niets ingelezen."
        )
    return maten


def lees_rijen(tabel: Tabel, rijen: Iterable[Mapping[str, Any]]) -> list[Cel]:
    """OData v3 (TypedDataSet or UntypedDataSet) rows, or CSV rows with the same columns."""
    cellen: list[Cel] = []
    maten: dict[str, Maat] | None = None
    for nummer, rij in enumerate(rijen, 1):
        if maten is None:
            maten = _vereis_kolommen(tabel, rij.keys())
        if tabel.marges and code(rij.get("Marges")) != MARGE_WAARDE:
            continue
        soort = code(rij.get("SoortMisdrijf")) if tabel.soorten else None
        if soort is not None and soort not in tabel.soortcodes:
            continue  # roll-ups and soorten without an indicator: never summed
        wanneer = periode(rij.get("Perioden"))
        if wanneer is None:
            continue
        gebied = code(rij.get(tabel.geo))
        for kolom, maat in maten.items():
            waarde = getal(rij.get(kolom), waar=f"Tabel {tabel.code}, rij {nummer}, {kolom}")
            cellen.append(Cel(tabel.code, soort, maat, gebied, *wanneer, waarde))
    return cellen


def maatcodes(tabel: Tabel, rijen: Iterable[Mapping[str, Any]]) -> dict[str, Maat]:
    """v4 `MeasureCodes` -> the measure of each code, matched on its title: a code that CBS
    renumbered (a new series from a revision year) keeps its measure."""
    codes: dict[str, Maat] = {}
    for rij in rijen:
        identifier, titel = rij.get("Identifier"), rij.get("Title")
        if not isinstance(identifier, str) or not isinstance(titel, str):
            raise Schemafout(
                f"De maten van tabel {tabel.code} hebben niet de verwachte opbouw (Identifier "
                "en Title). Er is niets ingelezen."
            )
        if (maat := tabel.maat_met_titel(titel)) is not None:
            codes[identifier.strip()] = maat
    if not codes:
        raise Schemafout(
            f"Tabel {tabel.code} noemt geen van de bekende maten meer. Mogelijk heeft CBS de "
            "tabel gewijzigd; er is niets ingelezen."
        )
    return codes


def lees_observaties(
    tabel: Tabel, codes: Mapping[str, Maat], rijen: Iterable[Mapping[str, Any]]
) -> list[Cel]:
    """OData v4 `Observations`: `Measure`, the dimension keys, `Value` and `StringValue`."""
    cellen: list[Cel] = []
    for nummer, rij in enumerate(rijen, 1):
        if nummer == 1:
            nodig = ["Measure", "Perioden", tabel.geo, "Value"]
            if tabel.soorten:
                nodig.append("SoortMisdrijf")
            if ontbreekt := [k for k in nodig if k not in rij]:
                raise Schemafout(
                    f"De waarnemingen van tabel {tabel.code} missen {', '.join(ontbreekt)}. "
                    "Mogelijk heeft CBS de tabel gewijzigd; er is niets ingelezen."
                )
        maat = codes.get(code(rij.get("Measure")))
        soort = code(rij.get("SoortMisdrijf")) if tabel.soorten else None
        wanneer = periode(rij.get("Perioden"))
        if maat is None or wanneer is None or (soort and soort not in tabel.soortcodes):
            continue
        if tabel.marges and code(rij.get("Marges")) not in ("", MARGE_WAARDE):
            continue
        waar = f"Tabel {tabel.code}, waarneming {nummer}"
        waarde = getal(rij.get("Value"), waar=waar)
        if waarde is None:
            waarde = getal(rij.get("StringValue"), waar=waar)
        cellen.append(Cel(tabel.code, soort, maat, code(rij.get(tabel.geo)), *wanneer, waarde))
    return cellen


def tabel_van(kolommen: list[str]) -> Tabel:
    """Which of our tables a CSV download is, by its columns."""
    for tabel in TABELLEN.values():
        try:
            _vereis_kolommen(tabel, kolommen)
        except Schemafout:
            continue
        return tabel
    raise Bestandsfout(
        "Dit bestand is geen CSV-download van 83648NED, 47022NED of 85146NED: de kolommen "
        "SoortMisdrijf of Marges, RegioS of WijkenEnBuurten, Perioden en een bekende maat "
        "ontbreken. Download op StatLine de ‘onbewerkte dataset’ als CSV en probeer het opnieuw."
    )


def lees_csv(inhoud: bytes) -> tuple[Tabel, list[Cel]]:
    """The CSV download of the StatLine portal (semicolon-separated, quoted, padded keys,
    a dot for a missing value). Read the same way as the v3 rows."""
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Bestandsfout(
            "Dit bestand is geen tekstbestand in UTF-8. Upload de CSV-download van StatLine "
            "zoals u hem kreeg."
        ) from None
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst), delimiter=scheiding)
    if not lezer.fieldnames or len(lezer.fieldnames) < 3:
        raise Bestandsfout(
            "Dit bestand heeft geen kolomkoppen zoals de CSV-download van StatLine. Upload de "
            "‘onbewerkte dataset’ als CSV."
        )
    tabel = tabel_van([k.strip() for k in lezer.fieldnames])
    try:
        rijen = [
            {(k or "").strip(): v for k, v in rij.items()}
            for rij in lezer
            if any((v or "").strip() for v in rij.values() if isinstance(v, str))
        ]
    except csv.Error as fout:
        raise Bestandsfout(f"Het CSV-bestand is beschadigd ({fout}).") from None
    if not rijen:
        raise Bestandsfout("Het CSV-bestand bevat kolomkoppen maar geen cijfers.")
    return tabel, lees_rijen(tabel, rijen)
