"""The uren page (issue 8): its two long tables are written in one pass of Python
(`werkgroep/templatetags/werkgroep.py`), its members and entries read as plain values and
counted with the sums, the form's choices taken from what the page read and the form written in
one pass (`Veldenformulier`). The page is what the template wrote before (frozen beside this
file as `uren_oud.html`), its forms what the form templates wrote from the querysets, and it
shows the right totals."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django import forms
from django.template import engines
from django.urls import reverse

from tests.ivp.test_keuzes import gelijk
from tests.werkgroep.factories import LidFactory
from werkgroep import selectors
from werkgroep.constants import uren_tekst
from werkgroep.forms import UrenCorrectieForm, UrenForm, UrenSluitenForm
from werkgroep.models import Urenbudget, Urenregistratie
from werkgroep.uren import services as uren_services

pytestmark = pytest.mark.django_db

OUD = Path(__file__).with_name("uren_oud.html").read_text()
AANTAL = 130  # three pages of 50


def _gelijk(html: str) -> str:
    """HTML with whitespace between tags and the per-request CSRF tokens evened out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


@pytest.fixture
def werkgroep(plan, coordinator, vandaag):
    """Members in every state of the table per person (one known by their username only),
    and entries on three pages: with and without a step, text that needs escaping, hours with
    decimals."""
    trekker = LidFactory(plan=plan, door=coordinator, trekker=True)
    leden = [LidFactory(plan=plan, door=coordinator) for _ in range(4)]
    extern = LidFactory(plan=plan, door=coordinator, extern=True)
    extern.naam = 'Partner <b>"&"</b>'
    extern.save(update_fields=["naam"])
    zonder_naam = leden[3].gebruiker  # known by their username
    zonder_naam.first_name = zonder_naam.last_name = ""
    zonder_naam.save(update_fields=["first_name", "last_name"])
    uren_services.urenbudget_set(
        lid=trekker, door=coordinator, uren=Decimal(420), motivatie="Regio <en> meer"
    )
    for lid, budget in zip(leden, (Decimal(10), Decimal(12), Decimal(100)), strict=False):
        Urenbudget.objects.create(lid=lid, uren=budget)  # the fourth member has none
    alle = [trekker, *leden, extern]
    stappen = list(plan.stappen.order_by("nummer")[:3])
    Urenregistratie.objects.bulk_create(
        Urenregistratie(
            lid=alle[n % len(alle)],
            datum=dt.date(2022, 6, 1) + dt.timedelta(days=n % 90),
            uren=(Decimal("0.25"), Decimal("1.50"), Decimal(2), Decimal("7.75"))[n % 4],
            stap=(None, *stappen)[n % 4],
            omschrijving=f'Werk <{n}> & "overleg"' if n % 7 == 0 else f"Werk {n}",
        )
        for n in range(AANTAL)
    )
    return alle


def _oud_en_nieuw(client, url: str) -> tuple[str, str]:
    """The page, and the frozen template rendered with the same context."""
    response = client.get(url)
    assert response.status_code == 200
    oud = engines["django"].from_string(OUD)
    return (
        response.content.decode(),
        oud.render(response.context[0].flatten(), request=response.wsgi_request),
    )


@pytest.mark.parametrize("pagina", ["", "?pagina=2", "?pagina=3"])
def test_the_coordinators_page_is_what_the_template_wrote(
    client, plan, coordinator, werkgroep, pagina
):
    client.force_login(coordinator)
    nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:uren", args=[plan.pk]) + pagina)
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "Partner &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;" in nieuw
    assert f">{werkgroep[4].gebruiker.username}</th>" in nieuw
    assert "motivatie: Regio &lt;en&gt; meer" in nieuw


def test_a_members_page_is_what_the_template_wrote(client, plan, werkgroep):
    client.force_login(werkgroep[1].gebruiker)
    nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:uren", args=[plan.pk]))
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "Per persoon" not in nieuw


