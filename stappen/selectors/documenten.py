"""The reads of the document pages, each in a fixed number of queries however many chapters,
versions and comments a document has (comments are grouped per section in Python). The
comparison of two versions is in `versievergelijking`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from ivp.constants import RolSoort
from ivp.models import Gebruiker, Plan
from ivp.permissions import heeft_rol
from ivp.selectors import gebruikers_met_rol, in_regio, zichtbaar_plan
from ivp.vaste_query import VasteQuery
from stappen import signalen
from stappen.constants import JAARLIJKSE_SOORTEN
from stappen.models import Besluit, Bespreking, Document, Hoofdstuk, Opmerking, Versie
from stappen.rechten import (
    CONCEPT_LEZERS,
    mag_concepten_zien,
    mag_document_lezen,
    mag_hoofdstuk_schrijven,
    mag_reageren,
    mag_regisseren,
)
from stappen.secties import Sectie, bouw_structuur
from stappen.selectors.draden import Draden, draad_blokken, per_sectie
from stappen.selectors.leesvolgorde import InhoudRegel, leesvolgorde
from stappen.signalen import Signaal


def plan_document(plan: Plan, soort: str) -> Document | None:
    """The plan's one document of `soort` (startnotitie, veiligheidsanalyse, prioritering,
    IVP); a yearly soort has one per year: the first year's."""
    return plan.documenten.filter(soort=soort).order_by("jaar", "pk").first()


@cache
def _documenten() -> QuerySet[Document]:
    """Documents with their plan, gemeente and step and whether the gemeente is in a region,
    unordered (one is read by its key: the Meta ordering would sort it by the plan's gemeente,
    with a join); built once per process, filtered per request."""
    return (
        Document.objects.select_related("plan__gemeente", "stap")
        .annotate(plan_in_regio=in_regio("plan__gemeente_id"))
        .order_by()
    )


# The reads of the document page, compiled once per process (`ivp.vaste_query`): compiling
# them was about half of the page's Python (issue 8). Filtered on keys, not through the
# related managers; `document_pagina` sets the document on what it read.
_DOCUMENT = VasteQuery(lambda pk: _documenten().filter(pk=pk).order_by("pk")[:1], "pk")
_HOOFDSTUKKEN = VasteQuery(
    lambda document_id: (
        Hoofdstuk.objects.filter(document_id=document_id)
        .select_related("auteur")
        .order_by("volgorde", "pk")
    ),
    "document_id",
)


def _versies(*, concepten: bool) -> VasteQuery:
    def bouw(document_id: int) -> QuerySet[Versie]:
        versies = (
            Versie.objects.filter(document_id=document_id)
            .select_related("gemaakt_door")
            .defer("inhoud")
            .order_by("hoofd", "sub")
        )
        return versies if concepten else versies.filter(hoofd__gte=1, sub=0)

    return VasteQuery(bouw, "document_id")


_VERSIES = {True: _versies(concepten=True), False: _versies(concepten=False)}
# The open round, ordered within the document only (Meta.ordering would join the document,
# plan, gemeente and step); its version is one of the versions read.
_OPEN_BESPREKING = VasteQuery(
    lambda document_id: Bespreking.objects.filter(
        document_id=document_id, gesloten_op__isnull=True
    ).order_by("-geopend_op", "-pk")[:1],
    "document_id",
)
_BESLUITEN = VasteQuery(
    lambda document_id: Besluit.objects.filter(document_id=document_id).order_by(
        "datum", "vastgelegd_op"
    ),
    "document_id",
)


def zichtbaar_document(user: Gebruiker, document_id: int) -> Document:
    """The document, or 404 when it does not exist or `user` may not read it."""
    gevonden = _DOCUMENT.objecten(pk=document_id)
    document = gevonden[0] if gevonden else None
    if document is None or not mag_document_lezen(user, document):
        raise Http404("Document niet gevonden.")
    document.plan.in_regio = document.plan_in_regio  # as zichtbaar_plan
    return document


def documenten_van_plan(user: Gebruiker, plan_id: int) -> tuple[Plan, list[Document]]:
    plan = zichtbaar_plan(user, plan_id)
    documenten = (
        plan.documenten.select_related("stap")
        .annotate(aantal_versies=Count("versies", distinct=True))
        .order_by("stap__nummer", "jaar", "soort")
    )
    if not heeft_rol(user, plan.gemeente_id, CONCEPT_LEZERS):
        documenten = documenten.filter(status="vastgesteld")
    return plan, list(documenten)


