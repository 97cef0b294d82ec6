"""The vergaderkalender of a gemeente: meetings entered by hand, or imported from the
iCalendar file or feed that a raadsinformatiesysteem publishes, and the gemeente's lead times.

An import reads the whole file first and refuses it with a Dutch reason when nothing in it can
be used; only then does it write, in one transaction, so the calendar already entered stays
as it was. A re-import finds each meeting again by its UID and moves it when its date
changed; meetings no longer in the feed are left alone (a planning may rest on them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import socket
import urllib.request
from dataclasses import dataclass
from typing import IO, Any
from urllib.error import URLError
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from icalendar import Calendar

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.services import bewaar, verwijder
from stappen.constants import VergaderOrgaan
from stappen.models import Vergadering, Vergadertermijnen

ZONE = ZoneInfo("Europe/Amsterdam")
# A feed larger than this is not a meeting calendar.
MAX_FEED_BYTES = 5 * 1024 * 1024
FEED_TIMEOUT_SECONDEN = 15

# How a meeting's title tells who meets, when the file does not say (checked in this order).
_HERKENNING = (
    (VergaderOrgaan.COMMISSIE, ("commissie", "politieke markt", "informatieavond", "beeldvor")),
    (VergaderOrgaan.COLLEGE, ("college", "b&w", "b en w", "burgemeester en wethouders")),
    (VergaderOrgaan.RAAD, ("raad",)),
)


def vereis_gemeenteregie(gemeente: Gemeente, door: Gebruiker | None) -> None:
    if door is None:  # the nightly feed refresh
        return
    if not heeft_rol(door, gemeente.pk, PLAN_REGISSEURS):
        raise GeenToegang(f"Alleen de coördinator OOV van {gemeente} mag dit doen.")


def termijnen_van(gemeente: Gemeente) -> Vergadertermijnen:
    """The gemeente's lead times; the defaults until the coordinator changes them."""
    termijnen, _ = Vergadertermijnen.objects.get_or_create(gemeente=gemeente)
    return termijnen


# Entering by hand -------------------------------------------------------------------------


@transaction.atomic
def vergadering_bewaar(
    *,
    gemeente: Gemeente,
    door: Gebruiker,
    orgaan: str,
    datum: dt.date,
    naam: str = "",
    begintijd: dt.time | None = None,
    vergadering: Vergadering | None = None,
) -> Vergadering:
    """Add a meeting, or change one (a planning resting on it then shows it moved)."""
    vereis_gemeenteregie(gemeente, door)
    vergadering = vergadering or Vergadering(gemeente=gemeente)
    vergadering.orgaan = orgaan
    vergadering.datum = datum
    vergadering.naam = naam.strip()
    vergadering.begintijd = begintijd
    return bewaar(vergadering, door=door)


@transaction.atomic
def vergadering_verwijder(*, vergadering: Vergadering, door: Gebruiker) -> None:
    vereis_gemeenteregie(vergadering.gemeente, door)
    try:
        with transaction.atomic():
            verwijder(vergadering, door=door)
    except ProtectedError as fout:
        raise Geweigerd(
            f"De {vergadering} is gekozen in de planning van een plan; kies daar eerst een "
            f"andere vergadering."
        ) from fout


@transaction.atomic
def termijnen_bewaar(
    *,
    gemeente: Gemeente,
    door: Gebruiker,
    college_werkdagen: int,
    commissie_werkdagen: int,
    raad_werkdagen: int,
) -> Vergadertermijnen:
    vereis_gemeenteregie(gemeente, door)
    termijnen = termijnen_van(gemeente)
    termijnen.college_werkdagen = college_werkdagen
    termijnen.commissie_werkdagen = commissie_werkdagen
    termijnen.raad_werkdagen = raad_werkdagen
    return bewaar(termijnen, door=door)


# Reading an iCalendar file ----------------------------------------------------------------


