"""What a new plan takes over of the previous plan's werkgroep (issue 14): the members the
coordinator confirms one by one, and their hour budgets. Registered with
`stappen.vervolg.registreer_overname` in `WerkgroepConfig.ready()`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError

from ivp.models import Gebruiker, Plan
from stappen.vervolg import Overname
from werkgroep import services
from werkgroep.models import Lid, Urenbudget
from werkgroep.uren import services as uren_services


def _leden(vorig: Plan) -> list[Lid]:
    return list(
        Lid.objects.filter(werkgroep__plan=vorig)
        .select_related("gebruiker", "urenbudget")
        .prefetch_related("velden")
        .order_by("pk")
    )


def _lid_keuzes(vorig: Plan) -> list[tuple[str, str]]:
    keuzes = []
    for lid in _leden(vorig):
        bij = ", ".join(d for d in (lid.get_rol_display(), lid.organisatie) if d)
        keuzes.append((f"lid-{lid.pk}", f"{lid.weergavenaam} ({bij})"))
    return keuzes


def _uren_keuzes(vorig: Plan) -> list[tuple[str, str]]:
    if not Urenbudget.objects.filter(lid__werkgroep__plan=vorig).exists():
        return []
    return [("uren", "De urenbudgetten van de overgenomen leden, zoals in het vorige plan")]


def _kopieer(
    vorig: Plan, nieuw: Plan, gekozen: Mapping[str, Sequence[str]], door: Gebruiker
) -> list[str]:
    sleutels = set(gekozen.get("leden", []))
    met_uren = "uren" in gekozen.get("uren", [])
    gedaan = []
    for oud in _leden(vorig):
        if f"lid-{oud.pk}" not in sleutels:
            continue
        try:
            lid = services.lid_add(
                plan=nieuw,
                door=door,
                rol=oud.rol,
                gebruiker=oud.gebruiker,
                naam=oud.naam,
                organisatie=oud.organisatie,
                functie=oud.functie,
                velden=list(oud.velden.all()),
                motivatie=oud.motivatie,
            )
        except ValidationError as fout:
            gedaan.append(f"Niet overgenomen: {oud.weergavenaam} ({' '.join(fout.messages)})")
            continue
        budget = getattr(oud, "urenbudget", None)
        if met_uren and budget is not None:
            uren_services.urenbudget_set(
                lid=lid, door=door, uren=budget.uren, motivatie=budget.motivatie
            )
            uren = budget.uren
            getal = f"{int(uren)}" if uren == uren.to_integral() else f"{uren}".replace(".", ",")
            gedaan.append(f"Werkgroeplid {oud.weergavenaam} met {getal} uur")
        else:
            gedaan.append(f"Werkgroeplid {oud.weergavenaam}")
    return gedaan


LEDEN = Overname(
    sleutel="leden",
    titel="Werkgroepleden",
    uitleg="Bevestig elk lid dat weer meedoet; wie u niet aanvinkt, komt niet in de nieuwe "
    "werkgroep.",
    keuzes=_lid_keuzes,
    kopieer=_kopieer,
)
UREN = Overname(
    sleutel="uren",
    titel="Urenbudgetten",
    uitleg="Zonder vinkje krijgt de trekker de 350 uur van de startnotitie en de anderen geen "
    "budget.",
    keuzes=_uren_keuzes,
    standaard_aan=True,
)
