"""Thin views: check the permission, validate a form, call one service, redirect or render."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ivp.constants import RolSoort
from ivp.permissions import PLAN_REGISSEURS, gemeenten_met_rol
from ivp.selectors import regie_gemeenten, regie_plan
from ivp.views import AuthenticatedHttpRequest, meld_formfouten, probeer
from stappen import selectors, services
from stappen.forms import HeropenForm, OvergangForm, PlanForm, StapPlanningForm
from stappen.models import Stap
from stappen.selectors import ongelezen_meldingen
from stappen.selectors import vervolg as vervolg_selectors


@login_required
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    regie_ids = gemeenten_met_rol(request.user, PLAN_REGISSEURS)
    return render(
        request,
        "stappen/start.html",
        {
            "plannen": selectors.plannen_voor(request.user),
            "mag_plan_maken": bool(regie_ids),
            "is_griffie": bool(gemeenten_met_rol(request.user, frozenset({RolSoort.GRIFFIE}))),
            "meldingen": ongelezen_meldingen(request.user),
            "bestuur": selectors.bestuurder_overzicht(request.user),
            # The coordinator keeps the vergaderkalender of each of their gemeenten.
            "kalender_gemeenten": list(regie_gemeenten(request.user)) if regie_ids else [],
        },
    )


@login_required
def plan_detail(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    pagina = selectors.plan_pagina(request.user, plan_id)
    return render(
        request,
        "stappen/plan_detail.html",
        {
            "pagina": pagina,
            "plan": pagina.plan,
            "herkomst": vervolg_selectors.herkomst(request.user, pagina.plan),
            "mag_logboek": selectors.mag_logboek_zien(request.user, pagina.plan),
            # One form per step that can be reopened, each with its own ids, so every label
            # names its own field.
            "heropen_forms": {
                regel.stap.nummer: HeropenForm(auto_id=f"id_heropen_{regel.stap.nummer}_%s")
                for regel in pagina.regels
                if regel.kan_heropenen
            },
        },
    )


@login_required
def plan_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    gemeenten = list(regie_gemeenten(request.user))
    if not gemeenten:
        raise Http404("Alleen een coördinator OOV maakt een plan.")
    form = PlanForm(request.POST or None, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        plan = probeer(
            request, services.plan_create, form=form, door=request.user, **form.cleaned_data
        )
        if plan is not None:
            messages.success(request, f"Het plan ‘{plan.titel}’ is aangemaakt met zes stappen.")
            return redirect("stappen:plan", plan_id=plan.pk)
    return render(
        request,
        "stappen/plan_form.html",
        {
            "form": form,
            "plan": None,
            "vorige_plannen": vervolg_selectors.vorige_plannen(request.user),
        },
    )


@login_required
def plan_edit(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    form = PlanForm(request.POST or None, instance=plan, versie_van=plan)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.plan_update,
            form=form,
            plan=plan,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De gegevens van het plan zijn opgeslagen.")
        return redirect("stappen:plan", plan_id=plan.pk)
    return render(request, "stappen/plan_form.html", {"form": form, "plan": plan})


@login_required
def stap_planning(request: AuthenticatedHttpRequest, plan_id: int, nummer: int) -> HttpResponse:
    stap = selectors.regie_stap(request.user, plan_id, nummer)
    form = StapPlanningForm(request.POST or None, instance=stap)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.stap_plan,
            form=form,
            stap=stap,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, f"De planning van stap {stap.nummer} is opgeslagen.")
        return redirect(_stap_url(stap.plan_id, stap.nummer))
    return render(request, "stappen/stap_planning.html", {"form": form, "stap": stap})


def _stap_url(plan_id: int, nummer: int) -> str:
    return f"{reverse('stappen:plan', kwargs={'plan_id': plan_id})}#stap-{nummer}"


# The one table of the step transitions a button can ask for: the service that makes it, the
# form that carries its note, and what the user is told.
_OVERGANGEN: dict[str, tuple[Callable[..., Stap], type[forms.Form], str]] = {
    "start": (services.stap_start, OvergangForm, "Stap {n} is gestart."),
    "afronden": (services.stap_close, OvergangForm, "Stap {n} is afgerond."),
    "heropenen": (services.stap_reopen, HeropenForm, "Stap {n} is heropend."),
}


@login_required
@require_POST
def stap_overgang(
    request: AuthenticatedHttpRequest, plan_id: int, nummer: int, actie: str
) -> HttpResponse:
    if actie not in _OVERGANGEN:
        raise Http404("Onbekende actie.")
    stap = selectors.regie_stap(request.user, plan_id, nummer)
    service, form_class, gelukt = _OVERGANGEN[actie]
    form = form_class(request.POST)
    if not form.is_valid():
        meld_formfouten(request, form)
        return redirect(_stap_url(plan_id, nummer))
    toelichting = form.cleaned_data["toelichting"]
    kwargs = {"reden": toelichting} if actie == "heropenen" else {"toelichting": toelichting}
    if probeer(request, service, stap=stap, door=request.user, **kwargs):
        messages.success(request, gelukt.format(n=nummer))
    return redirect(_stap_url(plan_id, nummer))


@login_required
@require_POST
def herinneringen_versturen(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    """ "Herinneringen nu versturen": the daily sweep for this gemeente, now."""
    plan = regie_plan(request.user, plan_id)
    aantal = probeer(request, services.herinneringen_versturen, plan=plan, door=request.user)
    if aantal is not None:
        aantal = 0 if aantal is True else aantal
        messages.success(
            request,
            f"{aantal} nieuwe herinnering{'' if aantal == 1 else 'en'} verstuurd."
            if aantal
            else "Er waren geen nieuwe herinneringen; wat nog wachtte is opnieuw aangeboden.",
        )
    return redirect(reverse("stappen:plan", kwargs={"plan_id": plan.pk}) + "#herinneringen")
