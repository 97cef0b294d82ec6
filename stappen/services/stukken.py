"""Every write of the stukken: the voorstel, asking for a PDF rendering, retrying a failed
one, releasing a closed one to the raad, and the rendering itself (the task's body).

See docs/pdf.md. A rendering copies the voorstel and the bijlagen when it is asked for and
renders from that copy and the version's snapshot only; the file is written once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ivp.celery import app as celery_app
from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from stappen.constants import (
    VASTSTELLENDE_UITKOMSTEN,
    DocumentSoort,
    DocumentStatus,
    Orgaan,
    WeergaveSoort,
    WeergaveStatus,
)
from stappen.models import Analyse, Hoofdstuk, Versie, Voorstel, Weergave
from stappen.pdf.bijlagen import bouw_bijlagen
from stappen.pdf.html import stuk_html
from stappen.selectors.stukken import stuk_orgaan

logger = logging.getLogger(__name__)

PDF_TAAK = "stappen.tasks.pdf_renderen"
VOORSTEL_VELDEN = (
    "onderwerp",
    "voorstelnummer",
    "zaaknummer",
    "portefeuillehouder",
    "vergaderdatum",
    "beslispunten",
    "inleiding",
    "beoogd_effect",
    "argumenten",
    "kanttekeningen",
    "alternatieven",
    "financien",
    "communicatie",
    "vervolg",
    "bijlagen",
)
MAX_FOUT_TEKENS = 2000


def voorstel_opslaan(versie: Versie, *, door: Gebruiker, **velden: Any) -> Voorstel:
    """Write the voorstel of `versie` for the body that decides its document (coordinator).
    Unknown field names are refused; wrong input raises a ValidationError per field."""
    document = versie.document
    vereis_regie(document.plan, door)
    onbekend = set(velden) - set(VOORSTEL_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    orgaan = stuk_orgaan(document.soort)
    with transaction.atomic():
        voorstel = (
            Voorstel.objects.select_for_update().filter(versie=versie, orgaan=orgaan).first()
        ) or Voorstel(versie=versie, orgaan=orgaan)
        for naam, waarde in velden.items():
            setattr(voorstel, naam, waarde)
        voorstel.gewijzigd_door = door
        voorstel.gewijzigd_op = timezone.now()
        bewaar(voorstel, door=door, reden=f"Voorstel bij versie {versie.nummer}")
    return voorstel


def vertrouwelijk_markeren(
    onderdeel: Hoofdstuk | Analyse, *, door: Gebruiker, vertrouwelijk: bool, reden: str = ""
) -> Hoofdstuk | Analyse:
    """Mark a chapter or an analysis confidential (with the reason the public PDF shows), or
    public again; the coordinator, while the document is a draft. From the next version on
    the public PDF leaves it out."""
    if isinstance(onderdeel, Hoofdstuk):
        document = onderdeel.document
    else:
        document = onderdeel.plan.documenten.get(soort=DocumentSoort.VEILIGHEIDSANALYSE)
    vereis_regie(document.plan, door)
    if document.status != DocumentStatus.CONCEPT:
        raise Geweigerd(f"{document.titel} is geen concept; dit kan nu niet meer veranderen.")
    onderdeel.vertrouwelijk = vertrouwelijk
    onderdeel.vertrouwelijk_reden = reden.strip() if vertrouwelijk else ""
    reden_tekst = "Vertrouwelijk gemaakt" if vertrouwelijk else "Openbaar gemaakt"
    return bewaar(onderdeel, door=door, reden=reden_tekst)


def _voorstel_gegevens(voorstel: Voorstel | None) -> dict[str, Any] | None:
    if voorstel is None:
        return None
    gegevens: dict[str, Any] = {naam: getattr(voorstel, naam) for naam in VOORSTEL_VELDEN}
    datum = voorstel.vergaderdatum
    gegevens["vergaderdatum"] = datum.isoformat() if datum else ""
    return gegevens


def _versiedatum(versie: Versie) -> dt.date:
    """The day of the decision that adopted a whole version (1.0), else the day it was made."""
    if versie.sub == 0:
        besluit = (
            versie.document.besluiten.filter(uitkomst__in=VASTSTELLENDE_UITKOMSTEN)
            .order_by("-datum")
            .first()
        )
        if besluit is not None:
            return besluit.datum
    return timezone.localtime(versie.gemaakt_op).date()


def stuk_gegevens(versie: Versie, orgaan: str) -> dict[str, Any]:
    """What a rendering reads besides the version's snapshot, copied now."""
    document = versie.document
    gemeente = document.plan.gemeente
    voorstel = Voorstel.objects.filter(versie=versie, orgaan=orgaan).first()
    return {
        "document": {
            "titel": document.titel,
            "soort": document.soort,
            "versie": versie.nummer,
            "versie_datum": _versiedatum(versie).isoformat(),
            "gemeente": gemeente.naam
            if gemeente.naam.startswith("Gemeente")
            else f"Gemeente {gemeente.naam}",
            "gemeente_naam": gemeente.naam,
            "plan": document.plan.titel,
        },
        "orgaan": orgaan,
        "voorstel": _voorstel_gegevens(voorstel),
        "bijlagen": bouw_bijlagen(document),
    }


