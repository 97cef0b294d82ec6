"""A member's pages of its region: the plan's regio page and one proposal, with the buttons
to accept or decline it (docs/regio.md, "Overnemen in het eigen plan")."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ivp.views import AuthenticatedHttpRequest, meld_formfouten, probeer
from regio import selectors, services
from regio.forms.overname import AanvaardForm, AfwijsForm
from regio.selectors.overname import VoorstelPagina


@login_required
def plan_regio(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    pagina = selectors.plan_regio_pagina(request.user, plan_id)
    return render(request, "regio/overname/plan.html", {"pagina": pagina, "plan": pagina.plan})


def _voorstel_render(
    request: AuthenticatedHttpRequest,
    pagina: VoorstelPagina,
    aanvaard_form: forms.Form | None = None,
    afwijs_form: forms.Form | None = None,
) -> HttpResponse:
    ingevuld = aanvaard_form or afwijs_form
    if ingevuld is not None and not pagina.voorstel.is_open:
        # Decided already (a double click): the page has no form to show the refusal on.
        meld_formfouten(request, ingevuld)
        return redirect("regio:voorstel", plan_id=pagina.plan.pk, voorstel_id=pagina.voorstel.pk)
    gezien = {"gezien": pagina.voorstel.naar_id}
    return render(
        request,
        "regio/overname/voorstel.html",
        {
            "pagina": pagina,
            "plan": pagina.plan,
            "voorstel": pagina.voorstel,
            "aanvaard_form": aanvaard_form or AanvaardForm(prefix="aanvaard", initial=gezien),
            "afwijs_form": afwijs_form or AfwijsForm(prefix="afwijs", initial=gezien),
        },
    )


@login_required
def voorstel(request: AuthenticatedHttpRequest, plan_id: int, voorstel_id: int) -> HttpResponse:
    return _voorstel_render(request, selectors.voorstel_pagina(request.user, plan_id, voorstel_id))


@login_required
@require_POST
def voorstel_aanvaarden(
    request: AuthenticatedHttpRequest, plan_id: int, voorstel_id: int
) -> HttpResponse:
    pagina = selectors.beslis_voorstel(request.user, plan_id, voorstel_id)
    form = AanvaardForm(request.POST, prefix="aanvaard")
    if form.is_valid() and probeer(
        request,
        services.voorstel_aanvaard,
        form=form,
        voorstel=pagina.voorstel,
        door=request.user,
        gezien=form.cleaned_data["gezien"],
    ):
        messages.success(
            request,
            "Het voorstel is aanvaard; het document heeft er een nieuwe versie mee.",
        )
        return redirect("regio:voorstel", plan_id=plan_id, voorstel_id=voorstel_id)
    return _voorstel_render(request, pagina, aanvaard_form=form)


@login_required
@require_POST
def voorstel_afwijzen(
    request: AuthenticatedHttpRequest, plan_id: int, voorstel_id: int
) -> HttpResponse:
    pagina = selectors.beslis_voorstel(request.user, plan_id, voorstel_id)
    form = AfwijsForm(request.POST, prefix="afwijs")
    if form.is_valid() and probeer(
        request,
        services.voorstel_wijs_af,
        form=form,
        voorstel=pagina.voorstel,
        door=request.user,
        reden=form.cleaned_data["reden"],
        gezien=form.cleaned_data["gezien"],
    ):
        messages.success(request, "Het voorstel is afgewezen; de reden is vastgelegd.")
        return redirect("regio:voorstel", plan_id=plan_id, voorstel_id=voorstel_id)
    return _voorstel_render(request, pagina, afwijs_form=form)


@login_required
@require_POST
def deel_heroverwegen(
    request: AuthenticatedHttpRequest, plan_id: int, deel_id: int
) -> HttpResponse:
    """A declined shared part put before the gemeente again: to its proposal page."""
    plan, deel = selectors.afgewezen_deel(request.user, plan_id, deel_id)
    voorstel = probeer(
        request, services.overname_heroverweeg, plan=plan, deel=deel, door=request.user
    )
    if voorstel is None:
        return redirect("regio:plan", plan_id=plan_id)
    messages.info(
        request,
        "Het deel ligt opnieuw voor. Tot u het aanvaardt, blijft het niet overgenomen.",
    )
    return redirect("regio:voorstel", plan_id=plan_id, voorstel_id=voorstel.pk)
