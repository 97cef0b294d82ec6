"""Who may read, comment on and edit documents (on top of `ivp.permissions`).

- coordinator: everything; werkgroepleden: read drafts, comment, and edit the chapters (and
  the veld analyses) handed to them; bestuurders: read drafts; lezers: read vastgestelde
  documents; the griffie sees no drafts (it gets the PDFs that go to the raad on its own
  page). "Adopted text only" holds everywhere (`leest_concepten`): the lezer sees no blockers
  on the plan page, no draft documents or their log, and of the werkgroep no agenda,
  attendance, notulen, besluiten, actiepunten or hours. No role in the gemeente: nothing
  (the views answer 404, never a hint that a document exists).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ivp.constants import RolSoort
from ivp.permissions import PLAN_REGISSEURS, heeft_rol, mag_plan_regisseren
from stappen.constants import BESLUITORGAAN, JAARLIJKSE_SOORTEN, DocumentStatus, Orgaan

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from ivp.models import Gebruiker, Plan
    from stappen.models import Analyse, Document, Hoofdstuk, Weergave

CONCEPT_LEZERS = frozenset({RolSoort.COORDINATOR, RolSoort.WERKGROEPLID, RolSoort.BESTUURDER})
VASTGESTELD_LEZERS = CONCEPT_LEZERS | {RolSoort.LEZER}
REAGEERDERS = frozenset({RolSoort.COORDINATOR, RolSoort.WERKGROEPLID})
# Who may be granted the confidential sources (docs/vertrouwelijk.md); the coordinator always
# reads them, a lezer and the griffie never.
INZAGE_TOEKENBAAR = frozenset({RolSoort.WERKGROEPLID, RolSoort.BESTUURDER})


def mag_gemeente_regisseren(user: Gebruiker | AnonymousUser, gemeente_id: int) -> bool:
    return heeft_rol(user, gemeente_id, PLAN_REGISSEURS)


def mag_vertrouwelijk_zien(user: Gebruiker | AnonymousUser, gemeente_id: int) -> bool:
    """The ondermijningsbeeld and every other confidential source of the gemeente: the
    coordinator OOV; a werkgroeplid or bestuurder whom the coordinator granted it (`Inzage`).
    The grants are read once per request."""
    if mag_gemeente_regisseren(user, gemeente_id):
        return True
    if not heeft_rol(user, gemeente_id, INZAGE_TOEKENBAAR):
        return False
    verleend = getattr(user, "_ivp_inzage", None)
    if verleend is None:
        from stappen.models import Inzage

        verleend = frozenset(
            Inzage.objects.filter(gebruiker_id=int(user.pk or 0)).values_list(
                "gemeente_id", flat=True
            )
        )
        user._ivp_inzage = verleend  # type: ignore[union-attr]  # per-request cache, not a field
    return gemeente_id in verleend


def mag_document_lezen(user: Gebruiker | AnonymousUser, document: Document) -> bool:
    gemeente_id = document.plan.gemeente_id
    if document.is_vastgesteld:
        return heeft_rol(user, gemeente_id, VASTGESTELD_LEZERS)
    return heeft_rol(user, gemeente_id, CONCEPT_LEZERS)


def leest_concepten(user: Gebruiker | AnonymousUser, gemeente_id: int) -> bool:
    """Drafts and the working material around them: what the plan page says is still missing
    (unplaced themes, open analyses), draft documents, and the werkgroep's agenda, attendance,
    notulen, besluiten, actiepunten and hours. Not for a lezer, nor the griffie: they see
    adopted text only, everywhere (issue 15)."""
    return heeft_rol(user, gemeente_id, CONCEPT_LEZERS)


def mag_concepten_zien(user: Gebruiker | AnonymousUser, document: Document) -> bool:
    """Drafts, draft versions and the werkgroep's comments: not for lezers (nor the griffie),
    who see only the adopted text (version 1.0) of a vastgesteld document."""
    return heeft_rol(user, document.plan.gemeente_id, CONCEPT_LEZERS)


def mag_reageren(user: Gebruiker | AnonymousUser, document: Document) -> bool:
    return heeft_rol(user, document.plan.gemeente_id, REAGEERDERS)


def mag_regisseren(user: Gebruiker | AnonymousUser, document: Document) -> bool:
    return mag_plan_regisseren(user, document.plan)


def mag_hoofdstuk_schrijven(
    user: Gebruiker | AnonymousUser, hoofdstuk: Hoofdstuk, document: Document
) -> bool:
    """The coordinator, or the werkgroeplid the chapter was handed to (status aside)."""
    if mag_regisseren(user, document):
        return True
    return (
        hoofdstuk.auteur_id is not None
        and hoofdstuk.auteur_id == user.pk
        and heeft_rol(user, document.plan.gemeente_id, frozenset({RolSoort.WERKGROEPLID}))
    )


def mag_analyse_schrijven(
    user: Gebruiker | AnonymousUser, plan: Plan, analyse: Analyse | None
) -> bool:
    """The coordinator, or the werkgroeplid the analysis of a veld was handed to (only that
    veld's own analysis and its sources; the analyses per thema stay with the coordinator)."""
    if mag_plan_regisseren(user, plan):
        return True
    return (
        analyse is not None
        and analyse.thema_id is None
        and analyse.auteur_id is not None
        and analyse.auteur_id == user.pk
        and heeft_rol(user, plan.gemeente_id, frozenset({RolSoort.WERKGROEPLID}))
    )


# --- PDF renderings (docs/pdf.md) ---------------------------------------------------------

# Who may download the closed ("geheim") rendering without it being released to the raad.
BESLOTEN_LEZERS = frozenset({RolSoort.COORDINATOR, RolSoort.BESTUURDER})
GRIFFIE = frozenset({RolSoort.GRIFFIE})
LEZERS = frozenset({RolSoort.LEZER})
_ORGAAN_VAN: dict[str, str] = {str(s): str(o) for s, o in BESLUITORGAAN.items()}


def is_raadsstuk(document: Document) -> bool:
    """A document that reaches the raad (the griffie's page): one the raad decides, ter
    besluitvorming or vastgesteld, or a yearly document adopted for the raad's
    information. The same rule as `stappen.selectors.griffie_stukken`."""
    if _ORGAAN_VAN.get(document.soort) == Orgaan.RAAD:
        return document.status in (DocumentStatus.TER_BESLUITVORMING, DocumentStatus.VASTGESTELD)
    return document.soort in JAARLIJKSE_SOORTEN and document.is_vastgesteld


def mag_weergave_downloaden(user: Gebruiker | AnonymousUser, weergave: Weergave) -> bool:
    """May `user` download this PDF rendering? Only a finished one. The closed rendering: the
    coordinator and the bestuurder, and the griffie once it is released to the raad. The
    public one: whoever reads drafts; a lezer only that of the adopted version (x.0) of a
    vastgesteld document; the griffie only a raadsstuk's. Reads `weergave.versie.document
    .plan` (select them)."""
    if not weergave.is_klaar:
        return False
    versie = weergave.versie
    document = versie.document
    gemeente_id = document.plan.gemeente_id
    griffie = heeft_rol(user, gemeente_id, GRIFFIE) and is_raadsstuk(document)
    if weergave.is_besloten:
        if heeft_rol(user, gemeente_id, BESLOTEN_LEZERS):
            return True
        return griffie and weergave.vrijgegeven_op is not None
    if heeft_rol(user, gemeente_id, CONCEPT_LEZERS) or griffie:
        return True
    return heeft_rol(user, gemeente_id, LEZERS) and document.is_vastgesteld and versie.sub == 0


def mag_besloten_zien(user: Gebruiker | AnonymousUser, document: Document) -> bool:
    """Who sees (and asks for) the closed rendering of a document's versions."""
    return heeft_rol(user, document.plan.gemeente_id, BESLOTEN_LEZERS)
