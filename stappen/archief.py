"""Exports for the griffie and for a Woo request: metadata as CSV and JSON, and ZIP files
streamed to the client. Pure functions, rows in and bytes out; no query.

The ZIP is written as it is sent (`zip_stroom`): the PDFs are read from storage in chunks
and stored as they are (PDFs are compressed already), the small CSV and JSON files are
deflated. Memory stays at about one chunk however many PDFs a meeting has, nothing is
written to disk, and the download starts at once, so there is nothing a Celery task would
add but a second copy of files that are already stored and a page to poll.

CSV as the project writes it for Dutch Excel: a byte order mark, semicolons, dd-mm-yyyy, and
a text that starts like a formula gets an apostrophe (CSV injection).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
ZIP_TYPE = "application/zip"
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
BLOK = 64 * 1024


def tekst(waarde: object) -> str:
    """A CSV cell that a spreadsheet never runs as a formula."""
    waarde = "" if waarde is None else str(waarde)
    return f"'{waarde}" if waarde[:1] in FORMULE_TEKENS else waarde


def als_csv(rijen: Sequence[Mapping[str, object]], koppen: Sequence[str] | None = None) -> bytes:
    """The rows as CSV with a header of their keys (or `koppen`)."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    koppen = list(koppen or (rijen[0].keys() if rijen else []))
    schrijver.writerow(koppen)
    for rij in rijen:
        schrijver.writerow([tekst(rij.get(kop, "")) for kop in koppen])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def als_json(gegevens: object) -> bytes:
    return json.dumps(gegevens, ensure_ascii=False, indent=2).encode("utf-8")


@dataclass(frozen=True)
class Bestand:
    """One file of a ZIP: its name in the archive and either its bytes or a way to open it
    (a stored PDF, read in chunks while the ZIP is sent)."""

    naam: str
    inhoud: bytes | None = None
    openen: Callable[[], IO[bytes]] | None = None
    tijd: dt.datetime | None = None

    def stukken(self) -> Iterator[bytes]:
        if self.inhoud is not None:
            yield self.inhoud
            return
        if self.openen is None:
            return
        with self.openen() as bron:
            while blok := bron.read(BLOK):
                yield blok


class _Uitvoer(io.RawIOBase):
    """A write-only stream that hands what the ZIP writer wrote to the generator."""

    def __init__(self) -> None:
        self.geschreven: list[bytes] = []
        self.positie = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]  # bytes in, count out
        self.geschreven.append(bytes(data))
        self.positie += len(data)
        return len(data)

    def tell(self) -> int:
        return self.positie

    def neem(self) -> bytes:
        data = b"".join(self.geschreven)
        self.geschreven.clear()
        return data


def zip_stroom(bestanden: Iterable[Bestand]) -> Iterator[bytes]:
    """The ZIP of `bestanden`, in pieces as it is written."""
    uitvoer = _Uitvoer()
    with zipfile.ZipFile(uitvoer, "w") as archief:
        for bestand in bestanden:
            pdf = bestand.naam.lower().endswith(".pdf")
            tijd = bestand.tijd or dt.datetime.now()
            info = zipfile.ZipInfo(bestand.naam, date_time=tijd.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if pdf else zipfile.ZIP_DEFLATED
            with archief.open(info, "w", force_zip64=True) as doel:
                for stuk in bestand.stukken():
                    doel.write(stuk)
                    if data := uitvoer.neem():
                        yield data
            if data := uitvoer.neem():
                yield data
    if data := uitvoer.neem():
        yield data
