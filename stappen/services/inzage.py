"""Writes of the grants to read the confidential sources (docs/vertrouwelijk.md)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from ivp.exceptions import GeenToegang
from ivp.models import Gebruiker, Gemeente
from ivp.services import bewaar, verwijder
from stappen.models import Inzage
from stappen.rechten import INZAGE_TOEKENBAAR, mag_gemeente_regisseren, mag_vertrouwelijk_zien


def vereis_inzage(door: Gebruiker, gemeente_id: int) -> None:
    """Refuse, in Dutch, anyone who may not read the gemeente's confidential sources."""
    if not mag_vertrouwelijk_zien(door, gemeente_id):
        raise GeenToegang(
            "U hebt geen inzage in vertrouwelijke bronnen zoals het ondermijningsbeeld. "
            "De coördinator OOV kan u die geven."
        )


@transaction.atomic
def inzage_set(
    *, gemeente: Gemeente, door: Gebruiker, gebruikers: Iterable[Gebruiker]
) -> list[Inzage]:
    """Grant the confidential sources to exactly `gebruikers` (werkgroepleden and bestuurders
    of the gemeente); everyone else granted before loses it. Only the coordinator OOV."""
    if not mag_gemeente_regisseren(door, gemeente.pk):
        raise GeenToegang(f"Alleen de coördinator OOV van {gemeente} mag inzage geven.")
    gekozen = {g.pk: g for g in gebruikers}
    toegestaan = set(
        Gebruiker.objects.filter(
            pk__in=gekozen,
            is_active=True,
            rollen__gemeente=gemeente,
            rollen__soort__in=INZAGE_TOEKENBAAR,
        ).values_list("pk", flat=True)
    )
    if set(gekozen) - toegestaan:
        raise ValidationError(
            {
                "gebruikers": "Alleen werkgroepleden en bestuurders van deze gemeente kunnen "
                "inzage krijgen."
            }
        )
    bestaand = {i.gebruiker_id: i for i in Inzage.objects.filter(gemeente=gemeente)}
    for gebruiker_id, inzage in bestaand.items():
        if gebruiker_id not in gekozen:
            verwijder(inzage, door=door, reden="Inzage ingetrokken")
    nieuw = []
    for gebruiker_id, gebruiker in gekozen.items():
        if gebruiker_id not in bestaand:
            nieuw.append(
                bewaar(
                    Inzage(gemeente=gemeente, gebruiker=gebruiker, verleend_door=door),
                    door=door,
                    reden="Inzage verleend",
                )
            )
    return nieuw
