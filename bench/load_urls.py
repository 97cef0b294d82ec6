"""The product's URLs plus the bare page the load test measures against: one view rendering a
50-row table through the same Django (middleware, session, template engine), no query of its
own. Only `bench/load_settings.py` uses this module."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from ivp.urls import urlpatterns as product

TABEL = engines["django"].from_string(
    '<!doctype html><html lang="nl"><head><title>Kaal</title></head><body><table>'
    "{% for rij in rijen %}<tr><td>{{ rij.0 }}</td><td>{{ rij.1 }}</td>"
    "<td>{{ rij.2|floatformat:2 }}</td></tr>{% endfor %}</table></body></html>"
)
RIJEN = [(n, f"Regel {n} van de kale pagina", n * 1.25) for n in range(50)]


def kaal(request: HttpRequest) -> HttpResponse:
    return HttpResponse(TABEL.render({"rijen": RIJEN}, request))


urlpatterns = [path("bench/kaal/", kaal, name="bench_kaal"), *product]
