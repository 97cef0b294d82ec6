"""A member decides on a proposal of its region, in its own plan (docs/regio.md, "Overnemen
in het eigen plan").

Accepting copies the proposed publication into the plan's `Overname` and freezes a new
version of the member's document; declining records why (a declined first offer: the
gemeente does not take the part, its document says so). Each proposal is decided exactly
once: its row is locked, and a second decision (a double click, two coordinators at once) is
refused. The member's document changes only while it is a concept: a vastgesteld document
never changes by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ivp.exceptions import Geweigerd
from ivp.permissions import vereis_regie
from ivp.services import bewaar
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus, document_soort
from regio.models import Overname, Regiodeel, Regiovoorstel
from stappen.constants import DocumentStatus
from stappen.models import Document
from stappen.services import versie_maak

if TYPE_CHECKING:
    from ivp.models import Gebruiker, Plan
    from stappen.models import Versie

AL_BESLOTEN = "Over dit voorstel is al besloten."
NIET_AFGEWEZEN = "Alleen een deel dat de gemeente niet overnam, kunt u opnieuw bekijken."
OPNIEUW_GEPUBLICEERD = (
    "De regio heeft dit deel intussen opnieuw gepubliceerd; het voorstel toont nu de nieuwste "
    "tekst. Bekijk die en besluit opnieuw."
)


def _vergrendel(voorstel: Regiovoorstel, gezien: int | None) -> Regiovoorstel:
    """The proposal's row, locked until the end of the transaction, and still open."""
    vers = (
        Regiovoorstel.objects.select_for_update(of=("self",))
        .select_related("naar", "deel", "plan__gemeente")
        .get(pk=voorstel.pk)
    )
    if not vers.is_open:
        besluit = vers.get_status_display().lower()
        raise Geweigerd(f"{AL_BESLOTEN} Het is {besluit}.")
    if gezien is not None and vers.naar_id != gezien:
        raise Geweigerd(OPNIEUW_GEPUBLICEERD)
    return vers


def _document(voorstel: Regiovoorstel, *, actie: str) -> Document:
    """The member's document that takes the part in, locked (its versions are numbered one
    after the other), and only while it is a concept."""
    soort = document_soort(voorstel.deel.soort)
    document = (
        Document.objects.select_for_update()
        .filter(plan=voorstel.plan, soort=soort, jaar__isnull=True)
        .first()
    )
    if document is None:
        raise Geweigerd(f"Dit plan heeft nog geen document waarin dit deel kan staan ({soort}).")
    if document.status == DocumentStatus.VASTGESTELD:
        raise Geweigerd(
            f"{document.titel} is vastgesteld: een vastgesteld document verandert nooit "
            f"vanzelf, dus u kunt dit voorstel niet meer {actie}. "
            + (
                "Wijs het af met een reden (uw tekst blijft dan zoals hij is), of neem de "
                "wijziging mee in het volgende plan."
                if actie == "aanvaarden"
                and Overname.objects.filter(plan=voorstel.plan, deel=voorstel.deel).exists()
                else "Neem het deel mee in het volgende plan."
            )
        )
    if document.status != DocumentStatus.CONCEPT:
        raise Geweigerd(
            f"{document.titel} is nu {document.get_status_display().lower()}; de tekst "
            f"verandert alleen zolang het document een concept is. Sluit eerst de bespreking "
            f"of haal het document terug naar concept, en kom dan terug om te {actie}."
        )
    return document


def _beslis(voorstel: Regiovoorstel, door: Gebruiker, status: str) -> None:
    voorstel.status = status
    voorstel.beslist_door = door
    voorstel.beslist_op = timezone.now()


@transaction.atomic
def voorstel_aanvaard(
    *, voorstel: Regiovoorstel, door: Gebruiker, gezien: int | None = None
) -> Regiovoorstel:
    """Take the proposed publication into the plan: the `Overname` holds the copy, and the
    member's document gets a new version with it. `gezien`: the publication the coordinator
    saw on the page (a newer one since is refused, so nobody accepts a text unread)."""
    vereis_regie(voorstel.plan, door)
    voorstel = _vergrendel(voorstel, gezien)
    document = _document(voorstel, actie="aanvaarden")
    naar = voorstel.naar
    overname = Overname.objects.filter(plan=voorstel.plan, deel=voorstel.deel).first()
    if overname is None:
        overname = Overname(plan=voorstel.plan, deel=voorstel.deel)
    overname.keuze = OvernameKeuze.OVERGENOMEN
    overname.motivatie = ""
    overname.versie = naar
    overname.titel = naar.titel
    overname.tekst = naar.tekst
    overname.besloten_door = door
    overname.besloten_op = timezone.now()
    bewaar(overname, door=door, reden=f"Versie {naar.nummer} aanvaard")
    versie = versie_maak(
        document=document,
        door=door,
        aanleiding=f"Regionaal deel overgenomen: {naar.titel} (versie {naar.nummer})",
    )
    _beslis(voorstel, door, VoorstelStatus.AANVAARD)
    voorstel.document_versie = versie
    bewaar(voorstel, door=door, reden="Aanvaard")
    return voorstel


