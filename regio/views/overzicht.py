"""The regional overview: the member plans side by side, for the region's coordinators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from ivp.views import AuthenticatedHttpRequest
from regio.selectors.overzicht import regio_overzicht


@login_required
def overzicht(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    pagina = regio_overzicht(request.user, regio_id)
    return render(request, "regio/overzicht/overzicht.html", {"pagina": pagina})
