"""The hours pages: the uren page (log, close a period), correcting an entry, a member's
budget and the exports. Thin: check the permission, validate a form, call one service.
A member logs and corrects their own hours; the rest is the coordinator's."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ivp import downloads
from ivp.selectors import regie_plan
from ivp.views import AuthenticatedHttpRequest, meld_formfouten, probeer
from werkgroep import export, selectors
from werkgroep.constants import uren_tekst
from werkgroep.forms import UrenbudgetForm, UrenCorrectieForm, UrenForm, UrenSluitenForm, zet_keuzes
from werkgroep.uren import services


@login_required
def uren(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    posted = None
    if request.method == "POST":
        # A valid entry redirects: only what the form and the service need is read; the page
        # is read only to show the form again with its errors (issue 8).
        schrijven = selectors.uren_schrijven(request.user, plan_id)
        if not schrijven.mag_schrijven:
            raise Http404("Plan niet gevonden.")
        posted = UrenForm(
            request.POST,
            stappen=selectors.stappen_keuze(schrijven.plan),
            leden=schrijven.leden,
            lid_van=schrijven.lid_van,
        )
        if posted.is_valid():
            gegevens = dict(posted.cleaned_data)
            # The coordinator chooses whose hours; a member's form has no choice: their own.
            lid = gegevens.pop("lid", None) or schrijven.eigen
            if probeer(
                request, services.uren_log, form=posted, lid=lid, door=request.user, **gegevens
            ):
                messages.success(
                    request,
                    f"{uren_tekst(gegevens['uren'])} uur op "
                    f"{gegevens['datum']:%d-%m-%Y} geschreven.",
                )
                return redirect("werkgroep:uren", plan_id=schrijven.plan.pk)
    pagina = selectors.uren_pagina(request.user, plan_id, request.GET.get("pagina"))
    plan = pagina.plan
    form = None
    if posted is not None:
        # Shown again with its errors: the options from what the page has read, no query.
        form = posted
        zet_keuzes(form, stap=pagina.stap_keuzes)
        if pagina.lid_keuzes:
            zet_keuzes(form, lid=pagina.lid_keuzes)
    elif pagina.eigen or pagina.mag_regisseren:
        initial: dict[str, Any] = {"datum": pagina.vandaag}
        if pagina.eigen:
            initial["lid"] = pagina.eigen.lid.pk
        form = UrenForm(initial=initial, stappen=pagina.stap_keuzes, leden=pagina.lid_keuzes)
    sluiten = None
    if pagina.mag_regisseren and pagina.werkgroep:
        sluiten = UrenSluitenForm(initial={"tot": pagina.werkgroep.uren_gesloten_tot})
    context = {"pagina": pagina, "plan": plan, "form": form, "sluiten_form": sluiten}
    return render(request, "werkgroep/uren.html", context)


@login_required
@require_POST
def uren_sluiten(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    form = UrenSluitenForm(request.POST)
    if form.is_valid():
        tot = form.cleaned_data["tot"]
        if probeer(request, services.uren_sluit, plan=plan, door=request.user, tot=tot):
            messages.success(
                request,
                f"De uren tot en met {tot:%d-%m-%Y} zijn afgesloten."
                if tot
                else "Er zijn geen uren meer afgesloten.",
            )
    else:
        meld_formfouten(request, form)
    return redirect("werkgroep:uren", plan_id=plan.pk)


@login_required
def uren_bewerken(request: AuthenticatedHttpRequest, registratie_id: int) -> HttpResponse:
    registratie = selectors.eigen_registratie(request.user, registratie_id)
    plan = registratie.lid.werkgroep.plan
    initial = {
        "datum": registratie.datum,
        "uren": registratie.uren,
        "stap": registratie.stap,
        "omschrijving": registratie.omschrijving,
    }
    form = UrenCorrectieForm(
        request.POST or None, initial=initial, stappen=selectors.stappen_keuze(plan)
    )
    if (
        request.method == "POST"
        and request.POST.get("actie") == "verwijderen"
        and probeer(request, services.uren_delete, registratie=registratie, door=request.user)
    ):
        messages.success(request, "De registratie is verwijderd.")
        return redirect("werkgroep:uren", plan_id=plan.pk)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.uren_update,
            form=form,
            registratie=registratie,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De registratie is gecorrigeerd.")
        return redirect("werkgroep:uren", plan_id=plan.pk)
    historie = selectors.registratie_historie(registratie)
    return render(
        request,
        "werkgroep/uren_form.html",
        {"form": form, "plan": plan, "registratie": registratie, "historie": historie},
    )


@login_required
def urenbudget(request: AuthenticatedHttpRequest, lid_id: int) -> HttpResponse:
    lid = selectors.regie_lid(request.user, lid_id)
    plan = lid.werkgroep.plan
    budget = selectors.urenbudget_van(lid)
    initial = {"uren": budget.uren, "motivatie": budget.motivatie} if budget else {}
    form = UrenbudgetForm(request.POST or None, initial=initial, versie_van=budget or 0)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.urenbudget_set,
            form=form,
            lid=lid,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, f"Het urenbudget van {lid} is opgeslagen.")
        return redirect("werkgroep:uren", plan_id=plan.pk)
    return render(request, "werkgroep/budget_form.html", {"form": form, "plan": plan, "lid": lid})


@login_required
def uren_csv(request: AuthenticatedHttpRequest, plan_id: int) -> StreamingHttpResponse:
    """Streamed: the rows are read in chunks and written as they come."""
    rijen = selectors.export_rijen(request.user, plan_id)
    response = StreamingHttpResponse(export.csv_stroom(rijen), content_type=export.CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="uren-plan-{plan_id}.csv"'
    return response


@login_required
@require_POST
def uren_xlsx(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    """The Excel file is made by a task (ivp/downloads.py); its page offers it when ready."""
    plan = selectors.uren_plan(request.user, plan_id)
    gevraagd = probeer(
        request,
        downloads.download_vraag,
        gebruiker=request.user,
        soort=export.UREN_XLSX,
        titel=f"Urenregistratie {plan} (Excel)",
        bestandsnaam=f"uren-plan-{plan.pk}.xlsx",
        parameters={"plan_id": plan.pk},
    )
    if not gevraagd:
        return redirect("werkgroep:uren", plan_id=plan.pk)
    return redirect("download", download_id=gevraagd.pk)