def _draad_queryset() -> QuerySet[Opmerking]:
    return (
        Opmerking.objects.filter(antwoord_op__isnull=True)
        .select_related("auteur", "versie", "opgelost_door")
        .prefetch_related(
            Prefetch(
                "antwoorden",
                queryset=Opmerking.objects.select_related("auteur").order_by("geplaatst_op", "pk"),
            )
        )
        .order_by("geplaatst_op", "pk")
    )


@dataclass
class HoofdstukRegel:
    hoofdstuk: Hoofdstuk
    mag_schrijven: bool
    draden: Draden


@dataclass
class DocumentPagina:
    document: Document
    hoofdstukken: list[HoofdstukRegel]
    structuur: list[tuple[Sectie, Draden]]
    versies: list[Versie]
    bespreking: Bespreking | None
    besluiten: list[Besluit]
    mag_regisseren: bool
    mag_reageren: bool
    mag_concepten_zien: bool = True
    nog_niet_gereageerd: list[Gebruiker] = field(default_factory=list)
    werkgroepleden: list[Gebruiker] = field(default_factory=list)
    # Chapters and structured sections in reading order (`stappen.selectors.leesvolgorde`).
    inhoud: list[InhoudRegel] = field(default_factory=list)
    # Notices other apps add (stappen.signalen: the region's open proposals).
    signalen: list[Signaal] = field(default_factory=list)

    @property
    def sluit_vroeg(self) -> bool:
        """The review round closes before its closing date (asks for a confirmation)."""
        sluit_op = self.document.bespreking_sluit_op
        return bool(sluit_op and timezone.localdate() <= sluit_op)

    @property
    def laatste_versie(self) -> Versie | None:
        return self.versies[-1] if self.versies else None

    @property
    def raad_geinformeerd(self) -> list[Besluit]:
        return [b for b in self.besluiten if b.is_informatie]

    @property
    def kan_raad_informeren(self) -> bool:
        """The college adopted it and the raad receives it ter informatie (method, step 5)."""
        return (
            self.mag_regisseren
            and self.document.is_vastgesteld
            and self.document.soort in JAARLIJKSE_SOORTEN
        )


def werkgroepleden_van(plan: Plan) -> list[Gebruiker]:
    """The werkgroepleden of the plan's gemeente: who is asked to review, who may get a veld
    or a chapter handed over."""
    return list(gebruikers_met_rol(plan.gemeente_id, RolSoort.WERKGROEPLID))


def nog_niet_gereageerd(bespreking: Bespreking, leden: list[Gebruiker]) -> list[Gebruiker]:
    """Werkgroepleden who placed no comment or reply on the round's version yet."""
    gereageerd = set(
        Opmerking.objects.filter(versie_id=bespreking.versie_id)
        .order_by()
        .values_list("auteur_id", flat=True)
        .distinct()
    )
    return [lid for lid in leden if lid.pk not in gereageerd]


_LEDEN = VasteQuery(
    lambda gemeente_id: gebruikers_met_rol(gemeente_id, RolSoort.WERKGROEPLID), "gemeente_id"
)
_LEDEN_IN_RONDE = VasteQuery(
    lambda gemeente_id, versie_id: gebruikers_met_rol(gemeente_id, RolSoort.WERKGROEPLID).annotate(
        gereageerd=Exists(Opmerking.objects.filter(versie_id=versie_id, auteur=OuterRef("pk")))
    ),
    "gemeente_id",
    "versie_id",
)


def _leden(plan: Plan, bespreking: Bespreking | None) -> list[Gebruiker]:
    """`werkgroepleden_van`, each with `gereageerd` when a round is open: whether they placed
    a comment or reply on its version (what `nog_niet_gereageerd` asks), in the same query."""
    if bespreking is None:
        return _LEDEN.objecten(gemeente_id=plan.gemeente_id)
    return _LEDEN_IN_RONDE.objecten(gemeente_id=plan.gemeente_id, versie_id=bespreking.versie_id)


