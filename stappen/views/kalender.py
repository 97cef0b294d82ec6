"""The vergaderkalender of a gemeente and the raad meeting a step is planned for. Thin: a
form, one service, a message, a redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ivp.views import AuthenticatedHttpRequest, probeer
from stappen import selectors, services
from stappen.constants import RAADSSTAPPEN
from stappen.forms.kalender import (
    AccepteerForm,
    FeedForm,
    IcsUploadForm,
    RaadKeuzeForm,
    TermijnenForm,
    VergaderingForm,
)
from stappen.selectors import kalender as kalender_selectors
from stappen.services.kalender import feed_mag


def _kalender_url(gemeente_id: int) -> str:
    return reverse("stappen:vergaderkalender", kwargs={"gemeente_id": gemeente_id})


@login_required
def vergaderkalender(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    pagina = kalender_selectors.kalender_pagina(request.user, gemeente_id)
    return render(
        request,
        "stappen/kalender/vergaderkalender.html",
        {"pagina": pagina, "gemeente": pagina.gemeente},
    )


@login_required
def vergadering_form(
    request: AuthenticatedHttpRequest, gemeente_id: int, vergadering_id: int | None = None
) -> HttpResponse:
    gemeente = kalender_selectors.regie_gemeente(request.user, gemeente_id)
    vergadering = (
        kalender_selectors.regie_vergadering(request.user, gemeente_id, vergadering_id)
        if vergadering_id
        else None
    )
    form = VergaderingForm(request.POST or None, instance=vergadering)
    if request.method == "POST" and form.is_valid():
        bewaard = probeer(
            request,
            services.vergadering_bewaar,
            form=form,
            gemeente=gemeente,
            door=request.user,
            vergadering=vergadering,
            **form.cleaned_data,
        )
        if bewaard:
            messages.success(request, f"De {bewaard} staat in de vergaderkalender.")
            return redirect(_kalender_url(gemeente_id))
    return render(
        request,
        "stappen/kalender/vergadering_form.html",
        {"form": form, "gemeente": gemeente, "vergadering": vergadering},
    )


@login_required
@require_POST
def vergadering_verwijderen(
    request: AuthenticatedHttpRequest, gemeente_id: int, vergadering_id: int
) -> HttpResponse:
    vergadering = kalender_selectors.regie_vergadering(request.user, gemeente_id, vergadering_id)
    naam = str(vergadering)
    if probeer(request, services.vergadering_verwijder, vergadering=vergadering, door=request.user):
        messages.success(request, f"De {naam} is uit de kalender verwijderd.")
    return redirect(_kalender_url(gemeente_id))


@login_required
def importeren(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    """Upload an .ics file (POST with `bestand`), or set and fetch the feed (POST `feed`)."""
    gemeente = kalender_selectors.regie_gemeente(request.user, gemeente_id)
    is_feed = request.method == "POST" and "feed" in request.POST
    upload = IcsUploadForm(
        request.POST if request.method == "POST" and not is_feed else None,
        request.FILES or None,
    )
    feed = FeedForm(
        request.POST if is_feed else None,
        instance=kalender_selectors.termijnen_voor(gemeente),
        prefix="feed",
    )
    resultaat = None
    if request.method == "POST" and not is_feed and upload.is_valid():
        resultaat = probeer(
            request,
            services.vergaderingen_importeer,
            form=upload,
            gemeente=gemeente,
            door=request.user,
            inhoud=upload.cleaned_data["bestand"],
            orgaan=upload.cleaned_data["orgaan"],
        )
    elif (
        is_feed
        and feed.is_valid()
        and probeer(
            request,
            services.feed_bewaar,
            form=feed,
            gemeente=gemeente,
            door=request.user,
            **feed.cleaned_data,
        )
    ):
        if not feed.cleaned_data["feed_url"]:
            messages.success(request, "De agenda wordt niet meer opgehaald.")
            return redirect(_kalender_url(gemeente_id))
        resultaat = probeer(
            request, services.feed_ververs, form=feed, gemeente=gemeente, door=request.user
        )
    if resultaat:
        messages.success(request, resultaat.samenvatting())
        return redirect(_kalender_url(gemeente_id))
    return render(
        request,
        "stappen/kalender/importeren.html",
        {"gemeente": gemeente, "upload": upload, "feed": feed, "feed_mag": feed_mag()},
    )


@login_required
def termijnen(request: AuthenticatedHttpRequest, gemeente_id: int) -> HttpResponse:
    pagina = kalender_selectors.kalender_pagina(request.user, gemeente_id)
    form = TermijnenForm(request.POST or None, instance=pagina.termijnen)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.termijnen_bewaar,
            form=form,
            gemeente=pagina.gemeente,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De termijnen zijn opgeslagen.")
        return redirect(_kalender_url(gemeente_id))
    return render(
        request,
        "stappen/kalender/termijnen.html",
        {"form": form, "gemeente": pagina.gemeente},
    )


@login_required
def raadsplanning(request: AuthenticatedHttpRequest, plan_id: int, nummer: int) -> HttpResponse:
    """Choose the raad meeting (GET `raad`), see the counted-back proposal, accept it (POST)."""
    if nummer not in RAADSSTAPPEN:
        raise Http404("Deze stap gaat niet naar de raad.")
    stap = selectors.regie_stap(request.user, plan_id, nummer)
    plan = stap.plan
    vergaderingen = kalender_selectors.raadsvergaderingen(plan.gemeente_id, timezone.localdate())
    bestaand = getattr(stap, "raadsplanning", None)
    gegevens = request.POST if request.method == "POST" else request.GET
    keuze = RaadKeuzeForm(
        gegevens if "raad" in gegevens else None,
        vergaderingen=vergaderingen,
        initial={"raad": bestaand.raadsvergadering_id} if bestaand else None,
    )
    voorstel = accepteer = None
    if keuze.is_bound and keuze.is_valid():
        raad = keuze.cleaned_data["raad"]
        voorstel = probeer(request, services.voorstel_voor, stap=stap, raad=raad)
        if voorstel:
            stappen = {s.nummer: s for s in plan.stappen.all()}
            accepteer = AccepteerForm(
                request.POST if request.method == "POST" else None,
                deadlines=voorstel.deadlines,
                stappen=stappen,
                initial={"raad": raad.pk, "stukken_datum": voorstel.stukken},
                auto_id="id_accepteer_%s",
            )
            if (
                request.method == "POST"
                and accepteer.is_valid()
                and probeer(
                    request,
                    services.raadsplanning_accepteer,
                    form=accepteer,
                    stap=stap,
                    raad=raad,
                    door=request.user,
                    stukken_datum=accepteer.cleaned_data["stukken_datum"],
                    deadlines=accepteer.deadlines(),
                )
            ):
                messages.success(
                    request,
                    f"De planning van stap {nummer} naar de {raad} is vastgelegd.",
                )
                plan_url = reverse("stappen:plan", kwargs={"plan_id": plan.pk})
                return redirect(f"{plan_url}#bestuurlijke-planning")
    return render(
        request,
        "stappen/kalender/raadsplanning.html",
        {
            "plan": plan,
            "stap": stap,
            "keuze": keuze,
            "voorstel": voorstel,
            "accepteer": accepteer,
            "bestaand": bestaand,
            "heeft_raadsvergaderingen": vergaderingen.exists(),
        },
    )