@dataclass(frozen=True)
class GelezenVergadering:
    uid: str
    orgaan: str
    naam: str
    datum: dt.date
    begintijd: dt.time | None


@dataclass(frozen=True)
class Gelezen:
    vergaderingen: list[GelezenVergadering]
    zonder_datum: int
    onbekend_orgaan: int


@dataclass(frozen=True)
class Importresultaat:
    nieuw: int
    verplaatst: int
    ongewijzigd: int
    zonder_datum: int
    onbekend_orgaan: int

    def samenvatting(self) -> str:
        delen = [
            f"{self.nieuw} nieuw",
            f"{self.verplaatst} gewijzigd",
            f"{self.ongewijzigd} ongewijzigd",
        ]
        tekst = f"Vergaderingen ingelezen: {', '.join(delen)}."
        if self.zonder_datum:
            tekst += f" {self.zonder_datum} zonder datum overgeslagen."
        if self.onbekend_orgaan:
            tekst += (
                f" {self.onbekend_orgaan} overgeslagen omdat niet te zien was of het college,"
                " een commissie of de raad vergadert (kies dat bij het importeren)."
            )
        return tekst


def herken_orgaan(titel: str) -> str | None:
    kleine = titel.lower()
    for orgaan, woorden in _HERKENNING:
        if any(woord in kleine for woord in woorden):
            return orgaan
    return None


def _datum_en_tijd(waarde: object) -> tuple[dt.date, dt.time | None] | None:
    if isinstance(waarde, dt.datetime):
        # A floating time is local time; a time with a zone is shown in Amsterdam.
        lokaal = waarde.astimezone(ZONE) if waarde.tzinfo else waarde
        return lokaal.date(), lokaal.time().replace(second=0, microsecond=0)
    if isinstance(waarde, dt.date):
        return waarde, None
    return None


def _dtstart(event: object) -> object:
    """The start of an event, or None when it has none or one that cannot be read."""
    start = event.get("dtstart")  # type: ignore[attr-defined]  # an icalendar component
    try:
        return start.dt if start is not None else None
    except ValueError:  # icalendar's BrokenCalendarProperty: "DTSTART:2027zz"
        return None


def lees_ics(inhoud: bytes, *, orgaan: str = "", veld: str = "bestand") -> Gelezen:
    """The meetings in an iCalendar file. Refuses (on `veld`) a file that is not iCalendar,
    that holds no events, or whose events have no date."""
    try:
        kalender = Calendar.from_ical(inhoud)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as fout:
        raise ValidationError(
            {
                veld: "Dit is geen leesbaar iCalendar-bestand (.ics). Exporteer de agenda "
                "opnieuw uit het raadsinformatiesysteem en probeer het nog eens."
            }
        ) from fout
    if isinstance(kalender, list):  # several calendars in one file: take them all
        events = [e for k in kalender for e in k.walk("VEVENT")]
    else:
        events = kalender.walk("VEVENT")
    if not events:
        raise ValidationError(
            {veld: "Dit iCalendar-bestand bevat geen vergaderingen (geen enkele afspraak)."}
        )
    vergaderingen, zonder_datum, onbekend = [], 0, 0
    for event in events:
        titel = str(event.get("summary", "")).strip()
        moment = _datum_en_tijd(_dtstart(event))
        if moment is None:
            zonder_datum += 1
            continue
        soort = orgaan or herken_orgaan(titel)
        if soort is None:
            onbekend += 1
            continue
        datum, tijd = moment
        uid = str(event.get("uid", "")).strip()
        if not uid:  # without a UID the title and day stand in, so a re-import adds no copy
            uid = "zonder-uid-" + hashlib.sha256(f"{titel}|{datum}".encode()).hexdigest()[:32]
        vergaderingen.append(GelezenVergadering(uid[:255], soort, titel[:200], datum, tijd))
    if not vergaderingen:
        if zonder_datum and not onbekend:
            reden = (
                f"Geen van de {zonder_datum} afspraken in dit bestand heeft een datum "
                "(DTSTART); er is niets ingelezen."
            )
        else:
            reden = (
                "In dit bestand staat geen vergadering van het college, een commissie of de "
                "raad. Kies bij ‘Vergaderingen in het bestand’ wie er vergadert."
            )
        raise ValidationError({veld: reden})
    return Gelezen(vergaderingen, zonder_datum, onbekend)


