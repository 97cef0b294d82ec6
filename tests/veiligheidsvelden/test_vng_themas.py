"""The VNG list of Kernbeleid Veiligheid, as the data migration loads it: five velden, stable
codes, veldoverstijgende hoofdthema's `0.n`, and a loader that can run again safely."""

import pytest

from tests.veiligheidsvelden.factories import ThemaFactory
from veiligheidsvelden import vng_themas
from veiligheidsvelden.models import Thema, Veld

pytestmark = pytest.mark.django_db

# Plans, analyses and priorities refer to these codes: they never change.
HOOFDTHEMAS = {
    "1.1": "Sociale kwaliteit",
    "1.2": "Fysieke kwaliteit",
    "1.3": "Objectieve veiligheid (veelvoorkomende criminaliteit)",
    "1.4": "Subjectieve veiligheid",
    "2.1": "Veilig winkelgebied",
    "2.2": "Veilige bedrijventerreinen",
    "2.3": "Veilig uitgaan",
    "2.4": "Veilige evenementen",
    "2.5": "Veilig toerisme",
    "3.1": "Jeugdoverlast",
    "3.2": "Jeugdcriminaliteit",
    "3.3": "Problematische individuele jongeren",
    "3.4": "Veilig in en om de school",
    "3.5": "Alcohol en drugs bij jongeren",
    "4.1": "Verkeersveiligheid",
    "4.2": "Brandveiligheid",
    "4.3": "Externe veiligheid en omgevingsveiligheid",
    "4.4": "Voorbereiding op crisisbeheersing",
    "5.1": "Radicalisering en polarisatie",
    "5.2": "Georganiseerde (ondermijnende) criminaliteit",
    "5.3": "Veilige publieke taak",
    "5.4": "Informatieveiligheid",
    "5.5": "Ambtelijke en bestuurlijke integriteit",
    "0.1": "Gedigitaliseerde criminaliteit",
    "0.2": "Zorg en veiligheid",
    "0.3": "Informatiepositie",
    "0.4": "Milieucriminaliteit",
}


def vng():
    return Thema.objects.filter(gemeente=None)


def snapshot():
    """Everything a plan could refer to: key, code, name, veld and hoofdthema of each row."""
    return (
        list(Veld.objects.order_by("code").values_list("pk", "code", "naam")),
        list(
            vng()
            .order_by("code")
            .values_list("pk", "code", "naam", "veld__code", "hoofdthema__code", "volgorde")
        ),
    )


def test_the_five_velden_of_kernbeleid_veiligheid():
    assert list(Veld.objects.values_list("code", "naam")) == [
        ("1", "Veilige woon- en leefomgeving"),
        ("2", "Bedrijvigheid en veiligheid"),
        ("3", "Jeugd en veiligheid"),
        ("4", "Fysieke veiligheid"),
        ("5", "Integriteit en veiligheid"),
    ]
    assert all(veld.omschrijving for veld in Veld.objects.all())


def test_the_hoofdthemas_keep_their_codes():
    assert dict(vng().hoofdthemas().values_list("code", "naam")) == HOOFDTHEMAS


def test_a_thema_sits_one_level_under_a_hoofdthema_of_its_own_veld():
    woninginbraak = Thema.objects.get(code="1.3.1", gemeente=None)
    assert woninginbraak.naam == "Woninginbraak"
    assert woninginbraak.hoofdthema.code == "1.3" and woninginbraak.veld.code == "1"
    assert not woninginbraak.is_hoofdthema
    for thema in vng().filter(hoofdthema__isnull=False).select_related("hoofdthema", "veld"):
        assert thema.hoofdthema.is_hoofdthema
        assert thema.veld_id == thema.hoofdthema.veld_id
        assert thema.code.startswith(f"{thema.hoofdthema.code}.")
    assert [t.naam for t in Thema.objects.get(code="2.5", gemeente=None).themas.all()] == [
        "Toeristische voorzieningen en drukte",
        "Vakantieparken",
    ]


def test_the_veldoverstijgende_themes_are_hoofdthemas_without_a_veld_coded_0_n():
    over = vng().filter(veld=None)
    assert list(over.values_list("code", flat=True)) == ["0.1", "0.2", "0.3", "0.4"]
    assert all(thema.is_hoofdthema and not thema.themas.exists() for thema in over)
    assert not vng().filter(code__startswith="0.", veld__isnull=False).exists()


def test_loading_twice_changes_nothing():
    voor = snapshot()
    vng_themas.laad(Veld, Thema)
    vng_themas.laad(Veld, Thema)
    assert snapshot() == voor
    assert vng().count() == len(vng_themas.themas())


def test_loading_again_restores_an_edited_list_and_leaves_own_themes_alone():
    voor = snapshot()
    Thema.objects.filter(code="1.1", gemeente=None).update(naam="Anders genoemd in beheer")
    Veld.objects.filter(code="3").update(naam="Jeugd")
    eigen = ThemaFactory(code="GM1708.1", naam="Veilig Giethoorn")
    vng_themas.laad(Veld, Thema)
    assert snapshot() == voor
    bewaard = Thema.objects.get(pk=eigen.pk)
    assert (bewaard.code, bewaard.naam) == ("GM1708.1", "Veilig Giethoorn")
    assert bewaard.gemeente == eigen.gemeente


def test_loading_into_an_empty_database_gives_the_whole_list():
    """A test database that was flushed, as the demo guards against."""
    codes = sorted(vng().values_list("code", flat=True))
    Thema.objects.filter(hoofdthema__isnull=False).delete()
    Thema.objects.all().delete()
    Veld.objects.all().delete()
    vng_themas.laad(Veld, Thema)
    assert Veld.objects.count() == 5
    assert sorted(vng().values_list("code", flat=True)) == codes
    assert dict(vng().hoofdthemas().values_list("code", "naam")) == HOOFDTHEMAS
