"""The header shows how many notices are unread (issue 9): fetched by htmx after the page,
so no page pays a query for it; marking them read empties it."""

import pytest
from django.urls import reverse

from tests.ivp.factories import GebruikerFactory
from tests.stappen.factories import MeldingFactory

pytestmark = pytest.mark.django_db


def test_the_header_counts_the_unread_notices_of_the_user_only(client):
    gebruiker = GebruikerFactory()
    ander = GebruikerFactory()
    for _ in range(3):
        MeldingFactory(gebruiker=gebruiker)
    MeldingFactory(gebruiker=ander)
    client.force_login(gebruiker)
    pagina = client.get(reverse("start")).content.decode()
    assert f'data-hx-get="{reverse("stappen:meldingen_aantal")}"' in pagina
    teller = client.get(reverse("stappen:meldingen_aantal"), HTTP_HX_REQUEST="true")
    assert '<span class="ivp-teller__getal">3</span>' in teller.content.decode()
    assert "ongelezen" in teller.content.decode()
    client.post(reverse("stappen:meldingen_gelezen"))
    teller = client.get(reverse("stappen:meldingen_aantal"), HTTP_HX_REQUEST="true")
    assert "ivp-teller__getal" not in teller.content.decode()


def test_the_count_needs_a_login(client):
    assert client.get(reverse("stappen:meldingen_aantal")).status_code == 302
