"""The werkgroep's scores of the previous IVP's doelstellingen (fictional), given in step 1
of the current plan: the evaluation chapter of its startnotitie is made from these."""

from __future__ import annotations

from ivp.demo import Demo
from ivp.models import Plan
from stappen import services
from stappen.constants import EvaluatieScore
from stappen.models import Doelstelling

# The start of the doelstelling's text -> score and explanation.
EVALUATIES = {
    "Minder woninginbraken": (
        EvaluatieScore.BEHAALD,
        "Het aantal woninginbraken daalde sterker dan gedacht, vooral door buurtpreventie.",
    ),
    "Minder inwoners die zich zorgen maken": (
        EvaluatieScore.DEELS,
        "De zorg over inbraak nam af, maar minder dan beoogd; in de kernen blijft zij hoog.",
    ),
    "Meer signalen van ondermijning": (
        EvaluatieScore.NIET,
        "Er kwamen meer signalen binnen, maar de opvolging bleef achter bij het doel; "
        "ondermijning blijft daarom prioriteit.",
    ),
    "Hulpdiensten blijven op piekdagen": (
        EvaluatieScore.DEELS,
        "Op de meeste piekdagen lukte het; op de drukste zomerdagen niet. Het bezoekersplan "
        "wordt bijgesteld.",
    ),
}


def scoor(plan: Plan, vorig: Plan, demo: Demo) -> None:
    door = demo.gebruikers["coordinator"]
    for doelstelling in Doelstelling.objects.filter(plaatsing__plan=vorig).order_by("pk"):
        for begin, (score, toelichting) in EVALUATIES.items():
            if doelstelling.tekst.startswith(begin):
                services.evaluatie_save(
                    plan=plan,
                    doelstelling=doelstelling,
                    door=door,
                    score=score,
                    toelichting=toelichting,
                )
