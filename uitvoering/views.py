"""Thin views of the uitvoering: check the permission through a selector (404 for anyone
without a role in the gemeente), validate a form, call one service, redirect or render.

Plan readers (coordinator, werkgroeplid, bestuurder, lezer) see the pages; the coordinator
writes; a werkgroeplid records the progress of the activities they are trekker of.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ivp.permissions import mag_regio_regisseren
from ivp.selectors import regie_plan
from ivp.views import AuthenticatedHttpRequest, probeer
from uitvoering import export, selectors, services
from uitvoering.forms import (
    ActiviteitForm,
    IndicatorForm,
    MetingForm,
    RegionaleActiviteitForm,
    VoortgangForm,
)
from uitvoering.grafiek import indicatorgrafiek
from uitvoering.models import Activiteit, Uitvoeringsplan
from uitvoering.services.plannen import ACTIVITEIT_VELDEN
from uitvoering.services.regionaal import REGIONALE_VELDEN


@login_required
def overzicht(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    pagina = selectors.overzicht(request.user, plan_id)
    return render(request, "uitvoering/overzicht.html", {"pagina": pagina, "plan": pagina.plan})


@login_required
@require_POST
def uitvoeringsplan_nieuw(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = regie_plan(request.user, plan_id)
    try:
        jaar = int(request.POST.get("jaar", ""))
    except ValueError:
        messages.error(request, "Kies het jaar van het uitvoeringsplan.")
        return redirect("uitvoering:overzicht", plan_id=plan.pk)
    up = probeer(request, services.uitvoeringsplan_maak, plan=plan, jaar=jaar, door=request.user)
    if up:
        return redirect("uitvoering:plan", uitvoeringsplan_id=up.pk)
    return redirect("uitvoering:overzicht", plan_id=plan.pk)


@login_required
def plan(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    pagina = selectors.plan_pagina(request.user, uitvoeringsplan_id, request.GET.dict())
    up = pagina.uitvoeringsplan
    vorige, evaluatie = services.vorige_evaluatie(up) if up.is_eerste else (None, [])
    context = {
        "pagina": pagina,
        "up": up,
        "plan": up.plan,
        "huidig": "plan",
        "vorige_rapportage": vorige,
        "vorige_evaluatie": evaluatie,
    }
    return render(request, "uitvoering/plan.html", context)


@login_required
def matrix(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    up = selectors.zichtbaar_uitvoeringsplan(request.user, uitvoeringsplan_id)
    context = {"up": up, "plan": up.plan, "regels": selectors.matrix(up), "huidig": "matrix"}
    return render(request, "uitvoering/matrix.html", context)


@login_required
def keten(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    jaar = request.GET.get("jaar", "")
    pagina = selectors.keten(request.user, plan_id, int(jaar) if jaar.isdigit() else None)
    return render(request, "uitvoering/keten.html", {"pagina": pagina, "plan": pagina.plan})


def _activiteit_form(up: Uitvoeringsplan, data: Any = None, **kwargs: Any) -> ActiviteitForm:
    return ActiviteitForm(
        data,
        doelstellingen=selectors.doelstellingen_van(up.plan),
        beheer=selectors.beheerthemas_van(up.plan),
        leden=selectors.leden_van(up.plan),
        **kwargs,
    )


@login_required
def activiteit_nieuw(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    up = selectors.regie_uitvoeringsplan(request.user, uitvoeringsplan_id)
    form = _activiteit_form(up, request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.activiteit_create,
            form=form,
            uitvoeringsplan=up,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De activiteit is toegevoegd.")
        return redirect("uitvoering:plan", uitvoeringsplan_id=up.pk)
    context = {"form": form, "up": up, "plan": up.plan, "activiteit": None}
    return render(request, "uitvoering/activiteit_form.html", context)


@login_required
def activiteit_bewerken(request: AuthenticatedHttpRequest, activiteit_id: int) -> HttpResponse:
    activiteit, up = selectors.regie_activiteit(request.user, activiteit_id)
    initial = {naam: getattr(activiteit, naam) for naam in ACTIVITEIT_VELDEN}
    form = _activiteit_form(up, request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.activiteit_update,
            form=form,
            activiteit=activiteit,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, f"De activiteit ‘{activiteit.titel}’ is opgeslagen.")
        return redirect("uitvoering:plan", uitvoeringsplan_id=up.pk)
    context = {"form": form, "up": up, "plan": up.plan, "activiteit": activiteit}
    return render(request, "uitvoering/activiteit_form.html", context)


@login_required
def voortgang(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    pagina = selectors.voortgang_pagina(request.user, uitvoeringsplan_id)
    up = pagina.uitvoeringsplan
    context = {"pagina": pagina, "up": up, "plan": up.plan, "huidig": "voortgang"}
    return render(request, "uitvoering/voortgang.html", context)


def _voortgang_formulier(
    request: AuthenticatedHttpRequest,
    activiteit: Activiteit,
    *,
    terug: str,
    klaar: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The progress form of a local or a regional activity (the same form and template)."""
    jaar = activiteit.plan_jaar
    vandaag = timezone.localdate()
    huidig = (vandaag.month - 1) // 3 + 1 if vandaag.year == jaar else 4
    bestaand = {v.kwartaal: v for v in activiteit.voortgang.all()}
    kwartaal = int(request.GET.get("kwartaal", huidig)) if request.method == "GET" else huidig
    v = bestaand.get(kwartaal)
    initial: dict[str, Any] = {"kwartaal": kwartaal, "besteed": activiteit.besteed}
    if v is not None:
        initial |= {"status": v.status, "toelichting": v.toelichting, "besteed": v.besteed}
    form = VoortgangForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        opgeslagen = probeer(
            request,
            services.voortgang_save,
            form=form,
            activiteit=activiteit,
            door=request.user,
            **form.cleaned_data,
        )
        if opgeslagen:
            messages.success(
                request,
                f"De voortgang van K{opgeslagen.kwartaal} is vastgelegd voor ‘{activiteit.titel}’.",
            )
            activiteit.refresh_from_db()
            if activiteit.boven_budget:
                messages.warning(request, "Let op: de besteding ligt ver boven het begrote bedrag.")
            return redirect(klaar)
    context |= {
        "form": form,
        "activiteit": activiteit,
        "bestaand": sorted(bestaand.values(), key=lambda v: v.kwartaal),
        "terug": terug,
    }
    return render(request, "uitvoering/voortgang_form.html", context)


