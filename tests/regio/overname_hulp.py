"""What the member-side tests share: a region with a published part offered to a plan.

Until the regional coordinator's services are used, a publication is made with the model
factories, the way `regio.services` (delen) records it: a new numbered `Regiodeelversie`,
the part's `revisie` raised, and for the plan an open proposal (a new one, or the open one's
`naar` moved on)."""

from __future__ import annotations

import datetime as dt

from ivp.models import Gebruiker, Plan, Regio
from regio.constants import DeelSoort, VoorstelStatus
from regio.models import Regiodeel, Regiodeelversie, Regiovoorstel
from tests.regio.factories import RegiodeelFactory, RegiodeelversieFactory

TEKST_1 = (
    "### Aanpak\n\nSamen met het RIEC pakken we ondermijning aan.\n\n"
    "| Doelstelling | Streefwaarde |\n|---|---|\n| Meer meldingen | 40 in 2026 |"
)
TEKST_2 = TEKST_1.replace("40 in 2026", "60 in 2026")


def publiceer(
    deel: Regiodeel,
    plannen: list[Plan],
    *,
    tekst: str | None = None,
    toelichting: str = "",
    door: Gebruiker | None = None,
) -> Regiodeelversie:
    nummer = deel.revisie + 1
    extra = {"gemaakt_door": door} if door else {}
    versie: Regiodeelversie = RegiodeelversieFactory.create(
        deel=deel,
        nummer=nummer,
        titel=deel.titel,
        tekst=tekst or deel.tekst,
        toelichting=toelichting,
        driehoek_op=dt.date(2026, 11, 2),
        **extra,
    )
    Regiodeel.objects.filter(pk=deel.pk).update(revisie=nummer)
    deel.revisie = nummer
    for plan in plannen:
        open_ = Regiovoorstel.objects.filter(
            plan=plan, deel=deel, status=VoorstelStatus.OPEN
        ).first()
        if open_:
            open_.naar = versie
            open_.save()
        else:
            Regiovoorstel.objects.create(plan=plan, deel=deel, naar=versie)
    return versie


def prioriteit(regio: Regio, plannen: list[Plan], **kwargs: object) -> Regiodeel:
    """A bovenlokale prioriteit of `regio`, published once to `plannen`."""
    deel: Regiodeel = RegiodeelFactory.create(regio=regio, tekst=TEKST_1, **kwargs)
    publiceer(deel, plannen)
    return deel


def analyse(regio: Regio, plannen: list[Plan], veld: object) -> Regiodeel:
    deel: Regiodeel = RegiodeelFactory.create(
        regio=regio, soort=DeelSoort.ANALYSE, titel="Regionale analyse", veld=veld, tekst="Cijfers."
    )
    publiceer(deel, plannen)
    return deel


def open_voorstel(plan: Plan, deel: Regiodeel) -> Regiovoorstel:
    return Regiovoorstel.objects.get(plan=plan, deel=deel, status=VoorstelStatus.OPEN)
