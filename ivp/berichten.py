"""The outbox: every e-mail of the application is a `Bericht` row first, sent by a task.

`bericht_maak` inserts the row with its unique key (the database decides who was first, no
read-then-write) and queues `ivp.tasks.bericht_verstuur` after the commit. The task calls
`bericht_verzend`: lock the row, send, mark it sent, commit. See docs/herinneringen.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import smtplib
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from ivp.celery import app as celery_app
from ivp.models import (
    Bericht,
    BerichtStatus,
    Gebruiker,
    Gemeente,
    MeldingKeuze,
    Meldingvoorkeur,
)

VERSTUUR_TAAK = "ivp.tasks.bericht_verstuur"
# The content type of an attachment, by its extension.
_MIMETYPES = {"ics": "text/calendar; charset=utf-8"}

# Attempts before a mail is "niet verzonden"; the wait after attempt n is 2**(n-1) minutes.
MAX_POGINGEN = 6
# Errors of the mail server or the network: worth another attempt.
VERZENDFOUTEN: tuple[type[BaseException], ...] = (smtplib.SMTPException, OSError)


@dataclass(frozen=True)
class Soort:
    """A kind of notice a person can choose for; `verplicht` ones cannot be switched off."""

    code: str
    label: str
    verplicht: bool = False


# The kinds, registered by the apps that make them (in their AppConfig.ready()).
SOORTEN: dict[str, Soort] = {}


def registreer_soort(code: str, label: str, *, verplicht: bool = False) -> None:
    SOORTEN[code] = Soort(code, label, verplicht)


def _status_voor(ontvanger: Gebruiker, soort: str) -> str:
    if not ontvanger.email:
        return BerichtStatus.GEEN_ADRES
    if soort not in SOORTEN:  # the digest itself, and kinds nobody chooses for
        return BerichtStatus.WACHT
    voorkeur = Meldingvoorkeur.objects.filter(gebruiker=ontvanger, soort=soort).first()
    keuze = voorkeur.keuze if voorkeur else MeldingKeuze.METEEN
    if keuze == MeldingKeuze.UIT and not SOORTEN[soort].verplicht:
        return BerichtStatus.UIT
    if keuze == MeldingKeuze.DAGOVERZICHT:
        return BerichtStatus.DAGOVERZICHT
    return BerichtStatus.WACHT


def sleutel_van(*, soort: str, onderwerp: str, moment: str, ontvanger: Gebruiker) -> str:
    """kind, object, moment, recipient: the identity of one mail."""
    return f"{soort}|{onderwerp}|{moment}|{ontvanger.pk}"[:255]


def message_id(bericht: Bericht) -> str:
    """The same key gives the same Message-ID, so a resend is recognised as one message."""
    domein = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "ivp-regie.local"
    return f"<{hashlib.sha256(bericht.sleutel.encode()).hexdigest()[:40]}@{domein}>"


def bericht_maak(
    *,
    soort: str,
    onderwerp: str,
    moment: str,
    ontvanger: Gebruiker,
    titel: str,
    tekst: str,
    url: str = "",
    gemeente: Gemeente | int | None = None,
    bijlage: tuple[str, str] | None = None,
) -> Bericht | None:
    """The mail for this key, or None when it exists already (nothing else happens then).

    Call inside the caller's transaction; the task is queued after its commit."""
    gemeente_id = gemeente.pk if isinstance(gemeente, Gemeente) else gemeente
    bericht = Bericht(
        sleutel=sleutel_van(soort=soort, onderwerp=onderwerp, moment=moment, ontvanger=ontvanger),
        soort=soort,
        ontvanger=ontvanger,
        gemeente_id=gemeente_id,
        adres=ontvanger.email,
        onderwerp=f"IVP Regie: {titel}"[:200],
        tekst=tekst,
        url=url,
        bijlage_naam=bijlage[0] if bijlage else "",
        bijlage=bijlage[1] if bijlage else "",
        status=_status_voor(ontvanger, soort),
    )
    try:
        with transaction.atomic():  # a savepoint: a taken key leaves the caller's work intact
            bericht.save(force_insert=True)
    except IntegrityError:
        return None
    if bericht.status == BerichtStatus.WACHT:
        _in_wachtrij(bericht.pk)
    return bericht


