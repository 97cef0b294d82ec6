"""The regional coordinator's pages of joint meetings: the region's list, planning one,
moving one and calling one off. Thin: a selector that 404s, a form, one service call."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from ivp.views import AuthenticatedHttpRequest, probeer
from werkgroep.forms import AfzeggenForm
from werkgroep.gezamenlijk import selectors, services
from werkgroep.gezamenlijk.forms import GezamenlijkForm


@login_required
def lijst(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    pagina = selectors.gezamenlijk_pagina(request.user, regio_id)
    return render(
        request, "werkgroep/gezamenlijk_lijst.html", {"pagina": pagina, "regio": pagina.regio}
    )


@login_required
def nieuw(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    regio = selectors.regie_regio(request.user, regio_id)
    form = GezamenlijkForm(request.POST or None, gemeenten=selectors.gemeenten_keuze(regio))
    if request.method == "POST" and form.is_valid():
        gezamenlijk = probeer(
            request,
            services.gezamenlijk_plan,
            form=form,
            regio=regio,
            door=request.user,
            **form.cleaned_data,
        )
        if gezamenlijk:
            messages.success(
                request, "De gezamenlijke bijeenkomst is gepland; de uitnodigingen zijn verstuurd."
            )
            return redirect("werkgroep:gezamenlijk_lijst", regio_id=regio.pk)
    context = {"form": form, "regio": regio, "gezamenlijk": None, "gemeenten": []}
    return render(request, "werkgroep/gezamenlijk_form.html", context)


@login_required
def bewerken(request: AuthenticatedHttpRequest, gezamenlijk_id: int) -> HttpResponse:
    gezamenlijk = selectors.regie_gezamenlijk(request.user, gezamenlijk_id)
    initial = {
        naam: getattr(gezamenlijk, naam)
        for naam in ("titel", "datum", "begintijd", "eindtijd", "locatie", "online_link")
    }
    form = GezamenlijkForm(request.POST or None, initial=initial, versie_van=gezamenlijk)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.gezamenlijk_verplaats,
            form=form,
            gezamenlijk=gezamenlijk,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(
            request, "De gezamenlijke bijeenkomst is gewijzigd en iedereen krijgt de wijziging."
        )
        return redirect("werkgroep:gezamenlijk_lijst", regio_id=gezamenlijk.regio_id)
    context = {
        "form": form,
        "regio": gezamenlijk.regio,
        "gezamenlijk": gezamenlijk,
        "gemeenten": selectors.gemeenten_van(gezamenlijk),
    }
    return render(request, "werkgroep/gezamenlijk_form.html", context)


@login_required
def afzeggen(request: AuthenticatedHttpRequest, gezamenlijk_id: int) -> HttpResponse:
    """Call the joint meeting off for every gemeente at once, with the reason."""
    gezamenlijk = selectors.regie_gezamenlijk(request.user, gezamenlijk_id)
    form = AfzeggenForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.gezamenlijk_afzeggen,
            form=form,
            gezamenlijk=gezamenlijk,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(
            request,
            "De gezamenlijke bijeenkomst is afgezegd, voor alle gemeenten; "
            "de leden krijgen bericht.",
        )
        return redirect("werkgroep:gezamenlijk_lijst", regio_id=gezamenlijk.regio_id)
    context = {
        "form": form,
        "regio": gezamenlijk.regio,
        "gezamenlijk": gezamenlijk,
        "gemeenten": selectors.gemeenten_van(gezamenlijk),
        "niet_afzegbaar": selectors.niet_afzegbaar(gezamenlijk),
    }
    return render(request, "werkgroep/gezamenlijk_afzeggen.html", context)
