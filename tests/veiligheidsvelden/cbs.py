"""The recorded CBS responses of `data/`, served by URL instead of the network.

`OpgenomenCBS()(url)` returns the page for a URL the importer asks (the entity set and the
`$skip` of a next-link pick the file); `fout=` makes it fail as the network or CBS would."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def bestand(naam: str) -> bytes:
    return (DATA / naam).read_bytes()


def sleutel(url: str) -> str:
    delen = urllib.parse.urlsplit(url)
    versie = "v4" if delen.netloc == "datasets.cbs.nl" else "v3"
    tabel, entiteit = delen.path.rstrip("/").split("/")[-2:]
    skip = urllib.parse.parse_qs(delen.query).get("$skip")
    return f"{versie}_{tabel}_{entiteit}" + (f"_skip{skip[0]}" if skip else "")


class OpgenomenCBS:
    def __init__(self, *, fout: Exception | None = None, vervang: dict[str, Any] | None = None):
        self.fout = fout
        self.vervang = vervang or {}
        self.gevraagd: list[str] = []

    def __call__(self, url: str) -> dict[str, Any]:
        self.gevraagd.append(url)
        naam = sleutel(url)
        if self.fout is not None:
            raise self.fout
        if naam in self.vervang:
            return self.vervang[naam]
        gegevens: dict[str, Any] = json.loads((DATA / f"{naam}.json").read_text("utf-8"))
        return gegevens