def zichtbaar_concept(user: Gebruiker, document_id: int) -> Document:
    """The document, for pages with drafts or comments: 404 for lezers and the griffie."""
    document = zichtbaar_document(user, document_id)
    if not mag_concepten_zien(user, document):
        raise Http404("Document niet gevonden.")
    return document


def regie_document(user: Gebruiker, document_id: int) -> Document:
    """A document that `user` steers as coordinator; 404 for anyone else."""
    document = zichtbaar_document(user, document_id)
    if not mag_regisseren(user, document):
        raise Http404("Document niet gevonden.")
    return document


def regie_hoofdstuk(user: Gebruiker, document_id: int, sleutel: str) -> Hoofdstuk:
    """A chapter of a document that `user` steers (to hand it over); 404 for anyone else."""
    document = regie_document(user, document_id)
    hoofdstuk = document.hoofdstukken.filter(sleutel=sleutel).first()
    if hoofdstuk is None:
        raise Http404("Hoofdstuk niet gevonden.")
    hoofdstuk.document = document
    return hoofdstuk


def document_pagina(user: Gebruiker, document_id: int) -> DocumentPagina:
    document = zichtbaar_document(user, document_id)
    regie = mag_regisseren(user, document)
    concepten = mag_concepten_zien(user, document)
    draden = per_sectie(document_id=document.pk) if concepten else {}
    hoofdstukken = _HOOFDSTUKKEN.objecten(document_id=document.pk)
    for hoofdstuk in hoofdstukken:
        hoofdstuk.document = document
    structuur = bouw_structuur(document)
    if not concepten:  # a lezer: no confidential chapter or analysis (docs/pdf.md)
        hoofdstukken = [h for h in hoofdstukken if not h.vertrouwelijk]
        structuur = [s for s in structuur if not s.get("vertrouwelijk")]
    versies = _VERSIES[concepten].objecten(document_id=document.pk)
    open_ronde = _OPEN_BESPREKING.objecten(document_id=document.pk) if concepten else []
    bespreking = open_ronde[0] if open_ronde else None
    for gelezen in (*versies, *open_ronde):
        gelezen.document = document
    if bespreking is not None:
        eigen = next((v for v in versies if v.pk == bespreking.versie_id), None)
        if eigen is not None:
            bespreking.versie = eigen
    leden = _leden(document.plan, bespreking) if regie else []
    besluiten = _BESLUITEN.objecten(document_id=document.pk)
    for besluit in besluiten:
        besluit.document = document
    pagina = DocumentPagina(
        document=document,
        hoofdstukken=[
            HoofdstukRegel(
                hoofdstuk=h,
                mag_schrijven=document.status == "concept"
                and mag_hoofdstuk_schrijven(user, h, document),
                draden=draden.get(h.sleutel, Draden()),
            )
            for h in hoofdstukken
        ],
        structuur=[(s, draden.get(s["sleutel"], Draden())) for s in structuur],
        versies=versies,
        bespreking=bespreking,
        besluiten=besluiten,
        mag_regisseren=regie,
        mag_reageren=mag_reageren(user, document),
        mag_concepten_zien=concepten,
        nog_niet_gereageerd=[lid for lid in leden if not getattr(lid, "gereageerd", True)],
        werkgroepleden=leden,
        signalen=signalen.voor_document(user, document.plan, document.soort),
    )
    pagina.inhoud = leesvolgorde(document.soort, pagina.hoofdstukken, pagina.structuur, Draden)
    return pagina


def hoofdstuk_voor_bewerken(user: Gebruiker, document_id: int, sleutel: str) -> Hoofdstuk:
    document = zichtbaar_document(user, document_id)
    hoofdstuk = (
        document.hoofdstukken.select_related("auteur", "gewijzigd_door")
        .filter(sleutel=sleutel)
        .first()
    )
    if hoofdstuk is None or not mag_hoofdstuk_schrijven(user, hoofdstuk, document):
        raise Http404("Hoofdstuk niet gevonden.")
    hoofdstuk.document = document
    return hoofdstuk


