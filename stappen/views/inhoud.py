"""Pages of the structured content of steps 2–4: the veiligheidsanalyse per veld and thema,
the prioritering (scores, ranking, placement, consultations) and the IVP's priority chapters.

Thin views: read through `selectors_inhoud`, validate a form, call one service, redirect or
re-render the form with what was entered. The coordinator edits (the services check it again),
and a werkgroeplid edits the veld analysis handed to them; the other werkgroepleden and
bestuurders read; the griffie and other gemeenten get a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ivp.views import AuthenticatedHttpRequest, meld_formfouten, probeer
from stappen import selectors as sel
from stappen import services
from stappen.constants import DocumentSoort
from stappen.forms import (
    AnalyseAuteurForm,
    AnalyseForm,
    BronForm,
    CiteerForm,
    DoelstellingForm,
    GewichtenScoresForm,
    PlaatsingenForm,
    PrioriteitForm,
    RaadplegingForm,
)
from stappen.selectors import vervolg as vervolg_selectors


def _regie(toegang: sel.Toegang) -> None:
    """Edit pages exist only for the coordinator; others never learn they exist."""
    if not toegang.mag_regisseren:
        raise Http404("Pagina niet gevonden.")


# --- Veiligheidsanalyse ------------------------------------------------------------------------


@login_required
def analyse(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.VEILIGHEIDSANALYSE)
    return render(
        request,
        "stappen/inhoud/analyse.html",
        {
            "toegang": toegang,
            "plan": toegang.plan,
            "velden": sel.analyses_van(
                toegang.plan, toont_vertrouwelijk=toegang.toont_vertrouwelijk, toegang=toegang
            ),
            "werkgroepleden": sel.werkgroepleden_van(toegang.plan) if toegang.bewerkbaar else [],
        },
    )


@login_required
@require_POST
def analyse_auteur(request: AuthenticatedHttpRequest, plan_id: int, veld_id: int) -> HttpResponse:
    """The coordinator hands the analysis of one veld to a werkgroeplid, or takes it back."""
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.VEILIGHEIDSANALYSE)
    _regie(toegang)
    veld, _, _ = sel.analyse_voor_bewerking(toegang.plan, veld_id, None)
    form = AnalyseAuteurForm(request.POST, leden=sel.werkgroepleden_van(toegang.plan))
    if not form.is_valid():
        meld_formfouten(request, form)
        return redirect(_analyse_anker(plan_id, veld.code))
    auteur = form.gekozen()
    if probeer(
        request,
        services.analyse_set_auteur,
        plan=toegang.plan,
        veld=veld,
        door=request.user,
        auteur=auteur,
    ):
        wie = (auteur.get_full_name() or auteur.get_username()) if auteur else "de coördinator"
        messages.success(
            request, f"De analyse van veld {veld.code} wordt nu geschreven door {wie}."
        )
    return redirect(_analyse_anker(plan_id, veld.code))


@login_required
def analyse_bewerken(
    request: AuthenticatedHttpRequest, plan_id: int, veld_id: int, thema_id: int | None = None
) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.VEILIGHEIDSANALYSE)
    plan = toegang.plan
    gekozen = request.GET.get("thema", "")
    if thema_id is None and gekozen.isdigit():  # the theme picker on the analysis page
        _regie(toegang)
        return redirect(
            "stappen:analyse_thema", plan_id=plan_id, veld_id=veld_id, thema_id=int(gekozen)
        )
    if not (toegang.mag_regisseren or toegang.is_werkgroeplid):
        raise Http404("Pagina niet gevonden.")
    veld, thema, bestaand = sel.analyse_voor_bewerking(plan, veld_id, thema_id)
    # The coordinator, or the werkgroeplid this veld was handed to; others never learn of it.
    if not toegang.mag_analyse_schrijven(bestaand):
        raise Http404("Pagina niet gevonden.")
    initial = {}
    if bestaand is not None:
        initial = {
            "problematiek": bestaand.problematiek,
            "huidige_aanpak": bestaand.huidige_aanpak,
            "verbeterpunten": bestaand.verbeterpunten,
        }
    form = AnalyseForm(
        request.POST if request.POST.get("actie") == "analyse" else None,
        initial=initial,
        versie_van=bestaand or 0,
    )
    bron_form = BronForm(
        request.POST if request.POST.get("actie") == "bron" else None, prefix="bron"
    )
    if request.method == "POST":
        if form.is_bound and form.is_valid():
            if probeer(
                request,
                services.analyse_save,
                form=form,
                plan=plan,
                veld=veld,
                thema=thema,
                door=request.user,
                **form.cleaned_data,
            ):
                messages.success(request, f"De analyse van {thema or veld} is opgeslagen.")
                return redirect(_analyse_anker(plan.pk, veld.code, thema))
        elif (
            bron_form.is_bound
            and bron_form.is_valid()
            and probeer(
                request,
                services.bron_create,
                form=bron_form,
                plan=plan,
                veld=veld,
                thema=thema,
                door=request.user,
                **bron_form.cleaned_data,
            )
        ):
            messages.success(request, "De bron is toegevoegd.")
            return redirect(request.path + "#bronnen")
    return render(
        request,
        "stappen/inhoud/analyse_bewerken.html",
        {
            "toegang": toegang,
            "plan": plan,
            "veld": veld,
            "thema": thema,
            "analyse": bestaand,
            "form": form,
            "bron_form": bron_form,
            "cijfers": sel.analyse_cijfers(toegang, veld, thema),
        },
    )


@login_required
@require_POST
def analyse_citeer(
    request: AuthenticatedHttpRequest, plan_id: int, veld_id: int, thema_id: int | None = None
) -> HttpResponse:
    """Append a figure of the veld's veiligheidsbeeld, as a sentence with its source and
    date, to the analysis chapter on trends (the chapter's version check holds)."""
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.VEILIGHEIDSANALYSE)
    _regie(toegang)
    veld, thema, _ = sel.analyse_voor_bewerking(toegang.plan, veld_id, thema_id)
    cijfers = sel.analyse_cijfers(toegang, veld, thema)
    terug = request.path.removesuffix("citeer/")
    form = CiteerForm(request.POST, trends=cijfers.beeld.trends)
    if cijfers.hoofdstuk is None:
        messages.error(request, "Dit cijfer kan nu niet in de analyse worden opgenomen.")
        return redirect(terug + "#cijfers")
    if not form.is_valid():
        meld_formfouten(request, form)
        return redirect(terug + "#cijfers")
    if probeer(
        request,
        services.hoofdstuk_citeer,
        hoofdstuk=cijfers.hoofdstuk,
        door=request.user,
        zin=form.zin(),
        versie=form.cleaned_data["versie"],
    ):
        messages.success(
            request, f"Het cijfer staat nu in het hoofdstuk ‘{cijfers.hoofdstuk.titel}’."
        )
    return redirect(terug + "#cijfers")