def _schrijf(gemeente: Gemeente, gelezen: Gelezen, door: Gebruiker | None) -> Importresultaat:
    termijnen = termijnen_van(gemeente)
    with transaction.atomic():
        # One import per gemeente at a time (the nightly task and the coordinator's button):
        # the second waits, then finds every meeting the first added.
        Vergadertermijnen.objects.select_for_update().filter(pk=termijnen.pk).first()
        return _schrijf_vergaderingen(gemeente, gelezen, door)


def _schrijf_vergaderingen(
    gemeente: Gemeente, gelezen: Gelezen, door: Gebruiker | None
) -> Importresultaat:
    bestaand = {
        v.uid: v
        for v in Vergadering.objects.select_for_update().filter(
            gemeente=gemeente, uid__in=[g.uid for g in gelezen.vergaderingen]
        )
    }
    nieuw = verplaatst = ongewijzigd = 0
    for regel in {g.uid: g for g in gelezen.vergaderingen}.values():
        vergadering = bestaand.get(regel.uid)
        if vergadering is None:
            vergadering = Vergadering(gemeente=gemeente, uid=regel.uid)
            nieuw += 1
        elif (vergadering.datum, vergadering.begintijd, vergadering.naam, vergadering.orgaan) == (
            regel.datum,
            regel.begintijd,
            regel.naam,
            regel.orgaan,
        ):
            ongewijzigd += 1
            continue
        else:
            verplaatst += 1
        vergadering.orgaan = regel.orgaan
        vergadering.naam = regel.naam
        vergadering.datum = regel.datum
        vergadering.begintijd = regel.begintijd
        bewaar(vergadering, door=door, reden="Geïmporteerd uit de iCalendar-agenda")
    return Importresultaat(
        nieuw, verplaatst, ongewijzigd, gelezen.zonder_datum, gelezen.onbekend_orgaan
    )


def vergaderingen_importeer(
    *, gemeente: Gemeente, door: Gebruiker, inhoud: bytes, orgaan: str = ""
) -> Importresultaat:
    """Import an uploaded .ics file into the gemeente's calendar."""
    vereis_gemeenteregie(gemeente, door)
    return _schrijf(gemeente, lees_ics(inhoud, orgaan=orgaan), door)


# The feed of the raadsinformatiesysteem ---------------------------------------------------


def vereis_openbaar_adres(url: str, *, opzoeken: bool = True) -> None:
    """Refuse (ValueError, a Dutch reason) an address this server must not fetch: anything
    but http(s), and — unless `IVP_VERGADERFEED_INTERN` — a host on a private, loopback,
    link-local or otherwise non-public address (the server's own network, the cloud's
    metadata service). With `opzoeken` every address the name resolves to is checked (when
    fetching); without, only what the address itself says (when it is saved: a name that
    does not resolve now may tomorrow, and the fetch checks again)."""
    delen = urlsplit(url)
    if delen.scheme.lower() not in ("http", "https"):
        raise ValueError("alleen http- en https-adressen")
    host = (delen.hostname or "").rstrip(".").lower()
    if not host:
        raise ValueError("het adres mist een servernaam")
    if getattr(settings, "IVP_VERGADERFEED_INTERN", False):
        return
    intern = f"{delen.hostname} is een intern adres; deze server haalt daar niets op"
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        raise ValueError(intern)
    try:
        adressen = {str(ipaddress.ip_address(host))}
    except ValueError:
        if not opzoeken:
            return
        try:
            adressen = {str(info[4][0]) for info in socket.getaddrinfo(host, delen.port or None)}
        except (socket.gaierror, UnicodeError) as fout:
            raise ValueError(f"de servernaam {delen.hostname} is onbekend") from fout
    if not all(ipaddress.ip_address(adres.split("%")[0]).is_global for adres in adressen):
        raise ValueError(intern)


