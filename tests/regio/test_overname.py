"""A member decides on its region's proposals in its own plan (docs/regio.md): accepting
copies the text and makes a new version of its document, declining records why; a
vastgesteld document never changes by itself; each proposal is decided once."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ivp.exceptions import GeenToegang, Geweigerd
from ivp.models import Gebruiker, Plan
from regio import services
from regio.constants import OvernameKeuze, VoorstelStatus
from regio.models import Overname
from stappen.constants import DocumentSoort
from stappen.secties import Sectie, bouw_secties
from tests.ivp.factories import RegioFactory
from tests.regio.overname_hulp import TEKST_1, TEKST_2, open_voorstel, prioriteit, publiceer
from tests.stappen.factories import DoelstellingFactory, PlaatsingFactory, hoofdthema
from tests.stappen.stappenplan import document, open_bespreking, stel_vast


@pytest.fixture
def regio(plan: Plan):
    return RegioFactory.create(gemeenten=[plan.gemeente])


def _sectie(plan: Plan, sleutel: str) -> Sectie | None:
    return next(
        (s for s in bouw_secties(document(plan, DocumentSoort.IVP)) if s["sleutel"] == sleutel),
        None,
    )


def test_accepting_a_first_offer_copies_the_text_and_makes_a_new_version(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    ivp = document(plan, DocumentSoort.IVP)
    assert _sectie(plan, deel.sleutel) is None  # nothing in the document before accepting

    voorstel = services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)

    overname = Overname.objects.get(plan=plan, deel=deel)
    assert overname.keuze == OvernameKeuze.OVERGENOMEN
    assert overname.tekst == TEKST_1 and overname.versie.nummer == 1
    assert voorstel.status == VoorstelStatus.AANVAARD and voorstel.beslist_door == coordinator
    versie = voorstel.document_versie
    assert versie is not None and versie.document == ivp
    assert versie.aanleiding == "Regionaal deel overgenomen: Ondermijning (versie 1)"
    sectie = versie.sectie(deel.sleutel)
    assert sectie is not None
    assert "Samen met het RIEC" in sectie["tekst"]
    assert "(bovenlokaal)" in sectie["titel"]
    assert "interlokale driehoek op 2 november 2026 (versie 1)" in sectie["tekst"]


def test_a_change_reaches_the_document_only_when_accepted(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
    publiceer(deel, [plan], tekst=TEKST_2)
    # Published, not accepted: the document shows the plan's copy, not the region's text.
    sectie = _sectie(plan, deel.sleutel)
    assert sectie and "40 in 2026" in sectie["tekst"] and "60 in 2026" not in sectie["tekst"]

    voorstel = services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)

    sectie = _sectie(plan, deel.sleutel)
    assert sectie and "60 in 2026" in sectie["tekst"]
    assert voorstel.document_versie is not None
    bevroren = voorstel.document_versie.sectie(deel.sleutel)
    assert bevroren is not None and bevroren["tekst"] == sectie["tekst"]
    assert Overname.objects.get(plan=plan, deel=deel).versie.nummer == 2
    assert document(plan, DocumentSoort.IVP).versies.count() == 2


def test_declining_a_change_keeps_the_copy_and_records_why(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
    publiceer(deel, [plan], tekst=TEKST_2)
    versies = document(plan, DocumentSoort.IVP).versies.count()

    voorstel = services.voorstel_wijs_af(
        voorstel=open_voorstel(plan, deel), door=coordinator, reden="  Past niet bij ons.  "
    )

    assert voorstel.status == VoorstelStatus.AFGEWEZEN and voorstel.reden == "Past niet bij ons."
    overname = Overname.objects.get(plan=plan, deel=deel)
    assert overname.keuze == OvernameKeuze.OVERGENOMEN and overname.tekst == TEKST_1
    assert document(plan, DocumentSoort.IVP).versies.count() == versies  # nothing changed


def test_declining_a_first_offer_shows_the_motivation_in_the_document(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])

    voorstel = services.voorstel_wijs_af(
        voorstel=open_voorstel(plan, deel), door=coordinator, reden="Wij hebben een eigen aanpak."
    )

    overname = Overname.objects.get(plan=plan, deel=deel)
    assert overname.keuze == OvernameKeuze.NIET_OVERGENOMEN
    assert overname.motivatie == "Wij hebben een eigen aanpak."
    sectie = _sectie(plan, deel.sleutel)
    assert sectie and "niet overgenomen" in sectie["titel"]
    assert (
        f"De gemeente {plan.gemeente.naam} neemt deze bovenlokale prioriteit niet over"
        in (sectie["tekst"])
    )
    assert "Wij hebben een eigen aanpak." in sectie["tekst"]
    assert "Samen met het RIEC" not in sectie["tekst"]
    assert voorstel.document_versie and voorstel.document_versie.sectie(deel.sleutel) == sectie


def test_declining_needs_a_reason_on_the_field(plan: Plan, coordinator: Gebruiker, regio) -> None:
    deel = prioriteit(regio, [plan])
    with pytest.raises(ValidationError) as fout:
        services.voorstel_wijs_af(voorstel=open_voorstel(plan, deel), door=coordinator, reden=" ")
    assert fout.value.message_dict == {"reden": ["Geef de reden waarom u dit voorstel afwijst."]}
    assert open_voorstel(plan, deel).is_open


def test_only_the_plans_coordinator_decides(
    plan: Plan, werkgroeplid: Gebruiker, buitenstaander: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    regio.coordinatoren.add(buitenstaander)  # coordinating the region is not deciding here
    for wie in (werkgroeplid, buitenstaander):
        with pytest.raises(GeenToegang):
            services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=wie)
        with pytest.raises(GeenToegang):
            services.voorstel_wijs_af(voorstel=open_voorstel(plan, deel), door=wie, reden="Nee.")
    assert not Overname.objects.exists()


def test_a_decided_proposal_is_not_decided_again(plan: Plan, coordinator: Gebruiker, regio) -> None:
    deel = prioriteit(regio, [plan])
    voorstel = open_voorstel(plan, deel)
    services.voorstel_aanvaard(voorstel=voorstel, door=coordinator)
    for poging in (
        lambda: services.voorstel_aanvaard(voorstel=voorstel, door=coordinator),
        lambda: services.voorstel_wijs_af(voorstel=voorstel, door=coordinator, reden="Toch niet"),
    ):
        with pytest.raises(Geweigerd) as fout:
            poging()
        assert "Over dit voorstel is al besloten" in str(fout.value)
    assert document(plan, DocumentSoort.IVP).versies.count() == 1


def test_a_newer_publication_than_the_one_seen_is_not_accepted_unread(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    gezien = open_voorstel(plan, deel).naar_id
    publiceer(deel, [plan], tekst=TEKST_2)  # the open proposal moves on to version 2
    with pytest.raises(Geweigerd, match="intussen opnieuw gepubliceerd"):
        services.voorstel_aanvaard(
            voorstel=open_voorstel(plan, deel), door=coordinator, gezien=gezien
        )
    assert not Overname.objects.exists()


def test_a_document_in_review_or_adopted_does_not_change(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    ivp = document(plan, DocumentSoort.IVP)
    open_bespreking(ivp, coordinator)
    with pytest.raises(Geweigerd, match="alleen zolang het document een concept is"):
        services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
    assert open_voorstel(plan, deel).is_open and not Overname.objects.exists()


def test_a_vastgesteld_document_and_its_versions_never_change_by_themselves(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    deel = prioriteit(regio, [plan])
    services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
    ivp = document(plan, DocumentSoort.IVP)
    stel_vast(ivp, coordinator)
    voor = {v.nummer: v.inhoud for v in ivp.versies.all()}
    live = bouw_secties(ivp)

    publiceer(deel, [plan], tekst=TEKST_2)
    with pytest.raises(Geweigerd) as fout:
        services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)
    assert "een vastgesteld document verandert nooit vanzelf" in str(fout.value)
    assert "Wijs het af met een reden" in str(fout.value)  # what the coordinator can do

    assert {v.nummer: v.inhoud for v in ivp.versies.all()} == voor
    assert bouw_secties(ivp) == live
    # Declining the change is still possible and changes nothing either.
    services.voorstel_wijs_af(voorstel=open_voorstel(plan, deel), door=coordinator, reden="Later")
    assert {v.nummer: v.inhoud for v in ivp.versies.all()} == voor


def test_a_theme_the_plan_prioritises_itself_too_is_one_chapter_of_the_ivp(
    plan: Plan, coordinator: Gebruiker, regio
) -> None:
    """The demo's Steenwijkerland showed ondermijning twice in its IVP: its own priority and
    the bovenlokale one. Taken over, they are one chapter in the own chapter's place: the
    region's text, then the gemeente's own under "Lokale uitwerking"."""
    plaatsing = PlaatsingFactory.create(plan=plan, thema=hoofdthema("5.2"))
    DoelstellingFactory.create(plaatsing=plaatsing, tekst="Meer signalen uit het buitengebied")
    deel = prioriteit(regio, [plan], titel="Ondermijning")
    services.voorstel_aanvaard(voorstel=open_voorstel(plan, deel), door=coordinator)

    secties = bouw_secties(document(plan, DocumentSoort.IVP))
    titels = [s["titel"] for s in secties]
    assert titels.count("Ondermijning (bovenlokaal)") == 1
    assert plaatsing.thema.naam not in titels and _sectie(plan, deel.sleutel) is None
    sectie = _sectie(plan, "prioriteit-5.2")
    assert sectie is not None and sectie["titel"] == "Ondermijning (bovenlokaal)"
    assert "bij" not in sectie
    tekst = sectie["tekst"]
    assert tekst.index("Samen met het RIEC") < tekst.index("### Lokale uitwerking")
    assert tekst.index("### Lokale uitwerking") < tekst.index("Meer signalen uit het buitengebied")
    assert "#### Aanleiding" in tekst
    # In the own chapter's place, among the plan's priorities (the region's other parts
    # follow the overige strategische thema's).
    assert titels.index("Ondermijning (bovenlokaal)") < titels.index("Overige strategische thema's")