def _analyse_anker(plan_id: int, veld_code: str, thema=None) -> str:
    from django.urls import reverse

    anker = f"thema-{thema.code}" if thema else f"veld-{veld_code}"
    return f"{reverse('stappen:analyse', kwargs={'plan_id': plan_id})}#{anker}"


@login_required
@require_POST
def bron_verwijderen(request: AuthenticatedHttpRequest, plan_id: int, bron_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.VEILIGHEIDSANALYSE)
    if not (toegang.mag_regisseren or toegang.is_werkgroeplid):
        raise Http404("Pagina niet gevonden.")
    bron = sel.bron_van(toegang.plan, bron_id)
    if not toegang.mag_analyse_schrijven(bron.analyse):
        raise Http404("Bron niet gevonden.")
    if probeer(request, services.bron_delete, bron=bron, door=request.user):
        messages.success(request, f"De bron ‘{bron.titel}’ is verwijderd.")
    analyse = bron.analyse
    if analyse.thema_id:
        return redirect(
            "stappen:analyse_thema",
            plan_id=plan_id,
            veld_id=analyse.veld_id,
            thema_id=analyse.thema_id,
        )
    return redirect("stappen:analyse_veld", plan_id=plan_id, veld_id=analyse.veld_id)


# --- Prioritering ------------------------------------------------------------------------------


