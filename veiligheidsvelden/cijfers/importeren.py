"""The import of open figures into `Indicator`/`Meting`: from CBS (the Celery task, the shell
command) or from an uploaded CSV download, for a gemeente, the neighbours of its regio and
the Netherlands.

Everything is fetched and read before anything is written, and the writes are one
transaction: a failure (network, HTTP 5xx, changed schema, unknown gemeente code, broken
upload) leaves the stored metingen as they were and is recorded, in Dutch, on the
`Cijferimport` the import page shows. Idempotent: a value read twice is one meting; a value
CBS corrected updates its meting, whose history keeps the old value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ivp.exceptions import GeenToegang
from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.services import bewaar
from veiligheidsvelden.cijfers import lezen, ophalen
from veiligheidsvelden.cijfers.fouten import Cijferfout, Gebiedsfout, Ophaalfout
from veiligheidsvelden.cijfers.tabellen import (
    MISDRIJVEN,
    POLITIE_WIJK,
    TABELLEN,
    VEILIGHEIDSMONITOR,
    Tabel,
    indicator_naam,
    indicatoren,
    sleutel,
)
from veiligheidsvelden.constants import ImportStatus, ImportWijze
from veiligheidsvelden.models import Cijferimport, Indicator, Meting, Thema

NEDERLAND = ("Nederland", None)


@transaction.atomic
def standaard_indicatoren() -> dict[tuple[str, str], Indicator]:
    """The default indicators of the three tables with their themes (`../shared/domain.md`
    §1.2); idempotent. Themes are set when an indicator is made; beheer may change them."""
    themas = {t.code: t for t in Thema.objects.filter(gemeente__isnull=True)}
    bestaand = {
        (i.tabel, i.maat): i
        for i in Indicator.objects.filter(gemeente__isnull=True, tabel__in=TABELLEN)
    }
    for tabel, soort, maat, codes in indicatoren():
        sleutel_ = (tabel.code, sleutel(soort, maat))
        if sleutel_ in bestaand:
            continue
        indicator = bewaar(
            Indicator(
                naam=indicator_naam(tabel, soort, maat),
                eenheid=maat.eenheid,
                bron=tabel.bron,
                tabel=tabel.code,
                maat=sleutel_[1],
                richting=maat.richting,
                omschrijving=f"{tabel.naam}; maat: {maat.titel}"
                + (f"; soort misdrijf {soort}" if soort else ""),
            ),
            door=None,
            reden="Standaardindicator",
        )
        indicator.themas.set([themas[c] for c in codes if c in themas])
        bestaand[sleutel_] = indicator
    return bestaand


def buren(gemeente: Gemeente) -> list[Gemeente]:
    """The other gemeenten of the regio's the gemeente is in."""
    return list(
        Gemeente.objects.filter(regios__gemeenten=gemeente)
        .exclude(pk=gemeente.pk)
        .distinct()
        .order_by("naam")
    )


@dataclass
class _Gelezen:
    tabellen: list[Tabel]
    cellen: list[lezen.Cel]
    wijknamen: dict[str, str]
    bron: dict[str, str]


def _gebieden(gemeente: Gemeente) -> dict[str, tuple[str, Gemeente | None]]:
    gebieden: dict[str, tuple[str, Gemeente | None]] = {
        g.cbs_code: (g.naam, g) for g in [gemeente, *buren(gemeente)]
    }
    gebieden[lezen.NEDERLAND] = NEDERLAND
    return gebieden


def _haal_op(gemeente: Gemeente, gebieden: list[str], ophaler: ophalen.Ophaler) -> _Gelezen:
    vandaag = timezone.localdate()
    vanaf = vandaag.year - ophalen.MAANDEN_JAREN
    tabellen = [MISDRIJVEN, POLITIE_WIJK, VEILIGHEIDSMONITOR]
    cellen: list[lezen.Cel] = []
    for tabel in tabellen:
        cellen.extend(ophalen.tabel_cellen(tabel, gebieden, gemeente.cbs_code, vanaf, ophaler))
    namen = ophalen.wijknamen(gemeente.cbs_code, ophaler)
    bron = {t.code: f"{t.naam}, opgehaald op {vandaag:%d-%m-%Y}" for t in tabellen}
    return _Gelezen(tabellen, cellen, namen, bron)


def _lees_bestand(inhoud: bytes) -> _Gelezen:
    tabel, cellen = lezen.lees_csv(inhoud)
    bron = {tabel.code: f"{tabel.naam}, CSV-download ingelezen op {timezone.localdate():%d-%m-%Y}"}
    return _Gelezen([tabel], cellen, {}, bron)


def _binnen(
    cellen: Iterable[lezen.Cel], gebieden: dict[str, tuple[str, Gemeente | None]], wijk: str
) -> list[lezen.Cel]:
    return [
        c
        for c in cellen
        if c.gebied in gebieden or (c.tabel == POLITIE_WIJK.code and c.gebied.startswith(wijk))
    ]


