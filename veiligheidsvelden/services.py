"""The writes of the taxonomy pages: a gemeente's own themes and its flankerend beleid.
Only the coordinator OOV of the gemeente; every save through `ivp.services.bewaar`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Gemeente
from ivp.permissions import PLAN_REGISSEURS, heeft_rol
from ivp.services import bewaar, verwijder
from veiligheidsvelden.models import Beleidsdocument, Thema, Veld
from veiligheidsvelden.tasks import cijfers_ophalen


def _vereis_regie(gemeente: Gemeente, door: Gebruiker) -> None:
    if not heeft_rol(door, gemeente.pk, PLAN_REGISSEURS):
        raise GeenToegang(f"Alleen de coördinator OOV van {gemeente} mag dit doen.")


@transaction.atomic
def thema_create(
    *,
    gemeente: Gemeente,
    door: Gebruiker,
    naam: str,
    hoofdthema: Thema | None = None,
    veld: Veld | None = None,
    omschrijving: str = "",
) -> Thema:
    """An own theme of the gemeente: a thema under a hoofdthema (it takes the hoofdthema's
    veld), or a hoofdthema of its own in a veld (or veldoverstijgend). Its code is the
    gemeente's CBS code and a number, so the VNG codes stay untouched."""
    _vereis_regie(gemeente, door)
    if not naam.strip():
        raise ValidationError({"naam": "Geef het thema een naam."})
    if hoofdthema is not None and hoofdthema.gemeente_id not in (None, gemeente.pk):
        raise ValidationError({"hoofdthema": "Dit hoofdthema is van een andere gemeente."})
    volgnummer = Thema.objects.filter(gemeente=gemeente).count() + 1
    thema = Thema(
        gemeente=gemeente,
        code=f"{gemeente.cbs_code}-{volgnummer}",
        naam=naam.strip(),
        hoofdthema=hoofdthema,
        veld=hoofdthema.veld if hoofdthema else veld,
        omschrijving=omschrijving.strip(),
        volgorde=1000 + volgnummer,
    )
    bewaar(thema, door=door, reden="Eigen thema toegevoegd")
    return thema


@transaction.atomic
def thema_update(*, thema: Thema, door: Gebruiker, naam: str, omschrijving: str = "") -> Thema:
    """A new name or description of an own theme; its place in the taxonomy stays, so the
    analyses and prioriteringen that use it keep their meaning."""
    if thema.gemeente is None:
        raise GeenToegang("Thema's van de VNG-lijst wijzigt u niet.")
    _vereis_regie(thema.gemeente, door)
    if not naam.strip():
        raise ValidationError({"naam": "Geef het thema een naam."})
    thema.naam = naam.strip()
    thema.omschrijving = omschrijving.strip()
    bewaar(thema, door=door, reden="Eigen thema gewijzigd")
    return thema


@transaction.atomic
def thema_verwijder(*, thema: Thema, door: Gebruiker) -> None:
    """Remove an own theme that no plan uses yet; one that a plan's analysis, scores or
    prioritering uses stays (renaming it is still possible)."""
    if thema.gemeente is None:
        raise GeenToegang("Thema's van de VNG-lijst verwijdert u niet.")
    _vereis_regie(thema.gemeente, door)
    if thema.themas.exists():
        raise Geweigerd(
            f"‘{thema.naam}’ heeft eigen thema's eronder; verwijder of verplaats die eerst."
        )
    try:
        with transaction.atomic():
            verwijder(thema, door=door, reden="Eigen thema verwijderd")
    except ProtectedError:
        raise Geweigerd(
            f"‘{thema.naam}’ wordt al gebruikt in de analyse of de prioritering van een plan "
            "en blijft daarom bestaan. U kunt de naam en de omschrijving wel wijzigen."
        ) from None


@transaction.atomic
def beleidsdocument_save(
    *,
    gemeente: Gemeente,
    door: Gebruiker,
    soort: str,
    titel: str,
    vastgesteld_op: dt.date | None = None,
    vindplaats: str = "",
    themas: Iterable[Thema] = (),
    document: Beleidsdocument | None = None,
) -> Beleidsdocument:
    """A new or changed piece of flankerend beleid of the gemeente, linked to themes of the
    VNG list or the gemeente's own (the doelstellingen link to it from the IVP)."""
    _vereis_regie(gemeente, door)
    themas = list(themas)
    vreemd = [t for t in themas if t.gemeente_id not in (None, gemeente.pk)]
    if vreemd:
        raise ValidationError({"themas": "Kies thema's van de VNG-lijst of van uw gemeente."})
    document = document or Beleidsdocument(gemeente=gemeente)
    if document.gemeente_id != gemeente.pk:
        raise GeenToegang("Dit beleidsdocument is van een andere gemeente.")
    document.soort = soort
    document.titel = titel.strip()
    document.vastgesteld_op = vastgesteld_op
    document.vindplaats = vindplaats.strip()
    bewaar(document, door=door, reden="Flankerend beleid vastgelegd")
    document.themas.set(themas)
    return document


def cijfers_ophalen_start(*, gemeente: Gemeente, door: Gebruiker) -> bool:
    """Queue the fetch of the gemeente's figures from CBS (after the commit)."""
    _vereis_regie(gemeente, door)
    transaction.on_commit(lambda: cijfers_ophalen.delay(gemeente.pk, door.pk))
    return True
