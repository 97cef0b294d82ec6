"""The stappen app's pages under the namespace `stappen`, one module per sub-domain.

The start page has its own module without a namespace (`stappen.urls.start`), so that it
keeps the plain name `start` that the login redirect and the header link use.
"""

from stappen.urls import (
    documenten,
    geschiedenis,
    griffie,
    inhoud,
    inzage,
    kalender,
    proces,
    stukken,
    vervolg,
)

app_name = "stappen"

# The record comes before the documents: their `documenten/<id>/<actie>/` catches any word.
urlpatterns = (
    proces.urlpatterns
    + griffie.urlpatterns
    + inhoud.urlpatterns
    + stukken.urlpatterns
    + geschiedenis.urlpatterns
    + documenten.urlpatterns
    + vervolg.urlpatterns
    + kalender.urlpatterns
    + inzage.urlpatterns
)
