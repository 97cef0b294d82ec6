"""Every write of the stappen app, one module per sub-domain, re-exported here.

- `planning`: Plans and their planning;
- `proces`: the step and document transitions and decisions;
- `documenten`: chapters, versions, review rounds, comments;
- `inhoud`: the content of steps 2–4;
- `meldingen`: in-app notifications;
- `vervolg`: the next plan started from the previous one, and its evaluation.
- `stukken`: the voorstel and the PDF renderings (docs/pdf.md).
- `kalender`: the vergaderkalender, its import and lead times;
- `raadsplanning`: counting back from the raad meeting that decides a step.

Views and tasks call these functions (`from stappen import services`); they check the
permission, the state and the guards, save inside a transaction, and refuse with `Geweigerd`
(Dutch reasons) or a `ValidationError` keyed by field.
"""

from ivp.exceptions import GELIJKTIJDIG_GEWIJZIGD
from stappen.services.cijfers import hoofdstuk_citeer
from stappen.services.documenten import (
    Bewerkconflict,
    bespreking_start,
    bespreking_stop,
    genoemde_namen,
    hoofdstuk_save,
    hoofdstuk_set_auteur,
    hoofdstukken_create,
    opmerking_create,
    opmerking_reopen,
    opmerking_reply,
    opmerking_resolve,
    opmerking_set_uitkomst,
    versie_create,
    versie_maak,
)
from stappen.services.inhoud import (
    analyse_save,
    analyse_set_auteur,
    bron_create,
    bron_delete,
    doelstelling_create,
    doelstelling_delete,
    doelstelling_update,
    plaatsing_save,
    plaatsingen_save,
    prioriteit_set_aanpak,
    prioriteit_update,
    prioritering_scores_save,
    prioritering_update,
    scores_save,
    wegingen_save,
)
from stappen.services.inzage import inzage_set, vereis_inzage
from stappen.services.kalender import (
    feed_bewaar,
    feed_ververs,
    termijnen_bewaar,
    vergadering_bewaar,
    vergadering_verwijder,
    vergaderingen_importeer,
)
from stappen.services.meldingen import (
    herinneringen_versturen,
    melding_maak,
    meldingen_gelezen,
)
from stappen.services.planning import (
    jaardocument_create,
    plan_create,
    plan_update,
    standaardplanning,
    stap_plan,
)
from stappen.services.proces import (
    besluit_record,
    document_close_review,
    document_open_review,
    document_submit,
    raad_informeer,
    stap_close,
    stap_reopen,
    stap_start,
)
from stappen.services.raadsplanning import raadsplanning_accepteer, voorstel_voor
from stappen.services.stukken import (
    stuk_gegevens,
    vertrouwelijk_markeren,
    voorstel_opslaan,
    weergave_aanvragen,
    weergave_opnieuw,
    weergave_renderen,
    weergave_vrijgeven,
)
from stappen.services.vervolg import (
    evaluatie_motivatie_save,
    evaluatie_save,
    plan_vervolg_create,
)

__all__ = [
    "GELIJKTIJDIG_GEWIJZIGD",
    "Bewerkconflict",
    "analyse_save",
    "analyse_set_auteur",
    "besluit_record",
    "bespreking_start",
    "bespreking_stop",
    "bron_create",
    "bron_delete",
    "document_close_review",
    "document_open_review",
    "document_submit",
    "doelstelling_create",
    "doelstelling_delete",
    "doelstelling_update",
    "evaluatie_motivatie_save",
    "evaluatie_save",
    "feed_bewaar",
    "feed_ververs",
    "genoemde_namen",
    "herinneringen_versturen",
    "hoofdstuk_citeer",
    "hoofdstuk_save",
    "hoofdstuk_set_auteur",
    "hoofdstukken_create",
    "inzage_set",
    "jaardocument_create",
    "melding_maak",
    "meldingen_gelezen",
    "opmerking_create",
    "opmerking_reopen",
    "opmerking_reply",
    "opmerking_resolve",
    "opmerking_set_uitkomst",
    "plaatsing_save",
    "plaatsingen_save",
    "plan_create",
    "plan_update",
    "plan_vervolg_create",
    "prioriteit_set_aanpak",
    "prioriteit_update",
    "prioritering_scores_save",
    "prioritering_update",
    "raad_informeer",
    "raadsplanning_accepteer",
    "scores_save",
    "standaardplanning",
    "stap_close",
    "stap_plan",
    "stap_reopen",
    "stap_start",
    "stuk_gegevens",
    "termijnen_bewaar",
    "vereis_inzage",
    "vergadering_bewaar",
    "vergadering_verwijder",
    "vergaderingen_importeer",
    "versie_create",
    "versie_maak",
    "vertrouwelijk_markeren",
    "voorstel_opslaan",
    "voorstel_voor",
    "weergave_aanvragen",
    "weergave_opnieuw",
    "weergave_renderen",
    "weergave_vrijgeven",
    "wegingen_save",
]
