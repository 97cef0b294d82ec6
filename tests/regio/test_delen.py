"""The regional coordinator's services on shared parts (issue 13): each refusal in Dutch on
its field, publishing to each member's newest plan exactly once, and the doelstellingen."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Bericht
from ivp.versies import Bewerkconflict
from regio import services
from regio.constants import DeelSoort, OvernameKeuze, VoorstelStatus
from regio.models import Regiodeel, Regiodeelversie, Regiodoelstelling, Regiovoorstel
from tests.ivp.factories import GebruikerFactory
from tests.regio.delen import DRIEHOEK_OP, maak_prioriteit, maak_regio, publiceer
from tests.regio.factories import OvernameFactory
from tests.stappen.factories import PlanFactory, hoofdthema
from tests.stappen.stappenplan import lid_van
from veiligheidsvelden.models import Thema, Veld

pytestmark = pytest.mark.django_db


def fout(uitzondering: pytest.ExceptionInfo[ValidationError], veld: str) -> str:
    return " ".join(uitzondering.value.message_dict[veld])


# --- Parts --------------------------------------------------------------------------------------


def test_a_priority_needs_a_theme_of_the_vng_list_once_per_region() -> None:
    wereld = maak_regio(1)
    maak = lambda **kw: services.deel_create(  # noqa: E731
        regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.PRIORITEIT, titel="X", **kw
    )
    with pytest.raises(ValidationError) as zonder:
        maak()
    assert "Kies het thema" in fout(zonder, "thema")
    eigen = Thema.objects.create(
        code="GM-eigen", naam="Eigen thema", gemeente=wereld.leden[0].gemeente
    )
    with pytest.raises(ValidationError) as lokaal:
        maak(thema=eigen)
    assert "VNG-lijst" in fout(lokaal, "thema")
    maak(thema=hoofdthema("5.2"))
    with pytest.raises(ValidationError) as dubbel:
        maak(thema=hoofdthema("5.2"))
    assert "al een bovenlokale prioriteit" in fout(dubbel, "thema")


def test_an_analysis_needs_a_veld_once_per_region_and_every_part_a_title() -> None:
    wereld = maak_regio(1)
    with pytest.raises(ValidationError) as zonder:
        services.deel_create(
            regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.ANALYSE, titel="A"
        )
    assert "veiligheidsveld" in fout(zonder, "veld")
    veld = Veld.objects.order_by("code").first()
    services.deel_create(
        regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.ANALYSE, titel="A", veld=veld
    )
    with pytest.raises(ValidationError) as dubbel:
        services.deel_create(
            regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.ANALYSE, titel="B", veld=veld
        )
    assert "al een regionale analyse" in fout(dubbel, "veld")
    with pytest.raises(ValidationError) as titel:
        services.deel_create(
            regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.HOOFDSTUK, titel="  "
        )
    assert "titel" in fout(titel, "titel")


def test_only_the_regional_coordinator_writes_the_regions_parts() -> None:
    wereld = maak_regio(1)
    ander = maak_regio(1)
    deel = maak_prioriteit(wereld)
    lid = wereld.leden[0]
    werkgroeplid = lid_van(lid.gemeente)
    for wie in (lid.coordinator, werkgroeplid, ander.regisseur):
        with pytest.raises(GeenToegang, match="regionaal coördinator"):
            services.deel_update(deel=deel, door=wie, titel="Anders", tekst="Anders")
        with pytest.raises(GeenToegang):
            services.deel_publiceer(deel=deel, door=wie, driehoek_op=DRIEHOEK_OP)
        with pytest.raises(GeenToegang):
            services.regiodoelstelling_create(deel=deel, door=wie, tekst="Minder")
        with pytest.raises(GeenToegang):
            services.deel_create(
                regio=wereld.regio, door=wie, soort=DeelSoort.HOOFDSTUK, titel="Hoofdstuk"
            )
    assert Regiodeel.objects.get(pk=deel.pk).titel == "Ondermijning"


def test_an_edit_after_someone_elses_save_is_refused_and_changes_nothing() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    gezien = deel.versie
    services.deel_update(
        deel=deel, door=wereld.regisseur, titel="Ondermijning", tekst="Eerst", versie=gezien
    )
    oud = Regiodeel.objects.get(pk=deel.pk)
    with pytest.raises(Bewerkconflict):
        services.deel_update(
            deel=oud, door=wereld.regisseur, titel="Ondermijning", tekst="Later", versie=gezien
        )
    assert Regiodeel.objects.get(pk=deel.pk).tekst == "Eerst"


def test_a_published_part_keeps_its_theme_and_is_not_removed() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    concept = maak_prioriteit(wereld, code="1.1", titel="Woninginbraak")
    publiceer(wereld, deel)
    with pytest.raises(ValidationError) as thema:
        services.deel_update(
            deel=deel, door=wereld.regisseur, titel="X", tekst="Y", thema=hoofdthema("1.1")
        )
    assert "verandert niet meer" in fout(thema, "thema")
    with pytest.raises(Geweigerd, match="niet meer verwijderd"):
        services.deel_delete(deel=deel, door=wereld.regisseur)
    services.deel_delete(deel=concept, door=wereld.regisseur)
    assert list(Regiodeel.objects.all()) == [deel]


# --- Doelstellingen -----------------------------------------------------------------------------


def test_a_regional_doelstelling_has_the_checks_of_a_local_one() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    door = wereld.regisseur
    with pytest.raises(ValidationError) as leeg:
        services.regiodoelstelling_create(deel=deel, door=door, tekst=" ")
    assert "Beschrijf de doelstelling" in fout(leeg, "tekst")
    with pytest.raises(ValidationError) as jaar:
        services.regiodoelstelling_create(deel=deel, door=door, tekst="Minder", nulmeting="12")
    assert "jaar van de nulmeting" in fout(jaar, "nulmeting_jaar")
    with pytest.raises(ValidationError) as omgekeerd:
        services.regiodoelstelling_create(
            deel=deel,
            door=door,
            tekst="Minder",
            nulmeting="12",
            nulmeting_jaar=2024,
            streefwaarde="8",
            streefjaar=2022,
        )
    assert "vóór het jaar van de nulmeting" in fout(omgekeerd, "streefjaar")
    hoofdstuk = services.deel_create(
        regio=wereld.regio, door=door, soort=DeelSoort.HOOFDSTUK, titel="Inleiding"
    )
    with pytest.raises(ValidationError) as soort:
        services.regiodoelstelling_create(deel=hoofdstuk, door=door, tekst="Minder")
    assert "Alleen een bovenlokale prioriteit" in fout(soort, "tekst")
    doel = services.regiodoelstelling_create(deel=deel, door=door, tekst="Minder", bron="RIEC")
    with pytest.raises(Bewerkconflict):
        services.regiodoelstelling_update(
            doelstelling=doel, door=door, versie=doel.versie + 1, tekst="Anders"
        )
    services.regiodoelstelling_update(doelstelling=doel, door=door, versie=doel.versie, bron="")
    assert Regiodoelstelling.objects.get(pk=doel.pk).bron == ""
    services.regiodoelstelling_delete(doelstelling=doel, door=door)
    assert not deel.doelstellingen.exists()


def test_the_text_of_a_priority_holds_its_doelstellingen_as_the_ivps_table() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    assert "*Nog geen doelstelling.*" in services.deel_tekst(deel)
    services.regiodoelstelling_create(
        deel=deel,
        door=wereld.regisseur,
        tekst="Minder | ondermijning",
        nulmeting="12",
        nulmeting_jaar=2024,
        streefwaarde="8",
        streefjaar=2028,
    )
    tekst = services.deel_tekst(deel)
    assert tekst.startswith("### Aanpak\n\nSamen met het RIEC.\n\n### Doelstellingen")
    assert "| Doelstelling | Indicator | Nulmeting | Streefwaarde | Bron |" in tekst
    assert "Flankerend beleid" not in tekst  # the region's goals link no local policy
    assert "| Minder \\| ondermijning | – | 12 (2024) | 8 (2028) | – |" in tekst


# --- Publishing ---------------------------------------------------------------------------------


def test_publishing_needs_the_driehoek_date_in_the_past_and_a_text() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    with pytest.raises(ValidationError) as zonder:
        publiceer(wereld, deel, driehoek_op=None)
    assert "interlokale driehoek" in fout(zonder, "driehoek_op")
    morgen = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as later:
        publiceer(wereld, deel, driehoek_op=morgen)
    assert "in de toekomst" in fout(later, "driehoek_op")
    leeg = services.deel_create(
        regio=wereld.regio, door=wereld.regisseur, soort=DeelSoort.HOOFDSTUK, titel="Leeg"
    )
    with pytest.raises(ValidationError) as tekst:
        publiceer(wereld, leeg)
    assert "Schrijf eerst de tekst" in fout(tekst, "tekst")
    assert not Regiodeelversie.objects.exists()
    assert not Regiovoorstel.objects.exists()


def test_publishing_offers_the_part_to_each_members_newest_plan_once() -> None:
    wereld = maak_regio(3)
    eerste, tweede, derde = wereld.leden
    nieuwer = PlanFactory.create(
        gemeente=derde.gemeente,
        periode_start=derde.plan.periode_start.replace(year=derde.plan.periode_start.year + 4),
        periode_eind=derde.plan.periode_eind.replace(year=derde.plan.periode_eind.year + 4),
    )
    deel = maak_prioriteit(wereld)
    # Saved twice before publishing: editing reaches nobody.
    for tekst in ("Eerste opzet", "Tweede opzet"):
        services.deel_update(deel=deel, door=wereld.regisseur, titel=deel.titel, tekst=tekst)
    versie = publiceer(wereld, deel, toelichting="Eerste versie")

    assert (versie.nummer, versie.titel) == (1, "Ondermijning")
    assert versie.driehoek_kenmerk == "IDH-2026-11"
    assert versie.tekst == services.deel_tekst(deel)
    assert Regiodeel.objects.get(pk=deel.pk).revisie == 1
    voorstellen = Regiovoorstel.objects.filter(deel=deel)
    assert sorted(voorstellen.values_list("plan_id", flat=True)) == sorted(
        [eerste.plan.pk, tweede.plan.pk, nieuwer.pk]
    )
    assert all(v.status == VoorstelStatus.OPEN and v.naar == versie for v in voorstellen)
    berichten = Bericht.objects.filter(soort="regio_voorstel")
    assert sorted(berichten.values_list("ontvanger_id", flat=True)) == sorted(
        lid.coordinator.pk for lid in wereld.leden
    )
    link = berichten.get(ontvanger=eerste.coordinator).url
    assert f"/plannen/{eerste.plan.pk}/" in link

    # Publishing again without a change: refused, nothing more.
    with pytest.raises(Geweigerd, match="Er is niets veranderd sinds versie 1"):
        publiceer(wereld, deel)
    assert Regiodeelversie.objects.filter(deel=deel).count() == 1
    assert voorstellen.count() == 3
    assert berichten.count() == 3


def test_a_change_moves_the_open_proposal_and_skips_who_declined() -> None:
    wereld = maak_regio(3)
    open_lid, nam_over, wees_af = wereld.leden
    deel = maak_prioriteit(wereld)
    eerste = publiceer(wereld, deel)
    # The members decide (the member side's services do this in the product).
    Regiovoorstel.objects.filter(plan=nam_over.plan).update(status=VoorstelStatus.AANVAARD)
    OvernameFactory.create(versie=eerste, plan=nam_over.plan, besloten_door=nam_over.coordinator)
    Regiovoorstel.objects.filter(plan=wees_af.plan).update(
        status=VoorstelStatus.AFGEWEZEN, reden="Speelt hier niet"
    )
    OvernameFactory.create(
        versie=eerste,
        plan=wees_af.plan,
        keuze=OvernameKeuze.NIET_OVERGENOMEN,
        motivatie="Speelt hier niet",
        besloten_door=wees_af.coordinator,
    )

    services.regiodoelstelling_create(deel=deel, door=wereld.regisseur, tekst="Minder")
    tweede = publiceer(wereld, deel, toelichting="Een doelstelling erbij")

    assert tweede.nummer == 2 and "Minder" in tweede.tekst
    open_voorstel = Regiovoorstel.objects.get(plan=open_lid.plan, deel=deel)
    assert (open_voorstel.status, open_voorstel.naar) == (VoorstelStatus.OPEN, tweede)
    wijziging = Regiovoorstel.objects.get(plan=nam_over.plan, naar=tweede)
    assert wijziging.status == VoorstelStatus.OPEN
    assert not Regiovoorstel.objects.filter(plan=wees_af.plan, naar=tweede).exists()
    assert Bericht.objects.filter(ontvanger=wees_af.coordinator).count() == 1  # the first only
    assert Bericht.objects.filter(ontvanger=open_lid.coordinator).count() == 2  # one per version


# --- Membership ---------------------------------------------------------------------------------


def test_a_new_member_is_offered_what_the_region_published() -> None:
    wereld = maak_regio(1)
    deel = maak_prioriteit(wereld)
    versie = publiceer(wereld, deel)
    nieuw = maak_regio(1).leden[0]
    with pytest.raises(GeenToegang):
        services.regio_lid_toevoegen(
            regio=wereld.regio, gemeente=nieuw.gemeente, door=nieuw.coordinator
        )
    services.regio_lid_toevoegen(regio=wereld.regio, gemeente=nieuw.gemeente, door=wereld.regisseur)
    assert wereld.regio.gemeenten.filter(pk=nieuw.gemeente.pk).exists()
    assert Regiovoorstel.objects.get(plan=nieuw.plan).naar == versie
    with pytest.raises(ValidationError) as al:
        services.regio_lid_toevoegen(
            regio=wereld.regio, gemeente=nieuw.gemeente, door=wereld.regisseur
        )
    assert "al lid" in fout(al, "gemeente")


def test_only_its_coordinator_or_the_regions_takes_a_gemeente_out() -> None:
    wereld = maak_regio(2)
    lid, ander = wereld.leden
    for wie in (lid_van(lid.gemeente), ander.coordinator, GebruikerFactory.create()):
        with pytest.raises(GeenToegang):
            services.regio_verlaat(regio=wereld.regio, gemeente=lid.gemeente, door=wie)
    services.regio_verlaat(regio=wereld.regio, gemeente=lid.gemeente, door=lid.coordinator)
    services.regio_verlaat(regio=wereld.regio, gemeente=ander.gemeente, door=wereld.regisseur)
    assert not wereld.regio.gemeenten.exists()
    with pytest.raises(ValidationError) as geen:
        services.regio_verlaat(regio=wereld.regio, gemeente=lid.gemeente, door=wereld.regisseur)
    assert "geen lid" in fout(geen, "gemeente")