def test_after_the_last_deadline_the_page_is_what_the_template_wrote(
    client, plan, coordinator, werkgroep
):
    with time_machine.travel(dt.datetime(2023, 5, 1, 12, tzinfo=dt.UTC), tick=False):
        client.force_login(coordinator)
        nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:uren", args=[plan.pk]))
    assert _gelijk(nieuw) == _gelijk(oud)
    assert "deadline verstreken" in nieuw


def test_the_page_shows_the_right_totals(client, plan, coordinator, werkgroep):
    per_lid = {}
    per_stap = {}
    for lid_id, stap_id, uren in Urenregistratie.objects.values_list("lid_id", "stap_id", "uren"):
        per_lid[lid_id] = per_lid.get(lid_id, Decimal(0)) + uren
        per_stap[stap_id] = per_stap.get(stap_id, Decimal(0)) + uren
    client.force_login(coordinator)
    response = client.get(reverse("werkgroep:uren", args=[plan.pk]))
    pagina = response.context["pagina"]
    assert {r.lid.pk: r.besteed for r in pagina.regels} == per_lid
    assert pagina.totaal_besteed == sum(per_lid.values())
    assert pagina.totaal_budget == Decimal(420 + 10 + 12 + 100)
    assert {s.stap.pk: s.besteed for s in pagina.per_stap if s.besteed} == {
        k: v for k, v in per_stap.items() if k is not None
    }
    assert pagina.zonder_stap == per_stap[None]
    html = _gelijk(response.content.decode())
    assert f"({AANTAL} in totaal, pagina 1 van 3)" in html
    voet = html[html.index('<tfoot class="utrecht-table__footer">') :]
    voet = re.sub(r"<[^>]+>", " ", voet[: voet.index("</tfoot>")]).split()
    assert voet == ["Totaal", "542", uren_tekst(pagina.totaal_besteed)]
    # The newest entries first; a member sees their own entries and their count only.
    eerste = pagina.registraties[0]
    assert eerste.datum == dt.date(2022, 6, 1) + dt.timedelta(days=89)
    lid_ = werkgroep[1]
    client.force_login(lid_.gebruiker)
    pagina = client.get(reverse("werkgroep:uren", args=[plan.pk])).context["pagina"]
    eigen = Urenregistratie.objects.filter(lid=lid_)
    assert pagina.registraties.paginator.count == eigen.count()
    assert {r.pk for r in pagina.registraties} == set(eigen.values_list("pk", flat=True))
    assert pagina.eigen.besteed == per_lid[lid_.pk]


def test_a_coordinators_bad_entry_shows_the_page_with_the_input_kept(
    client, plan, coordinator, werkgroep
):
    """A posted entry reads only what the form needs; only a refused one reads the page, which
    then is what the template wrote, with the errors and the member chosen (issue 8)."""
    client.force_login(coordinator)
    extern = werkgroep[-1]
    url = reverse("werkgroep:uren", args=[plan.pk])
    gegevens = {"lid": extern.pk, "datum": "01-06-2022", "uren": "30", "omschrijving": "Te <veel>"}
    response = client.post(url, gegevens)
    assert response.status_code == 200
    assert response.context["form"].errors["uren"]
    nieuw = response.content.decode()
    oud = (
        engines["django"]
        .from_string(OUD)
        .render(response.context[0].flatten(), request=response.wsgi_request)
    )
    assert _gelijk(nieuw) == _gelijk(oud)
    form = response.context["form"]
    assert gelijk(str(form)) == gelijk(_oud_formulier(plan, gegevens, fouten=form.errors))
    assert f'<option value="{extern.pk}" selected>' in nieuw
    assert 'value="Te &lt;veel&gt;"' in nieuw and "Per persoon" in nieuw
    assert not Urenregistratie.objects.filter(omschrijving="Te <veel>").exists()
    response = client.post(url, gegevens | {"uren": "2,5"})
    assert response.status_code == 302
    assert Urenregistratie.objects.get(omschrijving="Te <veel>").lid == extern