def versie_van(user: Gebruiker, document_id: int, nummer: str) -> Versie:
    document = zichtbaar_document(user, document_id)
    try:
        hoofd, sub = (int(deel) for deel in nummer.split("."))
    except ValueError:
        raise Http404("Versie niet gevonden.") from None
    versie = (
        Versie.objects.select_related("gemaakt_door").filter(
            document=document, hoofd=hoofd, sub=sub
        )
    ).first()
    if versie is None or (
        not (versie.hoofd >= 1 and versie.sub == 0) and not mag_concepten_zien(user, document)
    ):
        raise Http404("Versie niet gevonden.")
    versie.document = document
    return versie


@dataclass
class VersiePagina:
    versie: Versie
    secties: list[tuple[dict, Draden]]
    mag_reageren: bool


def versie_pagina(user: Gebruiker, document_id: int, nummer: str) -> VersiePagina:
    versie = versie_van(user, document_id, nummer)
    document = versie.document
    concepten = mag_concepten_zien(user, document)
    draden = per_sectie(versie_id=versie.pk) if concepten else {}
    return VersiePagina(
        versie=versie,
        secties=[
            (s, draden.get(s["sleutel"], Draden()))
            for s in versie.inhoud
            if concepten or not s.get("vertrouwelijk")  # a lezer: no confidential section
        ],
        mag_reageren=mag_reageren(user, document) and not document.is_vastgesteld,
    )


def opmerking_draad(user: Gebruiker, opmerking_id: int) -> Opmerking:
    opmerking = (
        _draad_queryset()
        .select_related("versie__document__plan__gemeente")
        .filter(pk=opmerking_id)
        .first()
    )
    if opmerking is None or not mag_concepten_zien(user, opmerking.versie.document):
        raise Http404("Opmerking niet gevonden.")
    return opmerking


def opmerking_voor_actie(user: Gebruiker, opmerking_id: int) -> Opmerking:
    """Any comment (also a reply), for a POST; 404 when its document is not readable."""
    opmerking = (
        Opmerking.objects.select_related("versie__document__plan__gemeente", "antwoord_op")
        .filter(pk=opmerking_id)
        .first()
    )
    if opmerking is None or not mag_concepten_zien(user, opmerking.versie.document):
        raise Http404("Opmerking niet gevonden.")
    return opmerking


# A section's thread list shows this many threads a page.
DRADEN_PER_PAGINA = 25


@dataclass
class SectieDraden:
    document: Document
    sleutel: str
    titel: str
    versie: Versie | None
    pagina: Page
    open: int
    totaal: int


def sectie_draden(
    user: Gebruiker, document_id: int, sleutel: str, *, versie: str = "", pagina: str = "1"
) -> SectieDraden:
    """All threads on one section (of one version when `versie` names it), open ones first,
    newest first, a page at a time: where the document and version pages link to."""
    document = zichtbaar_concept(user, document_id)
    draden = Opmerking.objects.filter(versie__document=document, sectie=sleutel)
    gekozen = None
    if versie:
        gekozen = next((v for v in _versies_zonder_inhoud(document) if v.nummer == versie), None)
        if gekozen is None:
            raise Http404("Versie niet gevonden.")
        draden = draden.filter(versie=gekozen)
    aantallen = draden.filter(antwoord_op__isnull=True).aggregate(
        totaal=Count("pk"), open=Count("pk", filter=Q(opgelost_op__isnull=True))
    )
    volgorde = draad_blokken(draden).order_by(
        F("opgelost_op").asc(nulls_first=True), "-geplaatst_op", "-pk"
    )
    return SectieDraden(
        document=document,
        sleutel=sleutel,
        titel=_sectietitel(document, sleutel),
        versie=gekozen,
        pagina=Paginator(volgorde, DRADEN_PER_PAGINA).get_page(pagina),
        open=aantallen["open"],
        totaal=aantallen["totaal"],
    )


def _versies_zonder_inhoud(document: Document) -> list[Versie]:
    return list(document.versies.defer("inhoud").order_by("hoofd", "sub"))


def _sectietitel(document: Document, sleutel: str) -> str:
    """The chapter's title, else the section's title in the latest version, else the key."""
    titel = document.hoofdstukken.filter(sleutel=sleutel).values_list("titel", flat=True).first()
    if titel:
        return titel
    laatste = document.versies.order_by("-hoofd", "-sub").first()
    sectie = laatste.sectie(sleutel) if laatste else None
    return str(sectie["titel"]) if sectie else sleutel
