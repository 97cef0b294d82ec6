"""Bad input on the root models is refused with a Dutch message on the right field."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ivp.models import Gemeente, Plan
from tests.ivp.factories import GemeenteFactory, PlanFactory, RegioFactory

pytestmark = pytest.mark.django_db


def fouten(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def plan(**kwargs) -> Plan:
    """An unsaved plan of a saved gemeente (2023–2026), for the model's own rules."""
    nieuw: Plan = PlanFactory.build(gemeente=GemeenteFactory.create(), titel="IVP", **kwargs)
    return nieuw


def test_a_period_that_ends_before_it_starts():
    assert fouten(plan(periode_eind=dt.date(2022, 12, 31)))["periode_eind"] == [
        "De looptijd moet eindigen na de begindatum."
    ]


def test_an_extension_must_lie_after_the_end_and_have_a_reason():
    assert fouten(plan(verlengd_tot=dt.date(2026, 6, 1), verlenging_reden="Corona")) == {
        "verlengd_tot": ["Een verlenging moet na het einde van de looptijd liggen."]
    }
    assert fouten(plan(verlengd_tot=dt.date(2027, 4, 30))) == {
        "verlenging_reden": ["Geef de reden van de verlenging op."]
    }
    plan(verlengd_tot=dt.date(2027, 4, 30), verlenging_reden="Corona").full_clean()


def test_the_end_of_a_plan_includes_its_extension():
    assert plan(verlengd_tot=dt.date(2027, 4, 30)).einde == dt.date(2027, 4, 30)
    assert plan().einde == dt.date(2026, 12, 31)


def test_a_duplicate_or_malformed_cbs_code():
    GemeenteFactory(naam="Steenwijkerland", cbs_code="GM1708")
    assert fouten(Gemeente(naam="Ander", cbs_code="GM1708")) == {
        "cbs_code": ["Er is al een gemeente met deze CBS-code."]
    }
    assert fouten(Gemeente(naam="Ander", cbs_code="1708")) == {
        "cbs_code": ["Een CBS-gemeentecode is GM gevolgd door vier cijfers."]
    }


def test_a_regio_groups_gemeenten_and_a_gemeente_knows_its_regios():
    steenwijkerland, staphorst = GemeenteFactory(), GemeenteFactory()
    regio = RegioFactory(naam="Veiligheidsregio IJsselland", gemeenten=[steenwijkerland, staphorst])
    assert set(regio.gemeenten.all()) == {steenwijkerland, staphorst}
    assert list(staphorst.regios.all()) == [regio]
