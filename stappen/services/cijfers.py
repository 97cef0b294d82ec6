"""The veiligheidsbeeld in the plan. A figure cited into a chapter: the sentence (with its
source and date) appended to the chapter's text through `hoofdstuk_save`, so the chapter's
version check stays in force (a chapter saved by someone after the page was opened is not
touched). A doelstelling measured with an indicator: its nulmeting taken from a meting."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from ivp.exceptions import Geweigerd
from ivp.models import Gebruiker, Plan
from stappen.models import Doelstelling, Hoofdstuk
from stappen.services.documenten import Bewerkconflict, hoofdstuk_save
from veiligheidsvelden.cijfers import selectors as cijfers
from veiligheidsvelden.constants import IndicatorBron


@transaction.atomic
def hoofdstuk_citeer(*, hoofdstuk: Hoofdstuk, door: Gebruiker, zin: str, versie: int) -> Hoofdstuk:
    """Append `zin` as a paragraph of its own to the chapter as it is now, if its version
    is still `versie` (the one the page showed)."""
    huidig = Hoofdstuk.objects.select_for_update(of=("self",)).get(pk=hoofdstuk.pk)
    tekst = huidig.tekst.rstrip()
    try:
        return hoofdstuk_save(
            hoofdstuk=huidig,
            door=door,
            tekst=f"{tekst}\n\n{zin}" if tekst else zin,
            versie=versie,
        )
    except Bewerkconflict as conflict:
        door_ = conflict.huidig.gewijzigd_door
        wie = (door_.get_full_name() or door_.get_username()) if door_ else "Iemand anders"
        raise Geweigerd(
            f"{wie} heeft het hoofdstuk ‘{huidig.titel}’ opgeslagen nadat u deze pagina opende. "
            "Het cijfer is niet toegevoegd; de pagina toont nu de laatste versie, citeer het "
            "opnieuw als u het nog wilt."
        ) from None


def vul_nulmeting(doelstelling: Doelstelling, plan: Plan) -> None:
    """A doelstelling measured with an indicator takes its nulmeting from the meting of the
    chosen year (the most recent when no year is given), with that meting's source."""
    indicator = doelstelling.meetindicator
    if indicator is None:
        return
    if indicator.gemeente_id not in (None, plan.gemeente_id):
        raise ValidationError({"meetindicator": "Deze indicator is van een andere gemeente."})
    gemeente = plan.gemeente
    jaar = doelstelling.nulmeting_jaar
    meting = (
        cijfers.meting_van(indicator.pk, gemeente, jaar)
        if jaar
        else cijfers.laatste_meting(indicator.pk, gemeente)
    )
    if meting is None and indicator.bron == IndicatorBron.EIGEN:
        # An own registration is filled in by hand (uitvoering): until its first value is
        # entered, the nulmeting typed on the doelstelling stands.
        return
    if meting is None:
        jaren = cijfers.jaarwaarden([(indicator.pk, gemeente.pk)])[(indicator.pk, gemeente.pk)]
        beschikbaar = (
            f"Er zijn metingen van {', '.join(str(j) for j in jaren)}."
            if jaren
            else "Er zijn nog geen metingen van deze indicator: lees eerst de cijfers in."
        )
        raise ValidationError(
            {
                "nulmeting_jaar" if jaar else "meetindicator": (
                    f"Van ‘{indicator.naam}’ is er voor {gemeente} geen meting"
                    f"{f' van {jaar}' if jaar else ''}. {beschikbaar}"
                )
            }
        )
    doelstelling.nulmeting = f"{cijfers.getal(meting.waarde)} {indicator.eenheid}"[:50]
    doelstelling.nulmeting_jaar = meting.jaar
    doelstelling.bron = meting.bron[:200]
    if not doelstelling.indicator.strip():
        doelstelling.indicator = indicator.naam[:200]