def _in_de_wachtrij(weergave: Weergave) -> None:
    taak = celery_app.tasks[PDF_TAAK]
    # Robust: a broker that does not answer leaves the rendering "in de wachtrij".
    transaction.on_commit(lambda: taak.delay(weergave.pk), robust=True)


def weergave_aanvragen(versie: Versie, *, door: Gebruiker, soort: str) -> Weergave:
    """Ask for a PDF of `versie` (public or closed), for the body that decides it."""
    document = versie.document
    vereis_regie(document.plan, door)
    if soort not in WeergaveSoort.values:
        raise Geweigerd("Kies een openbare of een besloten PDF.")
    orgaan = stuk_orgaan(document.soort)
    with transaction.atomic():
        Versie.objects.select_for_update().filter(pk=versie.pk).first()  # one at a time
        if Weergave.objects.filter(
            versie=versie,
            soort=soort,
            status__in=[WeergaveStatus.WACHTRIJ, WeergaveStatus.BEZIG],
        ).exists():
            raise Geweigerd("Deze PDF wordt al gemaakt; wacht tot hij klaar is.")
        weergave = Weergave(
            versie=versie,
            orgaan=orgaan,
            soort=soort,
            gegevens=stuk_gegevens(versie, orgaan),
            aangevraagd_door=door,
        )
        bewaar(weergave, door=door)
        _in_de_wachtrij(weergave)
    return weergave


def weergave_opnieuw(weergave: Weergave, *, door: Gebruiker) -> Weergave:
    """Retry a failed rendering (the same copy of the voorstel and bijlagen)."""
    vereis_regie(weergave.versie.document.plan, door)
    with transaction.atomic():
        huidig = Weergave.objects.select_for_update().get(pk=weergave.pk)
        if huidig.status != WeergaveStatus.MISLUKT:
            raise Geweigerd("Alleen een mislukte PDF wordt opnieuw gemaakt.")
        huidig.status = WeergaveStatus.WACHTRIJ
        huidig.fout = ""
        huidig.save(update_fields=["status", "fout"])
        _in_de_wachtrij(huidig)
    return huidig


def weergave_vrijgeven(weergave: Weergave, *, door: Gebruiker) -> Weergave:
    """Release a finished closed rendering to the raad: from now on the griffie gets it."""
    vereis_regie(weergave.versie.document.plan, door)
    with transaction.atomic():
        huidig = Weergave.objects.select_for_update().get(pk=weergave.pk)
        if not huidig.is_besloten:
            raise Geweigerd("Alleen een besloten PDF wordt aan de raad vrijgegeven.")
        if huidig.orgaan != Orgaan.RAAD:
            raise Geweigerd("Alleen een stuk voor de raad wordt aan de raad vrijgegeven.")
        if not huidig.is_klaar:
            raise Geweigerd("De PDF is nog niet klaar.")
        if huidig.vrijgegeven_op is not None:
            raise Geweigerd("Deze PDF is al aan de raad vrijgegeven.")
        huidig.vrijgegeven_door = door
        huidig.vrijgegeven_op = timezone.now()
        bewaar(huidig, door=door)
    return huidig