def _in_wachtrij(bericht_id: int) -> None:
    # By name: ivp.tasks imports this module, so this one does not import it back.
    # Robust: a broker that does not answer is logged and never reaches the user; the mail
    # waits in the outbox and the next sweep offers it again.
    taak = celery_app.tasks[VERSTUUR_TAAK]
    transaction.on_commit(lambda: taak.delay(bericht_id), robust=True)


def _mail(bericht: Bericht) -> EmailMultiAlternatives:
    link = f"{settings.IVP_BASIS_URL}{bericht.url}" if bericht.url.startswith("/") else bericht.url
    context = {"bericht": bericht, "link": link}
    mail = EmailMultiAlternatives(
        subject=bericht.onderwerp,
        body=render_to_string("mail/bericht.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[bericht.adres],
        headers={"Message-ID": message_id(bericht)},
    )
    mail.attach_alternative(render_to_string("mail/bericht.html", context), "text/html")
    if bericht.bijlage_naam:
        mail.attach(
            bericht.bijlage_naam,
            bericht.bijlage,
            _MIMETYPES.get(bericht.bijlage_naam.rpartition(".")[2], "application/octet-stream"),
        )
    return mail


def bericht_verzend(bericht_id: int) -> bool:
    """Send one waiting mail: lock, send, mark sent, commit. False when there was nothing to
    send (sent already, not waiting, gone). A mail server error propagates, the row unchanged."""
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().filter(pk=bericht_id).first()
        if bericht is None or bericht.status != BerichtStatus.WACHT:
            return False
        _mail(bericht).send()
        bericht.status = BerichtStatus.VERZONDEN
        bericht.verzonden_op = timezone.now()
        bericht.pogingen += 1
        bericht.laatste_fout = ""
        bericht.volgende_poging = None
        bericht.save(
            update_fields=["status", "verzonden_op", "pogingen", "laatste_fout", "volgende_poging"]
        )
        return True


def wachttijd(pogingen: int) -> dt.timedelta:
    """Exponential backoff: 1, 2, 4, 8, 16 … minutes after the 1st, 2nd, 3rd … failure."""
    return dt.timedelta(minutes=2 ** max(pogingen - 1, 0))


@transaction.atomic
def bericht_mislukt(bericht_id: int, fout: BaseException) -> Bericht | None:
    """Count a failed attempt. After the last one the mail is "niet verzonden"; before it,
    the row says when the next attempt is due. Returns the row when another attempt follows."""
    bericht = Bericht.objects.select_for_update().filter(pk=bericht_id).first()
    if bericht is None or bericht.status != BerichtStatus.WACHT:
        return None
    bericht.pogingen += 1
    bericht.laatste_fout = f"{type(fout).__name__}: {fout}"[:500]
    if bericht.pogingen >= MAX_POGINGEN:
        bericht.status = BerichtStatus.MISLUKT
        bericht.volgende_poging = None
    else:
        bericht.volgende_poging = timezone.now() + wachttijd(bericht.pogingen)
    bericht.save(update_fields=["pogingen", "laatste_fout", "status", "volgende_poging"])
    return bericht if bericht.status == BerichtStatus.WACHT else None


def berichten_opnieuw(*, gemeente_id: int | None = None, ook_mislukt: bool = False) -> int:
    """Queue again what waits and is due (a task lost with its broker, a retry whose time
    came); with `ook_mislukt` (a person asked) also the mails that were "niet verzonden".
    Queuing a mail twice is harmless: the task locks the row and sends only what waits."""
    nu = timezone.now()
    wacht = Q(status=BerichtStatus.WACHT) & (
        Q(volgende_poging__lte=nu)
        | Q(volgende_poging__isnull=True, gemaakt_op__lt=nu - dt.timedelta(minutes=10))
    )
    rijen = Bericht.objects.filter(wacht)
    if gemeente_id is not None:
        rijen = rijen.filter(gemeente_id=gemeente_id)
    ids = list(rijen.values_list("pk", flat=True))
    if ook_mislukt:
        with transaction.atomic():
            mislukt = Bericht.objects.select_for_update().filter(status=BerichtStatus.MISLUKT)
            if gemeente_id is not None:
                mislukt = mislukt.filter(gemeente_id=gemeente_id)
            opnieuw = list(mislukt.values_list("pk", flat=True))
            Bericht.objects.filter(pk__in=opnieuw).update(
                status=BerichtStatus.WACHT, pogingen=0, volgende_poging=None
            )
        ids += opnieuw
    for pk in ids:
        _in_wachtrij(pk)
    return len(ids)


def dagoverzichten_maak(*, vandaag: dt.date) -> int:
    """Per person one mail with the notices they chose to get in the digest and that no
    digest carried yet. Once a day: the key is the person and the day; notices that arrive
    after today's digest wait for tomorrow's. Returns the number of digests made."""
    ontvangers = sorted(
        set(
            Bericht.objects.filter(
                status=BerichtStatus.DAGOVERZICHT, verzameld_in__isnull=True
            ).values_list("ontvanger_id", flat=True)
        )
    )
    gemaakt = 0
    for ontvanger_id in ontvangers:
        with transaction.atomic():
            rijen = list(
                Bericht.objects.select_for_update()
                .filter(ontvanger_id=ontvanger_id, status=BerichtStatus.DAGOVERZICHT)
                .select_related("ontvanger")
                .order_by("gemaakt_op", "pk")
            )
            if not rijen:  # another sweep collected them a moment ago
                continue
            regels = []
            for rij in rijen:
                link = f"{settings.IVP_BASIS_URL}{rij.url}" if rij.url.startswith("/") else rij.url
                regels.append(f"- {rij.tekst.splitlines()[0]}" + (f"\n  {link}" if link else ""))
            overzicht = bericht_maak(
                soort="dagoverzicht",
                onderwerp=f"ivp.gebruiker:{ontvanger_id}",
                moment=vandaag.isoformat(),
                ontvanger=rijen[0].ontvanger,
                titel=f"dagoverzicht van {vandaag:%d-%m-%Y} ({len(rijen)} meldingen)",
                tekst="Uw meldingen sinds het vorige overzicht:\n\n" + "\n".join(regels),
            )
            if overzicht is None:
                continue
            Bericht.objects.filter(pk__in=[r.pk for r in rijen]).update(
                status=BerichtStatus.IN_OVERZICHT, verzameld_in=overzicht
            )
            gemaakt += 1
    return gemaakt


@transaction.atomic
def voorkeuren_bewaar(*, gebruiker: Gebruiker, keuzes: dict[str, str]) -> None:
    """Store a person's choice per kind; a kind that cannot be switched off refuses "uit"."""
    fouten = {
        soort: f"‘{SOORTEN[soort].label}’ kunt u niet uitzetten; kies meteen of het dagoverzicht."
        for soort, keuze in keuzes.items()
        if soort in SOORTEN and SOORTEN[soort].verplicht and keuze == MeldingKeuze.UIT
    }
    if fouten:
        raise ValidationError(fouten)
    for soort, keuze in keuzes.items():
        if soort not in SOORTEN or keuze not in MeldingKeuze.values:
            raise ValidationError({soort: "Kies een van de mogelijkheden."})
        Meldingvoorkeur.objects.update_or_create(
            gebruiker=gebruiker, soort=soort, defaults={"keuze": keuze}
        )
