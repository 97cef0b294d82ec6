"""A small writer of Excel files (Office Open XML, .xlsx) for `export.xlsx_bladen`: sheets of
text, dates, numbers and booleans with column widths, number formats and bold cells, written
row by row as XML strings (issue 8). openpyxl's write-only workbook made a cell object, a style
and an lxml element per cell: 0.5 s of CPU for the 5,000 entries of the hours export, on the
same two cores as the pages, and the Celery worker made one for every download asked.

The file holds what openpyxl wrote for the same sheets: `tests/werkgroep/test_xlsx.py` reads
both back with openpyxl (values, types, number formats, bold, widths, sheet names). Text cells
are inline strings of type text, so `=SUM(...)` is shown as typed and never a formula."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

# openpyxl refuses these characters (XML 1.0 cannot hold them); so does this writer.
ONGELDIG = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
MAX_TEKST = 32767  # Excel's limit of a cell; openpyxl cut longer text to it
# Excel's built-in number formats (no numFmt element needed); others get ids from 164.
INGEBOUWD = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
EPOCH = dt.datetime(1899, 12, 30)
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
KOP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class OngeldigeTekst(ValueError):
    """Text with a control character an Excel file cannot hold."""


def kolom_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Stijlen:
    """The cell formats used: (number format, bold) → the index of its `xf` in styles.xml."""

    def __init__(self) -> None:
        self.formaten: dict[str, int] = {}
        self.xfs: dict[tuple[int, bool], int] = {(0, False): 0}

    def index(self, formaat: str | None, vet: bool) -> int:
        nummer = 0
        if formaat is not None:
            nummer = INGEBOUWD.get(formaat, -1)
            if nummer < 0:
                nummer = self.formaten.setdefault(formaat, 164 + len(self.formaten))
        return self.xfs.setdefault((nummer, vet), len(self.xfs))

    def xml(self) -> str:
        formaten = "".join(
            f'<numFmt numFmtId="{n}" formatCode={quoteattr(code)}/>'
            for code, n in self.formaten.items()
        )
        xfs = "".join(
            f'<xf numFmtId="{n}" fontId="{int(vet)}" fillId="0" borderId="0" xfId="0"'
            + (' applyNumberFormat="1"' if n else "")
            + (' applyFont="1"' if vet else "")
            + "/>"
            for n, vet in self.xfs
        )
        return (
            f'{KOP}<styleSheet xmlns="{NS}">'
            + (f'<numFmts count="{len(self.formaten)}">{formaten}</numFmts>' if formaten else "")
            + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            f'borderId="0"/></cellStyleXfs><cellXfs count="{len(self.xfs)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"
        )


def _tekst(waarde: str) -> str:
    waarde = waarde[:MAX_TEKST]
    if ONGELDIG.search(waarde):
        raise OngeldigeTekst(f"{waarde} kan niet in een Excel-bestand.")
    return escape(waarde).replace("\r", "&#13;")


def _getal(waarde: float) -> str:
    """As openpyxl wrote a number (so 2.0 is read back as 2, 0.25 as 0.25)."""
    return f"{waarde:.16g}"


def blad_xml(
    rijen: Iterable[tuple[Sequence[object], bool]],
    breedtes: Sequence[int],
    formaten: Mapping[int, str],
    datumformaat: str,
    stijlen: Stijlen,
) -> Iterable[str]:
    """The sheet's XML in pieces: `rijen` are (values, bold) in order. A `str` is a text cell,
    a date a date (`datumformaat`), a number a number (`formaten` per column index, else two
    decimals), a bool a boolean, None an empty cell."""
    kolommen = "".join(
        f'<col min="{i}" max="{i}" width="{b}" customWidth="1"/>'
        for i, b in enumerate(breedtes, start=1)
    )
    yield f'{KOP}<worksheet xmlns="{NS}">' + (f"<cols>{kolommen}</cols>" if kolommen else "")
    yield "<sheetData>"
    letters: list[str] = []
    for nummer, (waarden, vet) in enumerate(rijen, start=1):
        while len(letters) < len(waarden):
            letters.append(kolom_letter(len(letters) + 1))
        cellen = []
        for kolom, waarde in enumerate(waarden):
            ref = f"{letters[kolom]}{nummer}"
            if waarde is None or waarde == "":  # an empty cell, bold in a totals row
                s = stijlen.index(None, vet)
                soort = ' t="inlineStr"' if waarde == "" else ""
                cellen.append(f'<c r="{ref}"' + (f' s="{s}"' if s else "") + f"{soort}/>")
            elif isinstance(waarde, str):
                s = stijlen.index(None, vet)
                cellen.append(
                    f'<c r="{ref}"' + (f' s="{s}"' if s else "") + ' t="inlineStr"><is>'
                    f'<t xml:space="preserve">{_tekst(waarde)}</t></is></c>'
                )
            elif isinstance(waarde, bool):
                s = stijlen.index(None, vet)
                stijl = f' s="{s}"' if s else ""
                cellen.append(f'<c r="{ref}"{stijl} t="b"><v>{int(waarde)}</v></c>')
            elif isinstance(waarde, dt.date):
                if isinstance(waarde, dt.datetime):
                    if waarde.tzinfo is not None:
                        raise TypeError("Excel does not support timezones in datetimes.")
                    serie: float = (waarde - EPOCH).total_seconds() / 86400
                else:
                    serie = (waarde - EPOCH.date()).days
                s = stijlen.index(datumformaat, vet)
                cellen.append(f'<c r="{ref}" s="{s}"><v>{_getal(serie)}</v></c>')
            elif isinstance(waarde, (Decimal, int, float)):
                s = stijlen.index(formaten.get(kolom, "0.00"), vet)
                cellen.append(f'<c r="{ref}" s="{s}"><v>{_getal(float(waarde))}</v></c>')
            else:
                raise TypeError(f"Geen celwaarde: {type(waarde).__name__}")
        yield f'<row r="{nummer}">{"".join(cellen)}</row>'
    yield "</sheetData></worksheet>"


def werkboek(bladen: Sequence[tuple[str, Iterable[str]]], stijlen: Stijlen) -> bytes:
    """The .xlsx package of the sheets (name, XML pieces); `stijlen` is read after the sheets
    are written, so it holds every format they used."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as pakket:
        for nummer, (_, stukken) in enumerate(bladen, start=1):
            with pakket.open(f"xl/worksheets/sheet{nummer}.xml", "w") as blad:
                # In pieces of ~500 rows: a write to the archive per row cost more than the row.
                for deel in itertools.batched(stukken, 500):
                    blad.write("".join(deel).encode("utf-8"))
        n = len(bladen)
        werkblad = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        pakket.writestr(
            "[Content_Types].xml",
            f'{KOP}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{werkblad}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{werkblad}.styles+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                f'ContentType="{werkblad}.worksheet+xml"/>'
                for i in range(1, n + 1)
            )
            + "</Types>",
        )
        pakket.writestr(
            "_rels/.rels",
            f'{KOP}<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        pakket.writestr(
            "xl/workbook.xml",
            f'{KOP}<workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>'
            + "".join(
                f'<sheet name={quoteattr(naam)} sheetId="{i}" r:id="rId{i}"/>'
                for i, (naam, _) in enumerate(bladen, start=1)
            )
            + "</sheets></workbook>",
        )
        pakket.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{KOP}<Relationships xmlns="{PKG}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                f'Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, n + 1)
            )
            + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        pakket.writestr("xl/styles.xml", stijlen.xml())
    return buffer.getvalue()
