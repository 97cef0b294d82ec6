"""The next plan from the previous one and the evaluation of its goals (issue 14)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ivp.selectors import regie_plan
from ivp.views import AuthenticatedHttpRequest, probeer
from stappen import services
from stappen.forms.vervolg import EvaluatieForm, EvaluatieMotivatieForm, VervolgForm
from stappen.selectors import vervolg as sel


@login_required
def plan_vervolg(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    """The form that proposes the plan after `plan_id`."""
    voorstel = sel.vervolg_voorstel(request.user, plan_id)
    form = VervolgForm(request.POST or None, voorstel=voorstel)
    if request.method == "POST" and form.is_valid():
        plan = probeer(
            request,
            services.plan_vervolg_create,
            form=form,
            vorig_plan=voorstel.vorig_plan,
            door=request.user,
            overnemen=form.overnemen(),
            **form.plangegevens(),
        )
        if plan is not None:
            messages.success(
                request,
                f"Het plan ‘{plan.titel}’ is aangemaakt vanuit ‘{voorstel.vorig_plan.titel}’. "
                "Begin met de evaluatie van de doelstellingen.",
            )
            return redirect("stappen:evaluatie", plan_id=plan.pk)
    return render(
        request, "stappen/vervolg/plan_vervolg.html", {"form": form, "voorstel": voorstel}
    )


def _pagina(
    request: AuthenticatedHttpRequest,
    plan_id: int,
    fout_form: tuple[int, EvaluatieForm] | None = None,
    motivatie_form: EvaluatieMotivatieForm | None = None,
    status: int = 200,
) -> HttpResponse:
    pagina = sel.evaluatie_pagina(request.user, plan_id)
    forms = {}
    for regel in pagina.regels:
        d = regel.doelstelling
        if fout_form and fout_form[0] == d.pk:
            forms[d.pk] = fout_form[1]
            continue
        e = regel.evaluatie
        forms[d.pk] = EvaluatieForm(
            initial={"score": e.score, "toelichting": e.toelichting} if e else None,
            auto_id=f"id_doel_{d.pk}_%s",
        )
    rijen = [(regel, forms[regel.doelstelling.pk]) for regel in pagina.regels]
    motivatie_form = motivatie_form or EvaluatieMotivatieForm(
        initial={"motivatie": pagina.vervolg.evaluatie_motivatie}
    )
    return render(
        request,
        "stappen/vervolg/evaluatie.html",
        {
            "pagina": pagina,
            "plan": pagina.plan,
            "rijen": rijen,
            "motivatie_form": motivatie_form,
        },
        status=status,
    )


@login_required
def evaluatie(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    return _pagina(request, plan_id)


@login_required
@require_POST
def evaluatie_score(
    request: AuthenticatedHttpRequest, plan_id: int, doelstelling_id: int
) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    doelstelling = sel.evaluatie_doelstelling(plan, doelstelling_id)
    form = EvaluatieForm(request.POST, auto_id=f"id_doel_{doelstelling.pk}_%s")
    if form.is_valid() and probeer(
        request,
        services.evaluatie_save,
        form=form,
        plan=plan,
        doelstelling=doelstelling,
        door=request.user,
        **form.cleaned_data,
    ):
        messages.success(request, "De score is opgeslagen.")
        url = reverse("stappen:evaluatie", kwargs={"plan_id": plan.pk})
        return redirect(f"{url}#doel-{doelstelling.pk}")
    return _pagina(request, plan_id, fout_form=(doelstelling.pk, form))


@login_required
@require_POST
def evaluatie_motivatie(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    form = EvaluatieMotivatieForm(request.POST)
    if not form.is_valid():
        return _pagina(request, plan_id, motivatie_form=form)
    if probeer(
        request,
        services.evaluatie_motivatie_save,
        form=form,
        plan=plan,
        door=request.user,
        motivatie=form.cleaned_data["motivatie"],
    ):
        messages.success(request, "De motivatie is opgeslagen.")
        return redirect(reverse("stappen:evaluatie", kwargs={"plan_id": plan.pk}) + "#motivatie")
    return _pagina(request, plan_id, motivatie_form=form)