@login_required
def prioritering(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.PRIORITERING)
    stand = sel.prioritering_stand(toegang.plan)
    vorig_plan, vorige_keer = vervolg_selectors.vorige_keer(
        toegang.plan, [k.thema for k in stand.kandidaten]
    )
    return render(
        request,
        "stappen/inhoud/prioritering.html",
        {
            "toegang": toegang,
            "plan": toegang.plan,
            "stand": stand,
            "vorig_plan": vorig_plan,
            "vorige_keer": vorige_keer,
        },
    )


@login_required
def prioritering_scores(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.PRIORITERING)
    _regie(toegang)
    stand = sel.prioritering_stand(toegang.plan)
    kandidaten = sorted(stand.kandidaten, key=lambda k: k.thema.code)
    form = GewichtenScoresForm(
        request.POST or None, kandidaten=kandidaten, gewichten=stand.gewichten
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.prioritering_scores_save,
            form=form,
            plan=toegang.plan,
            door=request.user,
            gewichten=form.gewichten(),
            scores=form.scores(),
        )
    ):
        messages.success(request, "De scores en gewichten zijn opgeslagen.")
        return redirect("stappen:prioritering", plan_id=plan_id)
    return render(
        request,
        "stappen/inhoud/prioritering_scores.html",
        {"toegang": toegang, "plan": toegang.plan, "form": form, "stand": stand},
    )


@login_required
def prioritering_plaatsing(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.PRIORITERING)
    _regie(toegang)
    stand = sel.prioritering_stand(toegang.plan)
    form = PlaatsingenForm(
        request.POST or None,
        kandidaten=stand.kandidaten,
        motivatie_aantal=stand.prioritering.motivatie_aantal,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.plaatsingen_save,
            form=form,
            plan=toegang.plan,
            door=request.user,
            keuzes=form.keuzes(),
            motivatie_aantal=form.cleaned_data["motivatie_aantal"],
        )
    ):
        messages.success(request, "De plaatsing van de thema's is opgeslagen.")
        return redirect("stappen:prioritering", plan_id=plan_id)
    return render(
        request,
        "stappen/inhoud/prioritering_plaatsing.html",
        {"toegang": toegang, "plan": toegang.plan, "form": form, "stand": stand},
    )


@login_required
def prioritering_raadpleging(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.PRIORITERING)
    _regie(toegang)
    stand = sel.prioritering_stand(toegang.plan)
    form = RaadplegingForm(request.POST or None, instance=stand.prioritering)
    if (
        request.method == "POST"
        and form.is_valid()
        and probeer(
            request,
            services.prioritering_update,
            form=form,
            plan=toegang.plan,
            door=request.user,
            **form.cleaned_data,
        )
    ):
        messages.success(request, "De raadpleging van raad en driehoek is opgeslagen.")
        return redirect("stappen:prioritering", plan_id=plan_id)
    return render(
        request,
        "stappen/inhoud/prioritering_raadpleging.html",
        {"toegang": toegang, "plan": toegang.plan, "form": form},
    )


# --- IVP ---------------------------------------------------------------------------------------


@login_required
def ivp(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.IVP)
    return render(
        request,
        "stappen/inhoud/ivp.html",
        {
            "toegang": toegang,
            "plan": toegang.plan,
            "prioriteiten": sel.prioriteiten_van(toegang.plan),
            "strategisch": sel.strategische_themas_van(toegang.plan),
        },
    )


@login_required
def prioriteit(request: AuthenticatedHttpRequest, plan_id: int, plaatsing_id: int) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.IVP)
    prioriteit = sel.prioriteit_van(toegang.plan, plaatsing_id)
    return render(
        request,
        "stappen/inhoud/prioriteit.html",
        {
            "toegang": toegang,
            "plan": toegang.plan,
            "prioriteit": prioriteit,
            "gemeten": sel.doelstelling_waarden(prioriteit.doelstellingen.all()),
        },
    )