def _vereis_gemeente(gemeente: Gemeente, gelezen: _Gelezen, cellen: list[lezen.Cel]) -> str:
    """The gemeente itself must be in the figures; a neighbour missing is only noted."""
    gevonden = {c.gebied for c in cellen}
    if gemeente.cbs_code not in gevonden:
        tabellen = ", ".join(t.code for t in gelezen.tabellen)
        raise Gebiedsfout(
            f"In {tabellen} staan geen cijfers voor gemeentecode {gemeente.cbs_code} "
            f"({gemeente.naam}). Controleer de CBS-code van de gemeente (na een herindeling "
            "krijgt een gemeente een nieuwe code) of het bestand. Er is niets gewijzigd."
        )
    ontbrekend = [g.naam for g in buren(gemeente) if g.cbs_code not in gevonden]
    if ontbrekend:
        return f" Geen cijfers gevonden voor: {', '.join(ontbrekend)}."
    return ""


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0


def _bewaar(
    gelezen: _Gelezen,
    cellen: list[lezen.Cel],
    gebieden: dict[str, tuple[str, Gemeente | None]],
    gemeente: Gemeente,
    door: Gebruiker | None,
    nu: dt.datetime,
) -> Telling:
    indicatoren_ = standaard_indicatoren()
    per_sleutel: dict[tuple[int, str, int, int], tuple[lezen.Cel, Indicator]] = {}
    for cel in cellen:
        if cel.waarde is None:  # suppressed or not published: not zero, not stored
            continue
        indicator = indicatoren_[(cel.tabel, sleutel(cel.soort, cel.maat))]
        per_sleutel[(indicator.pk, cel.gebied, cel.jaar, cel.maand)] = (cel, indicator)
    bestaand = {
        (m.indicator_id, m.gebied_code, m.jaar, m.maand): m
        for m in Meting.objects.select_for_update().filter(
            indicator_id__in={k[0] for k in per_sleutel},
            gebied_code__in={k[1] for k in per_sleutel},
        )
    }
    telling = Telling()
    for k, (cel, indicator) in per_sleutel.items():
        assert cel.waarde is not None
        meting = bestaand.get(k)
        if meting is not None and meting.waarde == cel.waarde:
            telling.ongewijzigd += 1
            continue
        if meting is None:
            naam, eigen = gebieden.get(cel.gebied, (gelezen.wijknamen.get(cel.gebied), None))
            meting = Meting(
                indicator=indicator,
                gebied_code=cel.gebied,
                gebied_naam=naam or cel.gebied,
                gemeente=eigen if cel.gebied in gebieden else gemeente,
                jaar=cel.jaar,
                maand=cel.maand,
            )
            telling.nieuw += 1
            reden = "Ingelezen"
        else:
            telling.gewijzigd += 1
            reden = f"Gecorrigeerd door de bron (was {meting.waarde})"
        meting.waarde = cel.waarde
        meting.bron = gelezen.bron[cel.tabel]
        meting.opgehaald_op = nu
        # The indicator and the gemeente are rows read in this transaction and each key is
        # there once (per_sleutel, bestaand; the database's unique constraint backs it), so
        # only the values are validated: checking those again costs three queries a value.
        meting.full_clean(exclude=["indicator", "gemeente"], validate_unique=False)
        bewaar(meting, door=door, reden=reden, valideer=False)
    return telling


def cijfers_importeer(
    *,
    gemeente: Gemeente,
    door: Gebruiker | None = None,
    bestand: bytes | None = None,
    ophaler: ophalen.Ophaler | None = None,
) -> Cijferimport:
    """Import the figures for `gemeente`, its neighbours and the Netherlands: from CBS, or
    from `bestand` (a CSV download). Returns the recorded run, successful or not; only the
    coordinator OOV of the gemeente (or the system: the task, the shell) may start it."""
    if door is not None and not heeft_rol(door, gemeente.pk, PLAN_REGISSEURS):
        raise GeenToegang(f"Alleen de coördinator OOV van {gemeente} mag cijfers inlezen.")
    nu = timezone.now()
    run = Cijferimport(
        gemeente=gemeente,
        door=door,
        gestart_op=nu,
        wijze=ImportWijze.UPLOAD if bestand is not None else ImportWijze.API,
    )
    gebieden = _gebieden(gemeente)
    try:
        if bestand is not None:
            gelezen = _lees_bestand(bestand)
        else:
            gelezen = _haal_op(gemeente, sorted(gebieden), ophaler or ophalen.haal_json)
        run.tabellen = ", ".join(t.code for t in gelezen.tabellen)
        cellen = _binnen(gelezen.cellen, gebieden, f"WK{gemeente.cbs_code[2:]}")
        opmerking = _vereis_gemeente(gemeente, gelezen, cellen)
        with transaction.atomic():
            telling = _bewaar(gelezen, cellen, gebieden, gemeente, door, nu)
    except Cijferfout as fout:
        run.status = ImportStatus.MISLUKT
        run.melding = str(fout)
        run.tijdelijk = isinstance(fout, Ophaalfout)
    else:
        run.status = ImportStatus.GELUKT
        run.nieuw, run.gewijzigd, run.ongewijzigd = (
            telling.nieuw,
            telling.gewijzigd,
            telling.ongewijzigd,
        )
        run.melding = (
            f"{telling.nieuw} nieuwe metingen, {telling.gewijzigd} gecorrigeerd, "
            f"{telling.ongewijzigd} ongewijzigd.{opmerking}"
        )
    bewaar(run, door=door)
    return run