@pytest.mark.parametrize("budget", [None, Decimal(1)])
def test_the_table_per_step_without_a_budget_and_above_it_is_what_the_template_wrote(
    client, plan, coordinator, werkgroep, budget
):
    """The steps' rows (written by `per_stap_regels`, issue 8) in their other states: no
    budget at all ("geen budget"), and one far below the hours expected ("boven budget")."""
    if budget is None:
        Urenbudget.objects.all().delete()
    else:
        Urenbudget.objects.update(uren=budget)
    client.force_login(coordinator)
    nieuw, oud = _oud_en_nieuw(client, reverse("werkgroep:uren", args=[plan.pk]))
    assert _gelijk(nieuw) == _gelijk(oud)
    assert ("geen budget" if budget is None else "%: boven budget") in nieuw


def _oud_formulier(plan, data=None, *, initial=None, regie=True, fouten=None) -> str:
    """The hours form as the page made it before: its choices from the querysets, written
    through the form templates; with the errors the service gave (`fouten`)."""
    form = UrenForm(
        data,
        initial=initial,
        stappen=selectors.stappen_keuze(plan),
        leden=selectors.leden_keuze(plan.werkgroep.pk) if regie else None,
    )
    if fouten:
        assert form.is_valid()
        for veld, meldingen in fouten.items():
            for melding in meldingen:
                form.add_error(veld, melding)
    return forms.BaseForm.render(form)


@pytest.mark.parametrize("regie", [True, False])
def test_the_hours_form_is_what_the_form_templates_wrote(
    client, plan, coordinator, werkgroep, vandaag, regie
):
    """The coordinator (here also the trekker: their own name chosen) chooses whose hours; a
    member writes their own."""
    eigen = werkgroep[0] if regie else werkgroep[1]
    client.force_login(eigen.gebruiker)
    form = client.get(reverse("werkgroep:uren", args=[plan.pk])).context["form"]
    oud = _oud_formulier(plan, initial={"datum": vandaag, "lid": eigen}, regie=regie)
    assert gelijk(str(form)) == gelijk(oud)
    assert ("Partner &lt;b&gt;" in oud) is regie
    assert f'<option value="{eigen.pk}" selected>' in oud or not regie


def test_the_correction_and_closing_forms_are_what_their_templates_wrote(plan, werkgroep):
    """Written in one pass (`Veldenformulier`), new and posted back with errors."""
    stappen = selectors.stappen_keuze(plan)
    stap = stappen.first()
    for form in (
        UrenSluitenForm(initial={"tot": dt.date(2022, 9, 30)}),
        UrenSluitenForm({"tot": "31-02-2022"}),
        UrenCorrectieForm(
            initial={"datum": dt.date(2022, 6, 1), "uren": Decimal("1.5"), "stap": stap},
            stappen=stappen,
        ),
        UrenCorrectieForm(
            {"datum": "01-06-2022", "uren": "30", "stap": stap.pk, "omschrijving": "<b>"},
            stappen=stappen,
        ),
    ):
        assert gelijk(str(form)) == gelijk(forms.BaseForm.render(form))


def test_a_coordinator_posts_only_for_a_member_of_this_plan(client, plan, coordinator, werkgroep):
    """The member posted is found by a query compiled once (issue 8), as the queryset found
    it: another plan's member, a word or a number too large for a key is no valid choice."""
    client.force_login(coordinator)
    url = reverse("werkgroep:uren", args=[plan.pk])
    gegevens = {"datum": "01-06-2022", "uren": "1", "omschrijving": "Elders"}
    for keuze in (LidFactory().pk, "tien", "9" * 30):
        response = client.post(url, gegevens | {"lid": keuze})
        assert response.status_code == 200
        assert response.context["form"].errors["lid"] == [
            UrenForm.base_fields["lid"].error_messages["invalid_choice"]
        ]
    assert not Urenregistratie.objects.filter(omschrijving="Elders").exists()
    response = client.post(url, gegevens | {"lid": werkgroep[2].pk})
    assert response.status_code == 302
    assert Urenregistratie.objects.get(omschrijving="Elders").lid == werkgroep[2]