@login_required
def prioriteit_bewerken(
    request: AuthenticatedHttpRequest, plan_id: int, plaatsing_id: int
) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.IVP)
    _regie(toegang)
    prioriteit = sel.prioriteit_van(toegang.plan, plaatsing_id)
    beleid = sel.beleidsdocumenten_van(toegang.plan)
    form = PrioriteitForm(
        request.POST or None,
        beleidsdocumenten=beleid,
        initial={
            "aanleiding": prioriteit.aanleiding,
            "aanpak": prioriteit.aanpak,
            "partners": prioriteit.partners,
            "portefeuillehouder": prioriteit.portefeuillehouder,
            "beleidsdocumenten": [b.pk for b in prioriteit.beleidsdocumenten.all()],
        },
        versie_van=prioriteit,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if probeer(
            request,
            services.prioriteit_update,
            form=form,
            plaatsing=prioriteit,
            door=request.user,
            aanleiding=data["aanleiding"],
            aanpak=data["aanpak"],
            partners=data["partners"],
            portefeuillehouder=data["portefeuillehouder"],
            beleidsdocumenten=list(data.get("beleidsdocumenten") or []),
            versie=data["versie"],
        ):
            messages.success(request, f"Het hoofdstuk {prioriteit.thema.naam} is opgeslagen.")
            return redirect("stappen:prioriteit", plan_id=plan_id, plaatsing_id=plaatsing_id)
    return render(
        request,
        "stappen/inhoud/prioriteit_bewerken.html",
        {"toegang": toegang, "plan": toegang.plan, "prioriteit": prioriteit, "form": form},
    )


@login_required
def doelstelling_bewerken(
    request: AuthenticatedHttpRequest,
    plan_id: int,
    plaatsing_id: int,
    doelstelling_id: int | None = None,
) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.IVP)
    _regie(toegang)
    prioriteit = sel.prioriteit_van(toegang.plan, plaatsing_id)
    from stappen.models import Doelstelling

    doelstelling = (
        sel.doelstelling_van(prioriteit, doelstelling_id)
        if doelstelling_id
        else Doelstelling(plaatsing=prioriteit)
    )
    form = DoelstellingForm(
        request.POST or None,
        instance=doelstelling,
        versie_van=doelstelling if doelstelling.pk else None,
    )
    if request.method == "POST" and form.is_valid():
        if doelstelling.pk:
            opgeslagen = probeer(
                request,
                services.doelstelling_update,
                form=form,
                doelstelling=doelstelling,
                door=request.user,
                **form.cleaned_data,
            )
        else:
            opgeslagen = probeer(
                request,
                services.doelstelling_create,
                form=form,
                plaatsing=prioriteit,
                door=request.user,
                **form.cleaned_data,
            )
        if opgeslagen:
            messages.success(request, "De doelstelling is opgeslagen.")
            return redirect("stappen:prioriteit", plan_id=plan_id, plaatsing_id=plaatsing_id)
    return render(
        request,
        "stappen/inhoud/doelstelling_form.html",
        {
            "toegang": toegang,
            "plan": toegang.plan,
            "prioriteit": prioriteit,
            "doelstelling": doelstelling,
            "form": form,
        },
    )


@login_required
@require_POST
def doelstelling_verwijderen(
    request: AuthenticatedHttpRequest, plan_id: int, plaatsing_id: int, doelstelling_id: int
) -> HttpResponse:
    toegang = sel.inhoud_toegang(request.user, plan_id, DocumentSoort.IVP)
    _regie(toegang)
    prioriteit = sel.prioriteit_van(toegang.plan, plaatsing_id)
    doelstelling = sel.doelstelling_van(prioriteit, doelstelling_id)
    if probeer(request, services.doelstelling_delete, doelstelling=doelstelling, door=request.user):
        messages.success(request, "De doelstelling is verwijderd.")
    return redirect("stappen:prioriteit", plan_id=plan_id, plaatsing_id=plaatsing_id)