@login_required
def voortgang_bewerken(request: AuthenticatedHttpRequest, activiteit_id: int) -> HttpResponse:
    activiteit, up = selectors.zichtbare_activiteit(request.user, activiteit_id)
    if not services.mag_voortgang_schrijven(request.user, activiteit):
        raise Http404("Activiteit niet gevonden.")
    terug = reverse("uitvoering:voortgang", args=[up.pk])
    context = {"up": up, "plan": up.plan}
    return _voortgang_formulier(request, activiteit, terug=terug, klaar=terug, context=context)


@login_required
def indicator(request: AuthenticatedHttpRequest, doelstelling_id: int) -> HttpResponse:
    reeks = selectors.reeks(request.user, doelstelling_id)
    doel = reeks.doelstelling
    meting_form = MetingForm(request.POST if "waarde" in request.POST else None)
    indicator_form = IndicatorForm(request.POST if "naam" in request.POST else None)
    if request.method == "POST":
        if not reeks.mag_regisseren:
            raise Http404("Doelstelling niet gevonden.")
        form, service, melding = (
            (meting_form, services.meting_save, "De waarde is opgeslagen.")
            if "waarde" in request.POST
            else (
                indicator_form,
                services.eigen_indicator_koppel,
                "De indicator is aan de doelstelling gekoppeld.",
            )
        )
        if form.is_valid() and probeer(
            request, service, form=form, doelstelling=doel, door=request.user, **form.cleaned_data
        ):
            messages.success(request, melding)
            return redirect("uitvoering:indicator", doelstelling_id=doel.pk)
    grafiek = indicatorgrafiek(
        waarden=reeks.waarden,
        nulmeting=reeks.nulmeting,
        nulmeting_jaar=doel.nulmeting_jaar,
        streefwaarde=reeks.streefwaarde,
        streefjaar=doel.streefjaar,
        eenheid=doel.meetindicator.eenheid if doel.meetindicator else "",
    )
    context = {
        "reeks": reeks,
        "doel": doel,
        "plan": reeks.plan,
        "grafiek": grafiek,
        "meting_form": meting_form,
        "indicator_form": indicator_form,
    }
    return render(request, "uitvoering/indicator.html", context)