def weergaven_nalopen(nu: dt.datetime, geduld: dt.timedelta) -> int:
    """The hourly sweep (ivp/opruimen.py): queue again the renderings that wait "in de
    wachtrij" since before `nu - geduld` (asked, or last tried, that long ago). The message
    renders only one that still waits, so one already taken up is never rendered twice."""
    grens = nu - geduld
    ids = list(
        Weergave.objects.filter(status=WeergaveStatus.WACHTRIJ, aangevraagd_op__lt=grens)
        .filter(Q(begonnen_op__isnull=True) | Q(begonnen_op__lt=grens))
        .values_list("pk", flat=True)
    )
    taak = celery_app.tasks[PDF_TAAK]
    for pk in ids:
        taak.delay(pk, alleen_wachtrij=True)
    return len(ids)


def weergave_renderen(weergave_id: int, *, alleen_wachtrij: bool = False) -> Weergave | None:
    """The task's body: render a queued rendering once. A finished or failed one is left
    alone (idempotent); one left "bezig" by a lost worker is rendered again, unless
    `alleen_wachtrij` (the sweep's message: only what still waits)."""
    te_doen = (
        [WeergaveStatus.WACHTRIJ]
        if alleen_wachtrij
        else [
            WeergaveStatus.WACHTRIJ,
            WeergaveStatus.BEZIG,
        ]
    )
    with transaction.atomic():
        weergave = (
            Weergave.objects.select_for_update().select_related("versie").filter(pk=weergave_id)
        ).first()
        if weergave is None or weergave.status not in te_doen:
            return weergave
        weergave.status = WeergaveStatus.BEZIG
        weergave.begonnen_op = timezone.now()
        weergave.pogingen += 1
        weergave.save(update_fields=["status", "begonnen_op", "pogingen"])
    try:
        html = stuk_html(
            inhoud=weergave.versie.inhoud, gegevens=weergave.gegevens, besloten=weergave.is_besloten
        )
        # WeasyPrint is imported here, by the worker that renders: importing it costs every
        # process (gunicorn's workers, manage.py, Celery) over a second of CPU at start.
        from stappen.pdf.render import html_naar_pdf

        pdf = html_naar_pdf(html)
    except Exception as fout:  # every failure is shown as "mislukt" with a retry
        logger.exception("PDF %s mislukt", weergave_id)
        tekst = f"{type(fout).__name__}: {fout}"[:MAX_FOUT_TEKENS]
        Weergave.objects.filter(pk=weergave_id, status=WeergaveStatus.BEZIG).update(
            status=WeergaveStatus.MISLUKT, fout=tekst
        )
        weergave.refresh_from_db()
        return weergave
    hash_ = hashlib.sha256(pdf.inhoud).hexdigest()
    with transaction.atomic():
        huidig = Weergave.objects.select_for_update().get(pk=weergave_id)
        if huidig.status != WeergaveStatus.BEZIG:
            return huidig
        # A new name for every file: a stored PDF is never overwritten.
        huidig.bestand.save(f"{huidig.pk}-{hash_[:16]}.pdf", ContentFile(pdf.inhoud), save=False)
        huidig.sha256 = hash_
        huidig.paginas = pdf.paginas
        huidig.grootte = len(pdf.inhoud)
        huidig.status = WeergaveStatus.KLAAR
        huidig.klaar_op = timezone.now()
        huidig.fout = ""
        try:
            huidig.full_clean(exclude=["bestand"])
        except ValidationError:
            huidig.bestand.delete(save=False)
            raise
        huidig.save()
    return huidig
