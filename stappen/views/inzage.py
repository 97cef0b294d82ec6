"""The coordinator's page to grant the confidential sources (docs/vertrouwelijk.md)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ivp.views import AuthenticatedHttpRequest, probeer
from stappen import selectors, services
from stappen.forms.inzage import InzageForm


@login_required
def inzage(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    pagina = selectors.inzage_pagina(request.user, gemeente_id)
    form = InzageForm(
        request.POST or None,
        kandidaten=pagina.kandidaten,
        initial={"gebruikers": sorted(pagina.verleend)},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.inzage_set,
            form=form,
            gemeente=pagina.gemeente,
            door=request.user,
            gebruikers=list(form.cleaned_data["gebruikers"]),
        )
    ):
        messages.success(request, "Wie de vertrouwelijke bronnen mag lezen is opgeslagen.")
        return redirect("stappen:inzage", gemeente_id=gemeente_id)
    return render(request, "stappen/inzage.html", {"pagina": pagina, "form": form})
