"""A gemeente's own themes beside the VNG list, and its flankerend beleid: what each gemeente
sees, and the rules beheer meets in Dutch."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.ivp.factories import GemeenteFactory
from tests.veiligheidsvelden.factories import BeleidsdocumentFactory, ThemaFactory
from veiligheidsvelden.models import Beleidsdocument, Thema

pytestmark = pytest.mark.django_db


def vng(code):
    return Thema.objects.get(code=code, gemeente=None)


def fouten(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def test_a_gemeente_sees_the_vng_list_plus_its_own_themes_and_nobody_elses(gemeente):
    eigen = ThemaFactory(gemeente=gemeente, naam="Veilig Giethoorn")
    ander = ThemaFactory(gemeente=GemeenteFactory(), naam="Veilig Kampereiland")
    zichtbaar = Thema.objects.voor_gemeente(gemeente.pk)
    assert eigen in zichtbaar and ander not in zichtbaar
    assert zichtbaar.filter(gemeente=None).count() == Thema.objects.filter(gemeente=None).count()
    assert set(zichtbaar.exclude(gemeente=None)) == {eigen}
    # An own hoofdthema counts among the hoofdthema's to place; its thema's do not.
    onder = ThemaFactory(gemeente=gemeente, hoofdthema=eigen, naam="Drukte op het water")
    hoofd = Thema.objects.voor_gemeente(gemeente.pk).hoofdthemas()
    assert eigen in hoofd and onder not in hoofd and ander not in hoofd
    assert list(gemeente.eigen_themas.order_by("pk")) == [eigen, onder]


def test_an_own_theme_may_hang_under_a_vng_hoofdthema_of_the_same_veld(gemeente):
    toerisme = vng("2.5")
    thema = ThemaFactory(gemeente=gemeente, hoofdthema=toerisme, naam="Drukte in Giethoorn")
    assert thema.veld == toerisme.veld and not thema.is_hoofdthema
    assert thema in toerisme.themas.all()


def test_themes_go_one_level_deep():
    thema = Thema(code="GM1708.1", naam="Te diep", hoofdthema=vng("1.3.1"), veld=vng("1.3").veld)
    thema.gemeente = GemeenteFactory()
    assert fouten(thema)["hoofdthema"] == ["Kies een hoofdthema; thema's gaan maar één laag diep."]


def test_a_thema_keeps_the_veld_of_its_hoofdthema(gemeente):
    thema = Thema(gemeente=gemeente, code="GM1.1", naam="Elders", hoofdthema=vng("1.1"))
    thema.veld = vng("2.1").veld
    assert fouten(thema) == {"veld": ["Een thema hoort bij hetzelfde veld als zijn hoofdthema."]}


def test_an_own_theme_cannot_hang_under_another_gemeentes_hoofdthema(gemeente):
    van_kampen = ThemaFactory(gemeente=GemeenteFactory(naam="Kampen"))
    thema = Thema(gemeente=gemeente, code="GM1.9", naam="Geleend", hoofdthema=van_kampen)
    assert fouten(thema) == {"hoofdthema": ["Dit hoofdthema is van een andere gemeente."]}


def test_codes_are_unique_per_gemeente_and_in_the_vng_list(gemeente):
    ThemaFactory(gemeente=gemeente, code=f"{gemeente.cbs_code}.1")
    dubbel = Thema(gemeente=gemeente, code=f"{gemeente.cbs_code}.1", naam="Nog een keer")
    assert fouten(dubbel) == {"__all__": ["Deze gemeente heeft al een thema met deze code."]}
    assert fouten(Thema(code="1.1", naam="Tweede 1.1")) == {
        "__all__": ["Er is al een VNG-thema met deze code."]
    }
    # Another gemeente may use the same code for its own theme.
    ThemaFactory(gemeente=GemeenteFactory(), code=f"{gemeente.cbs_code}.1")


def test_removing_a_gemeente_removes_its_own_themes_and_beleid_but_not_the_vng_list():
    gemeente = GemeenteFactory()
    ThemaFactory(gemeente=gemeente)
    BeleidsdocumentFactory(gemeente=gemeente)
    aantal = Thema.objects.filter(gemeente=None).count()
    gemeente.delete()
    assert not Thema.objects.exclude(gemeente=None).exists()
    assert not Beleidsdocument.objects.exists()
    assert Thema.objects.filter(gemeente=None).count() == aantal


def test_a_beleidsdocument_needs_a_title_a_known_kind_and_a_real_link(gemeente):
    document = Beleidsdocument(gemeente=gemeente, soort="roman", titel="", vindplaats="geen link")
    assert fouten(document) == {
        "soort": ["Waarde 'roman' is geen geldige keuze."],
        "titel": ["Dit veld kan niet leeg zijn"],
        "vindplaats": ["Voer een geldige URL in."],
    }
    document = BeleidsdocumentFactory(
        gemeente=gemeente,
        soort="apv",
        titel="Algemene plaatselijke verordening 2022",
        vindplaats="https://lokaleregelgeving.overheid.nl/",
        vastgesteld_op=dt.date(2022, 7, 5),
    )
    assert document.get_soort_display() == "Algemene plaatselijke verordening (Apv)"
    assert str(document) == "Algemene plaatselijke verordening 2022"


def test_flankerend_beleid_is_listed_by_gemeente_then_kind_then_title_and_tied_to_themes():
    steenwijkerland = GemeenteFactory(naam="Steenwijkerland")
    kampen = GemeenteFactory(naam="Kampen")
    apv = BeleidsdocumentFactory(gemeente=steenwijkerland, soort="apv", titel="Apv 2022")
    jeugd = BeleidsdocumentFactory(
        gemeente=steenwijkerland, titel="Jeugdbeleid 2021–2024", themas=[vng("3.1"), vng("3.2")]
    )
    elders = BeleidsdocumentFactory(gemeente=kampen, titel="Jeugdbeleid Kampen")
    assert list(Beleidsdocument.objects.all()) == [elders, apv, jeugd]
    assert list(steenwijkerland.beleidsdocumenten.all()) == [apv, jeugd]
    assert list(vng("3.1").beleidsdocumenten.all()) == [jeugd]
    assert set(jeugd.themas.values_list("code", flat=True)) == {"3.1", "3.2"}
