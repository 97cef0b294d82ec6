"""Builders for the griffie's and the record's tests: a plan whose stukken reached the raad,
renderings that are ready (a small PDF file in private storage with its SHA-256, as the
rendering task leaves it), and a voorstel planned for a meeting."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone

from ivp.models import Gebruiker, Plan
from stappen import services
from stappen.constants import DocumentSoort, WeergaveSoort, WeergaveStatus
from stappen.models import Document, Versie, Voorstel, Weergave
from stappen.selectors.stukken import stuk_orgaan
from tests.stappen.stappenplan import document, rond_af

# The meetings `rond_af(plan, door, 5)` records (tests/stappen/stappenplan.py).
PRIORITERING_OP = dt.date(2022, 10, 25)
IVP_OP = dt.date(2023, 3, 28)
KENNISNAME_OP = dt.date(2023, 4, 25)


def pdf_bytes(tekst: str) -> bytes:
    """A tiny PDF-like file, unique per call (the tests read it back byte for byte)."""
    return f"%PDF-1.7\n% {tekst} {uuid.uuid4()}\n%%EOF\n".encode()


def klare_weergave(
    versie: Versie,
    door: Gebruiker,
    *,
    soort: str = WeergaveSoort.OPENBAAR,
    vrijgegeven: bool = False,
    inhoud: bytes | None = None,
) -> Weergave:
    inhoud = inhoud or pdf_bytes(f"{versie} {soort}")
    nu = timezone.now()
    weergave = Weergave(
        versie=versie,
        orgaan=stuk_orgaan(versie.document.soort),
        soort=soort,
        status=WeergaveStatus.KLAAR,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        paginas=3,
        grootte=len(inhoud),
        aangevraagd_door=door,
        klaar_op=nu,
        vrijgegeven_door=door if vrijgegeven else None,
        vrijgegeven_op=nu if vrijgegeven else None,
    )
    weergave.bestand.save(f"test-{uuid.uuid4().hex}.pdf", ContentFile(inhoud), save=False)
    weergave.save()
    return weergave


def laatste_versie(doc: Document) -> Versie:
    return doc.versies.order_by("-hoofd", "-sub").first()  # type: ignore[return-value]


def voorstel(
    versie: Versie, door: Gebruiker, *, vergaderdatum: dt.date | None = None, nummer: str = ""
) -> Voorstel:
    return Voorstel.objects.create(
        versie=versie,
        orgaan=stuk_orgaan(versie.document.soort),
        onderwerp=f"Vaststellen {versie.document.titel}",
        voorstelnummer=nummer,
        portefeuillehouder="burgemeester H. Jansen",
        vergaderdatum=vergaderdatum,
        beslispunten="Het document vast te stellen.",
        gewijzigd_door=door,
    )


def plan_bij_de_raad(plan: Plan, door: Gebruiker) -> dict[str, Document]:
    """Steps 1–5 afgerond (startnotitie by the college, prioritering and IVP by the raad,
    the uitvoeringsplan by the college and noted by the raad), every version that reached
    the raad rendered; the IVP with its raadsvoorstel."""
    rond_af(plan, door, 5)
    stukken = {
        "startnotitie": document(plan, DocumentSoort.STARTNOTITIE),
        "prioritering": document(plan, DocumentSoort.PRIORITERING),
        "ivp": document(plan, DocumentSoort.IVP),
        "uitvoeringsplan": document(plan, DocumentSoort.UITVOERINGSPLAN, plan.periode_start.year),
    }
    for doc in stukken.values():
        klare_weergave(laatste_versie(doc), door)
    voorstel(laatste_versie(stukken["ivp"]), door, nummer="2023-RAAD-0012")
    return stukken


def ter_besluitvorming(plan: Plan, door: Gebruiker, soort: str = DocumentSoort.PRIORITERING):
    """The document of `soort` offered to the raad (whatever is still open)."""
    doc = document(plan, soort)
    services.document_submit(document=doc, door=door, motivatie="Voor de test.")
    return doc