@transaction.atomic
def voorstel_wijs_af(
    *, voorstel: Regiovoorstel, door: Gebruiker, reden: str, gezien: int | None = None
) -> Regiovoorstel:
    """Decline the proposal, with a reason. A declined change keeps the plan's copy as it is;
    a declined first offer (or a declined part looked at again) means the gemeente does not
    take the part: its `Overname` says so with the reason as motivation, and the document
    shows that (a new version records it)."""
    vereis_regie(voorstel.plan, door)
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Geef de reden waarom u dit voorstel afwijst."})
    voorstel = _vergrendel(voorstel, gezien)
    overname = Overname.objects.filter(plan=voorstel.plan, deel=voorstel.deel).first()
    versie: Versie | None = None
    if overname is None or overname.keuze == OvernameKeuze.NIET_OVERGENOMEN:
        # The first offer, or a declined part looked at again: the gemeente does not take
        # it, and its document gives this reason.
        document = _document(voorstel, actie="afwijzen")
        naar = voorstel.naar
        if overname is None:
            overname = Overname(plan=voorstel.plan, deel=voorstel.deel)
        overname.keuze = OvernameKeuze.NIET_OVERGENOMEN
        overname.motivatie = reden
        overname.versie = naar
        overname.titel = naar.titel
        overname.tekst = ""
        overname.besloten_door = door
        overname.besloten_op = timezone.now()
        bewaar(overname, door=door, reden="Niet overgenomen")
        soort = (
            "Bovenlokale prioriteit"
            if voorstel.deel.soort == DeelSoort.PRIORITEIT
            else "Regionaal deel"
        )
        versie = versie_maak(
            document=document, door=door, aanleiding=f"{soort} niet overgenomen: {naar.titel}"
        )
    _beslis(voorstel, door, VoorstelStatus.AFGEWEZEN)
    voorstel.reden = reden
    voorstel.document_versie = versie
    bewaar(voorstel, door=door, reden="Afgewezen")
    return voorstel


@transaction.atomic
def overname_heroverweeg(*, plan: Plan, deel: Regiodeel, door: Gebruiker) -> Regiovoorstel:
    """A gemeente that declined a shared part takes it up again (a new college, a changed
    situation): the part's newest publication is put before it once more, as a proposal to
    accept or decline like any other (so nobody takes a text unread). Its decline stays in
    force until then. The proposal is the open one if there is one (a double click), the
    declined one reopened when the region published nothing since, else a new one."""
    vereis_regie(plan, door)
    overname = Overname.objects.select_for_update().filter(plan=plan, deel=deel).first()
    if overname is None or overname.keuze != OvernameKeuze.NIET_OVERGENOMEN:
        raise Geweigerd(NIET_AFGEWEZEN)
    if not deel.regio.gemeenten.filter(pk=plan.gemeente_id).exists():
        raise Geweigerd(
            f"{plan.gemeente.naam} hoort niet meer bij {deel.regio.naam}: de regio legt haar "
            "geen delen meer voor."
        )
    document = Document.objects.filter(
        plan=plan, soort=document_soort(deel.soort), jaar__isnull=True
    ).first()
    if document is not None and document.status == DocumentStatus.VASTGESTELD:
        raise Geweigerd(
            f"{document.titel} is vastgesteld: een vastgesteld document verandert nooit "
            "vanzelf. Neem het deel mee in het volgende plan."
        )
    open_voorstel = Regiovoorstel.objects.filter(
        plan=plan, deel=deel, status=VoorstelStatus.OPEN
    ).first()
    if open_voorstel is not None:
        return open_voorstel
    naar = deel.versies.get(nummer=deel.revisie)
    eerder = Regiovoorstel.objects.select_for_update().filter(plan=plan, naar=naar).first()
    if eerder is None:
        voorstel = Regiovoorstel(deel=deel, plan=plan, naar=naar)
        return bewaar(voorstel, door=door, reden=f"Versie {naar.nummer} opnieuw bekeken")
    eerder.status = VoorstelStatus.OPEN
    eerder.reden = ""
    eerder.beslist_door = None
    eerder.beslist_op = None
    eerder.document_versie = None
    return bewaar(eerder, door=door, reden="Opnieuw bekeken na afwijzing")
