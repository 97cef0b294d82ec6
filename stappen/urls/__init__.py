"""The stappen app's pages under the namespace `stappen`, one module per sub-domain.

The start page has its own module without a namespace (`stappen.urls.start`), so that it
keeps the plain name `start` that the login redirect and the header link use.
"""

from stappen.urls import documenten, inhoud, inzage, proces

app_name = "stappen"

urlpatterns = proces.urlpatterns + inhoud.urlpatterns + documenten.urlpatterns + inzage.urlpatterns
