"""The threads of a document's sections as the document and version pages show them: per
section the most recent open ones (`MAX_OPEN_DRADEN`) and the counts of all, in one query
however many threads there are. The rows are read as plain values (`DraadRij`), not as
three model instances each: the page only writes them (`documenten.draad_blok`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber

from ivp.vaste_query import VasteQuery
from stappen.constants import OpmerkingUitkomst
from stappen.models import Opmerking

# Per section a page shows at most this many open threads, the most recent first; the others
# are counted and reached through the section's thread list (`sectie_draden`).
MAX_OPEN_DRADEN = 5

_UITKOMSTEN = dict(OpmerkingUitkomst.choices)


@dataclass(frozen=True, slots=True)
class DraadRij:
    """One thread as its block shows it: its own fields, its author's name (as the filter
    `naam` writes it) and its version's number, and the number of its replies."""

    pk: int
    citaat: str
    tekst: str
    geplaatst_op: dt.datetime
    opgelost_op: dt.datetime | None
    uitkomst: str
    uitkomst_reden: str
    auteur_naam: str
    versie_nummer: str
    aantal_antwoorden: int

    @property
    def is_opgelost(self) -> bool:
        return self.opgelost_op is not None

    @property
    def uitkomst_label(self) -> str:
        """What `Opmerking.get_uitkomst_display` gives for the same value."""
        return str(_UITKOMSTEN.get(self.uitkomst, self.uitkomst))


@dataclass
class Draden:
    """The threads of one section as a page shows them: the most recent open ones, and the
    counts of all of them."""

    getoond: list[DraadRij] = field(default_factory=list)
    open: int = 0
    totaal: int = 0

    @property
    def overig(self) -> int:
        return self.totaal - len(self.getoond)

    @property
    def overig_open(self) -> int:
        return self.open - len(self.getoond)

    @property
    def afgehandeld(self) -> int:
        return self.totaal - self.open

    def __bool__(self) -> bool:
        return self.totaal > 0


def met_aantal_antwoorden(draden: QuerySet[Opmerking]) -> QuerySet[Opmerking]:
    antwoorden = (
        Opmerking.objects.filter(antwoord_op=OuterRef("pk"))
        .order_by()
        .values("antwoord_op")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return draden.annotate(aantal_antwoorden=Coalesce(Subquery(antwoorden), 0))


# What a thread block shows (the tag `documenten.draad_blok`): the thread's own fields, its
# author's name and its version's number; nothing else of the three rows is read.
_BLOK_VELDEN = (
    *("sectie", "citaat", "tekst", "geplaatst_op", "opgelost_op", "uitkomst", "uitkomst_reden"),
    *("auteur", "auteur__username", "auteur__first_name", "auteur__last_name"),
    *("versie", "versie__hoofd", "versie__sub"),
)


def draad_blokken(draden: QuerySet[Opmerking]) -> QuerySet[Opmerking]:
    """Threads as their blocks need them, as model instances (a page of the thread list):
    author, the version's number (not its content) and the number of replies, without the
    replies."""
    return met_aantal_antwoorden(
        draden.filter(antwoord_op__isnull=True)
        .select_related("auteur", "versie")
        .only(*_BLOK_VELDEN)
    )


# The columns of a `DraadRij` (in its order after the key's), then the section's key and counts.
_RIJ_KOLOMMEN = (
    *("pk", "citaat", "tekst", "geplaatst_op", "opgelost_op", "uitkomst", "uitkomst_reden"),
    *("auteur__first_name", "auteur__last_name", "auteur__username"),
    *("versie__hoofd", "versie__sub", "aantal_antwoorden"),
    *("sectie", "sectie_totaal", "sectie_open"),
)


@cache
def _gerangschikt() -> QuerySet[Opmerking]:
    """All threads ranked per section (open first, newest first), each with its section's
    counts, its number of replies and `rang`; built once per process (resolving the windows
    and the subquery is most of the Python of the page's thread query), filtered per call."""
    return (
        met_aantal_antwoorden(Opmerking.objects.filter(antwoord_op__isnull=True))
        .annotate(
            sectie_totaal=Window(Count("pk"), partition_by=[F("sectie")]),
            sectie_open=Window(
                Count("pk", filter=Q(opgelost_op__isnull=True)), partition_by=[F("sectie")]
            ),
            rang=Window(
                RowNumber(),
                partition_by=[F("sectie")],
                order_by=[
                    F("opgelost_op").asc(nulls_first=True),
                    F("geplaatst_op").desc(),
                    F("pk").desc(),
                ],
            ),
        )
        .filter(rang__lte=MAX_OPEN_DRADEN)
        .order_by("-geplaatst_op", "-pk")
    )


def _rijen(waar: Q) -> QuerySet[Opmerking]:
    return _gerangschikt().filter(waar).values_list(*_RIJ_KOLOMMEN)


# The query of `per_sectie`, compiled once per process (`ivp.vaste_query`): compiling the
# windows and the subquery was most of its Python.
_VAN_DOCUMENT = VasteQuery(
    lambda document_id: _rijen(Q(versie__document_id=document_id)), "document_id"
)
_VAN_VERSIE = VasteQuery(lambda versie_id: _rijen(Q(versie_id=versie_id)), "versie_id")


def per_sectie(
    *, document_id: int | None = None, versie_id: int | None = None
) -> dict[str, Draden]:
    """Per section key the counts of its threads (the comments of the document
    `document_id`, or of the version `versie_id`) and its `MAX_OPEN_DRADEN` most recent open
    ones, in one query however many threads there are: per section its threads ranked open
    first, newest first, each carrying the section's counts; the first `MAX_OPEN_DRADEN` of
    each section are read (a resolved one among them only brings the counts)."""
    if (document_id is None) == (versie_id is None):
        raise TypeError("per_sectie: give either document_id or versie_id.")
    if document_id is not None:
        rijen = _VAN_DOCUMENT.rijen(document_id=document_id)
    else:
        assert versie_id is not None
        rijen = _VAN_VERSIE.rijen(versie_id=versie_id)
    uitkomst: dict[str, Draden] = {}
    for rij in rijen:
        pk, citaat, tekst, geplaatst_op, opgelost_op, verwerking, reden = rij[:7]
        voornaam, achternaam, gebruiker, hoofd, sub, n, sleutel, totaal, open_ = rij[7:]
        sectie = uitkomst.get(sleutel)
        if sectie is None:
            sectie = uitkomst[sleutel] = Draden(open=open_, totaal=totaal)
        if opgelost_op is None:
            # As `Gebruiker.get_full_name() or get_username()` (the filter `naam`).
            auteur = f"{voornaam} {achternaam}".strip() or gebruiker
            eigen = (pk, citaat, tekst, geplaatst_op, opgelost_op, verwerking, reden)
            sectie.getoond.append(DraadRij(*eigen, auteur, f"{hoofd}.{sub}", n))
    return uitkomst
