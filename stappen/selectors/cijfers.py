"""The veiligheidsbeeld in the plan's pages: the figures beside a veld's analysis (with the
chapter a figure is cited into), and the values per year of doelstellingen measured with an
indicator (`doelstelling_waarden`, reused by the uitvoering's progress pages)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stappen.models import Doelstelling, Hoofdstuk
from stappen.selectors.inhoud import Toegang
from veiligheidsvelden.cijfers import selectors as cijfers
from veiligheidsvelden.models import Indicator, Meting, Thema, Veld

# The chapter of the veiligheidsanalyse a cited figure goes into.
CITEERHOOFDSTUK = "trends"
ANALYSE_JAREN = 5


@dataclass
class AnalyseCijfers:
    beeld: cijfers.Beeld
    hoofdstuk: Hoofdstuk | None  # None: the user cannot cite here (not concept, not theirs)


def analyse_cijfers(toegang: Toegang, veld: Veld, thema: Thema | None) -> AnalyseCijfers:
    """The last five years of the veld's (or theme's) indicators for the plan's gemeente,
    its neighbours and the Netherlands; four to six queries."""
    plan = toegang.plan
    beeld = cijfers.veiligheidsbeeld(plan.gemeente, veld, jaren=ANALYSE_JAREN, thema=thema)
    hoofdstuk = None
    if toegang.document is not None and toegang.bewerkbaar and beeld.groepen:
        hoofdstuk = Hoofdstuk.objects.filter(
            document=toegang.document, sleutel=CITEERHOOFDSTUK
        ).first()
    return AnalyseCijfers(beeld, hoofdstuk)


@dataclass
class Gemeten:
    """The figures of the indicator a doelstelling is measured with, from its nulmeting on."""

    indicator: Indicator
    waarden: list[Meting]

    @property
    def laatste(self) -> Meting | None:
        return self.waarden[-1] if self.waarden else None

    @property
    def verouderd(self) -> bool:
        """The most recent figure is older than a year (or there is none)."""
        return self.laatste is None or cijfers.is_verouderd(self.laatste.jaar)


def doelstelling_waarden(doelstellingen: Iterable[Doelstelling | int]) -> dict[int, Gemeten]:
    """Values per year for these doelstellingen (objects or pks), keyed by doelstelling pk:
    those measured with an indicator, from the year of their nulmeting on. Two queries,
    however many doelstellingen (none when no doelstelling object given has an indicator)."""
    # Objects without an indicator need no query at all (the pages pass prefetched rows).
    pks = [
        d if isinstance(d, int) else d.pk
        for d in doelstellingen
        if isinstance(d, int) or d.meetindicator_id
    ]
    if not pks:
        return {}
    gemeten = list(
        Doelstelling.objects.filter(pk__in=pks, meetindicator__isnull=False).select_related(
            "meetindicator", "plaatsing__plan"
        )
    )
    paren = {(d.meetindicator_id, d.plaatsing.plan.gemeente_id) for d in gemeten}
    waarden = cijfers.jaarwaarden((i, g) for i, g in paren if i is not None)
    uit: dict[int, Gemeten] = {}
    for d in gemeten:
        assert d.meetindicator is not None and d.meetindicator_id is not None
        per_jaar = waarden.get((d.meetindicator_id, d.plaatsing.plan.gemeente_id), {})
        vanaf = d.nulmeting_jaar or 0
        uit[d.pk] = Gemeten(d.meetindicator, [m for j, m in sorted(per_jaar.items()) if j >= vanaf])
    return uit
