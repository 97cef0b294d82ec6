"""The reads of the prioritering: the weighted score and the ranking of the candidates."""

from decimal import Decimal

import pytest

from stappen import services
from stappen.constants import Criterium
from stappen.selectors import gewogen_score, prioritering_stand
from tests.stappen.stappenplan import hoofdthema
from veiligheidsvelden.models import Thema

pytestmark = pytest.mark.django_db


def test_the_weighted_score_is_the_weighted_mean_of_the_given_scores():
    gewichten = {c: 1 for c in Criterium.values} | {"ernst": 3, "trend": 0}
    assert gewogen_score({"ernst": 5, "omvang": 2}, gewichten) == Decimal("4.3")
    assert gewogen_score({"trend": 5}, gewichten) is None
    assert gewogen_score({}, gewichten) is None


@pytest.mark.actieve_stap(3)
def test_scores_rank_the_candidates_and_an_own_theme_is_a_candidate(plan, coordinator):
    eigen = Thema.objects.create(
        code=f"{plan.gemeente.cbs_code}.1", naam="Veilig Giethoorn", gemeente=plan.gemeente
    )
    services.wegingen_save(plan=plan, door=coordinator, gewichten={"ernst": 2, "omvang": 1})
    services.scores_save(
        plan=plan,
        door=coordinator,
        scores={
            (hoofdthema("1.1").pk, "ernst"): 2,
            (eigen.pk, "ernst"): 5,
            (eigen.pk, "omvang"): 4,
        },
    )
    stand = prioritering_stand(plan)
    assert stand.kandidaten[0].thema == eigen
    assert stand.kandidaten[0].gewogen == Decimal("4.7")
    assert stand.kandidaten[1].thema.code == "1.1"
