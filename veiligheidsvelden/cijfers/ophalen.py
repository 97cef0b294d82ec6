"""Fetch the figures a gemeente needs from CBS's open OData endpoints (no key).

`haal_json` is the one place that touches the network (standard library, with a timeout);
the tests replace it with recorded responses. `pagina_rijen` follows the next-link of v3
(`odata.nextLink`) and v4 (`@odata.nextLink`) until the last page.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

from veiligheidsvelden.cijfers import lezen
from veiligheidsvelden.cijfers.fouten import Ophaalfout, Schemafout
from veiligheidsvelden.cijfers.tabellen import (
    CBS_V4,
    MISDRIJVEN,
    POLITIE_WIJK,
    VEILIGHEIDSMONITOR,
    Tabel,
)

TIMEOUT = 30  # seconds per request
MAX_PAGINAS = 200  # a next-link loop never runs away
# Police month figures: this many years back (the table starts in 2012; 10,000 rows a page).
MAANDEN_JAREN = 2

Ophaler = Callable[[str], dict[str, Any]]


def haal_json(url: str) -> dict[str, Any]:
    verzoek = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "IVP-Regie"}
    )
    try:
        with urllib.request.urlopen(verzoek, timeout=TIMEOUT) as antwoord:
            inhoud = antwoord.read()
    except urllib.error.HTTPError as fout:
        if fout.code >= 500:
            raise Ophaalfout(
                f"De server van CBS gaf een fout (HTTP {fout.code}). Probeer het later opnieuw, "
                "of upload de CSV-download van de tabel."
            ) from None
        raise Ophaalfout(
            f"CBS weigerde de vraag (HTTP {fout.code}). Mogelijk bestaat de tabel niet meer; "
            "upload de CSV-download van de tabel."
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as fout:
        reden = getattr(fout, "reason", fout)
        raise Ophaalfout(
            f"CBS is niet bereikbaar ({reden}). Controleer de internetverbinding van de server, "
            "of upload de CSV-download van de tabel."
        ) from None
    try:
        gegevens = json.loads(inhoud)
    except ValueError:
        raise Schemafout("CBS stuurde geen JSON terug; er is niets ingelezen.") from None
    if not isinstance(gegevens, dict):
        raise Schemafout("CBS stuurde een onverwacht antwoord; er is niets ingelezen.")
    return gegevens


def pagina_rijen(url: str, ophaler: Ophaler) -> Iterator[dict[str, Any]]:
    volgende: str | None = url
    for _ in range(MAX_PAGINAS):
        if not volgende:
            return
        gegevens = ophaler(volgende)
        rijen = gegevens.get("value")
        if not isinstance(rijen, list):
            raise Schemafout(
                "Het antwoord van CBS heeft geen lijst ‘value’; mogelijk is de opbouw van de "
                "tabel gewijzigd. Er is niets ingelezen."
            )
        yield from rijen
        volgende = gegevens.get("odata.nextLink") or gegevens.get("@odata.nextLink")
    raise Schemafout("CBS bleef verwijzen naar een volgende pagina; er is niets ingelezen.")


def _url(basis: str, **query: str) -> str:
    return f"{basis}?{urllib.parse.urlencode(query, quote_via=urllib.parse.quote)}"


def _of(veld: str, waarden: list[str], *, v3: bool = True) -> str:
    """An `or` chain (v3 has no `in`), on the trimmed key (keys are padded)."""
    if v3:
        return "(" + " or ".join(f"trim({veld}) eq '{w}'" for w in waarden) + ")"
    return f"{veld} in (" + ",".join(f"'{w}'" for w in waarden) + ")"


def misdrijven(gebieden: list[str], ophaler: Ophaler) -> list[lezen.Cel]:
    """83648NED per 1,000 inwoners and opgehelderd, through OData v4: the measure codes
    first (matched on title), then the observations of those codes."""
    basis = f"{CBS_V4}/{MISDRIJVEN.code}"
    codes = lezen.maatcodes(MISDRIJVEN, pagina_rijen(f"{basis}/MeasureCodes", ophaler))
    filter_ = " and ".join(
        [
            _of("Measure", sorted(codes), v3=False),
            _of("RegioS", gebieden, v3=False),
            _of("SoortMisdrijf", sorted(MISDRIJVEN.soortcodes), v3=False),
        ]
    )
    rijen = pagina_rijen(_url(f"{basis}/Observations", **{"$filter": filter_}), ophaler)
    return lezen.lees_observaties(MISDRIJVEN, codes, rijen)


def veiligheidsmonitor(gebieden: list[str], ophaler: Ophaler) -> list[lezen.Cel]:
    filter_ = f"{_of('RegioS', gebieden)} and Marges eq '{lezen.MARGE_WAARDE}'"
    url = _url(f"{VEILIGHEIDSMONITOR.v3}/TypedDataSet", **{"$filter": filter_})
    return lezen.lees_rijen(VEILIGHEIDSMONITOR, pagina_rijen(url, ophaler))


def wijken(gemeentecode: str, vanaf_jaar: int, ophaler: Ophaler) -> list[lezen.Cel]:
    """47022NED: the gemeente and its wijken per month, from `vanaf_jaar`."""
    nummer = gemeentecode[2:]
    filter_ = " and ".join(
        [
            f"(startswith(WijkenEnBuurten,'WK{nummer}') or "
            f"startswith(WijkenEnBuurten,'GM{nummer}'))",
            f"substring(Perioden,0,4) ge '{vanaf_jaar}'",
            _of("SoortMisdrijf", sorted(POLITIE_WIJK.soortcodes)),
        ]
    )
    url = _url(f"{POLITIE_WIJK.v3}/TypedDataSet", **{"$filter": filter_})
    return lezen.lees_rijen(POLITIE_WIJK, pagina_rijen(url, ophaler))


def wijknamen(gemeentecode: str, ophaler: Ophaler) -> dict[str, str]:
    """The names of the gemeente's wijken (the dimension set of 47022NED)."""
    filter_ = f"startswith(Key,'WK{gemeentecode[2:]}')"
    url = _url(f"{POLITIE_WIJK.v3}/WijkenEnBuurten", **{"$filter": filter_})
    return {
        lezen.code(rij.get("Key")): str(rij.get("Title") or "").strip()
        for rij in pagina_rijen(url, ophaler)
    }


def tabel_cellen(
    tabel: Tabel, gebieden: list[str], gemeentecode: str, vanaf_jaar: int, ophaler: Ophaler
) -> list[lezen.Cel]:
    if tabel is MISDRIJVEN:
        return misdrijven(gebieden, ophaler)
    if tabel is VEILIGHEIDSMONITOR:
        return veiligheidsmonitor(gebieden, ophaler)
    return wijken(gemeentecode, vanaf_jaar, ophaler)