@login_required
@require_POST
def rapportage(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    up = selectors.regie_uitvoeringsplan(request.user, uitvoeringsplan_id)
    document = probeer(request, services.rapportage_genereer, uitvoeringsplan=up, door=request.user)
    if document:
        messages.success(
            request,
            f"De voortgangsrapportage {up.jaar} is gemaakt uit de gegevens. Bewerk de tekst "
            "voordat u haar ter besluitvorming aanbiedt.",
        )
        return redirect("stappen:document", document_id=document.pk)
    return redirect("uitvoering:plan", uitvoeringsplan_id=up.pk)


@login_required
def volgend_jaar(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    up = selectors.regie_uitvoeringsplan(request.user, uitvoeringsplan_id)
    if request.method == "POST":
        uitkomst = probeer(
            request, services.uitvoeringsplan_volgend_jaar, uitvoeringsplan=up, door=request.user
        )
        if uitkomst:
            volgend, aantal = uitkomst
            messages.success(
                request,
                f"Het uitvoeringsplan {volgend.jaar} is gemaakt; {aantal} lopende "
                f"{'activiteit is' if aantal == 1 else 'activiteiten zijn'} voortgezet.",
            )
            return redirect("uitvoering:plan", uitvoeringsplan_id=volgend.pk)
    context = {
        "up": up,
        "plan": up.plan,
        "evaluatie": services.evaluatie_van(up),
        "rapportage": services.rapportage_van(up),
        "voortgezet": [
            a
            for a in selectors.activiteiten_van(up)
            if a.status not in ("gereed", "vervallen") and not a.is_regionaal
        ],
    }
    return render(request, "uitvoering/volgend_jaar.html", context)


def _download(inhoud: bytes, content_type: str, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


@login_required
def export_xlsx(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    pagina = selectors.plan_pagina(request.user, uitvoeringsplan_id)
    up = pagina.uitvoeringsplan
    return _download(
        export.als_xlsx(pagina.blokken, up.jaar),
        export.XLSX_TYPE,
        f"uitvoeringsplan-{up.jaar}-plan-{up.plan_id}.xlsx",
    )


@login_required
def export_csv(request: AuthenticatedHttpRequest, uitvoeringsplan_id: int) -> HttpResponse:
    pagina = selectors.plan_pagina(request.user, uitvoeringsplan_id)
    up = pagina.uitvoeringsplan
    return _download(
        export.als_csv(pagina.blokken),
        export.CSV_TYPE,
        f"uitvoeringsplan-{up.jaar}-plan-{up.plan_id}.csv",
    )


# Regional activities (docs/uitvoering.md, "Regionale activiteiten"): the region's page per
# year, add and change for a regional coordinator, progress for them and the trekker.


def _regio_terug(activiteit: Activiteit) -> str:
    return reverse("uitvoering:regio_activiteiten", args=[activiteit.regio_id]) + (
        f"?jaar={activiteit.jaar}"
    )


@login_required
def regio_activiteiten(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    jaar = selectors.kies_jaar(request.GET.get("jaar"))
    pagina = selectors.regio_pagina(request.user, regio_id, jaar)
    context = {"pagina": pagina, "regio": pagina.regio, "jaar": jaar}
    return render(request, "uitvoering/regio_activiteiten.html", context)


def _regionaal_form(regio: Any, data: Any = None, **kwargs: Any) -> RegionaleActiviteitForm:
    return RegionaleActiviteitForm(
        data,
        doelstellingen=selectors.regiodoelstellingen_van(regio),
        trekkers=selectors.regionale_trekkers(regio),
        **kwargs,
    )


@login_required
def regionale_activiteit_nieuw(request: AuthenticatedHttpRequest, regio_id: int) -> HttpResponse:
    regio = selectors.regie_regio(request.user, regio_id)
    jaar = selectors.kies_jaar(request.GET.get("jaar"))
    form = _regionaal_form(regio, request.POST or None)
    terug = reverse("uitvoering:regio_activiteiten", args=[regio.pk]) + f"?jaar={jaar}"
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.regionale_activiteit_create,
            form=form,
            regio=regio,
            jaar=jaar,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De regionale activiteit is toegevoegd.")
        return redirect(terug)
    context = {"form": form, "regio": regio, "jaar": jaar, "activiteit": None, "terug": terug}
    return render(request, "uitvoering/activiteit_form.html", context)


@login_required
def regionale_activiteit_bewerken(
    request: AuthenticatedHttpRequest, regionale_activiteit_id: int
) -> HttpResponse:
    activiteit = selectors.regie_regionale_activiteit(request.user, regionale_activiteit_id)
    initial = {naam: getattr(activiteit, naam) for naam in REGIONALE_VELDEN}
    form = _regionaal_form(activiteit.regio, request.POST or None, initial=initial)
    terug = _regio_terug(activiteit)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.regionale_activiteit_update,
            form=form,
            activiteit=activiteit,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, f"De regionale activiteit ‘{activiteit.titel}’ is opgeslagen.")
        return redirect(terug)
    context = {
        "form": form,
        "regio": activiteit.regio,
        "jaar": activiteit.jaar,
        "activiteit": activiteit,
        "terug": terug,
    }
    return render(request, "uitvoering/activiteit_form.html", context)


@login_required
def regionale_voortgang_bewerken(
    request: AuthenticatedHttpRequest, regionale_activiteit_id: int
) -> HttpResponse:
    activiteit = selectors.schrijfbare_regionale_activiteit(request.user, regionale_activiteit_id)
    regie = activiteit.regio_id is not None and mag_regio_regisseren(
        request.user, activiteit.regio_id
    )
    # The trekker may have no access to the region's page: back to this form.
    terug = _regio_terug(activiteit) if regie else request.path
    context = {"regio": activiteit.regio, "jaar": activiteit.jaar, "regio_regie": regie}
    return _voortgang_formulier(request, activiteit, terug=terug, klaar=terug, context=context)
