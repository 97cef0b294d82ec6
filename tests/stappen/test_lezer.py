"""A lezer sees adopted text only (issue 15, finding 2): on the plan page no blockers (they
name unplaced themes and open analyses), no links to draft documents and no log of drafts."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ivp.models import Gebruiker, Plan

pytestmark = [pytest.mark.django_db, pytest.mark.actieve_stap(3)]


def _plan_pagina(client: Client, user: Gebruiker, plan: Plan) -> str:
    client.force_login(user)
    response = client.get(reverse("stappen:plan", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_coordinator_sees_what_is_still_missing(
    client: Client, plan: Plan, coordinator: Gebruiker
) -> None:
    html = _plan_pagina(client, coordinator, plan)
    assert "Nog nodig om deze stap af te ronden" in html
    assert reverse("stappen:prioritering", args=[plan.pk]) in html


def test_a_lezer_sees_no_blockers_no_drafts_and_no_draft_log(
    client: Client, plan: Plan, lezer: Gebruiker
) -> None:
    html = _plan_pagina(client, lezer, plan)
    assert "Nog nodig om deze stap af te ronden" not in html
    assert "Deze stap kan nog niet starten" not in html
    # The analysis document was vastgesteld when step 2 was closed; the prioritering is not.
    assert reverse("stappen:prioritering", args=[plan.pk]) not in html
    for document in plan.documenten.all():
        link = reverse("stappen:document", args=[document.pk])
        assert (link in html) == document.is_vastgesteld, document