class _AlleenOpenbaar(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address `vereis_openbaar_adres` allows."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        vereis_openbaar_adres(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def haal_feed(url: str) -> bytes:
    """GET the feed (at most `MAX_FEED_BYTES`) from a public http(s) address, redirects
    included (`vereis_openbaar_adres`). Tests replace this."""
    vereis_openbaar_adres(url)
    opener = urllib.request.build_opener(_AlleenOpenbaar)
    verzoek = urllib.request.Request(url, headers={"User-Agent": "IVP Regie"})
    with opener.open(verzoek, timeout=FEED_TIMEOUT_SECONDEN) as antwoord:
        return bytes(antwoord.read(MAX_FEED_BYTES + 1))[: MAX_FEED_BYTES + 1]


def feed_mag() -> bool:
    """Whether this server may fetch feeds from outside (`IVP_VERGADERFEED`)."""
    return bool(getattr(settings, "IVP_VERGADERFEED", True))


@transaction.atomic
def feed_bewaar(*, gemeente: Gemeente, door: Gebruiker, feed_url: str, feed_orgaan: str) -> None:
    vereis_gemeenteregie(gemeente, door)
    feed_url = feed_url.strip()
    if feed_url and feed_mag():
        try:
            vereis_openbaar_adres(feed_url, opzoeken=False)
        except ValueError as fout:
            raise ValidationError(
                {
                    "feed_url": f"Dit adres kan niet: {fout}. Vul het openbare adres van de "
                    "agenda in."
                }
            ) from fout
    termijnen = termijnen_van(gemeente)
    termijnen.feed_url = feed_url
    termijnen.feed_orgaan = feed_orgaan
    termijnen.feed_fout = ""
    bewaar(termijnen, door=door)


def feed_ververs(*, gemeente: Gemeente, door: Gebruiker | None = None) -> Importresultaat:
    """Fetch the gemeente's feed and import it. A feed that does not answer, or that holds
    nothing usable, is refused (on `feed_url`) and recorded; the calendar stays as it was."""
    vereis_gemeenteregie(gemeente, door)
    termijnen = termijnen_van(gemeente)
    if not termijnen.feed_url:
        raise ValidationError({"feed_url": "Vul eerst het adres van de agenda in."})
    if not feed_mag():
        raise ValidationError(
            {
                "feed_url": "Deze server haalt geen agenda's van buiten op. Exporteer de "
                "agenda als .ics-bestand en upload dat."
            }
        )
    try:
        try:
            inhoud = haal_feed(termijnen.feed_url)
        except (URLError, OSError, ValueError) as fout:
            raise ValidationError(
                {
                    "feed_url": f"De agenda op {termijnen.feed_url} antwoordt niet "
                    f"({getattr(fout, 'reason', fout)}). De kalender is niet gewijzigd; "
                    "probeer het later opnieuw of upload het .ics-bestand."
                }
            ) from fout
        if len(inhoud) > MAX_FEED_BYTES:
            raise ValidationError({"feed_url": "Deze agenda is te groot (meer dan 5 MB)."})
        resultaat = _schrijf(
            gemeente, lees_ics(inhoud, orgaan=termijnen.feed_orgaan, veld="feed_url"), door
        )
    except ValidationError as fout:
        Vergadertermijnen.objects.filter(pk=termijnen.pk).update(
            feed_fout=" ".join(fout.messages)[:500]
        )
        raise
    Vergadertermijnen.objects.filter(pk=termijnen.pk).update(
        feed_fout="", feed_opgehaald_op=timezone.now()
    )
    return resultaat
