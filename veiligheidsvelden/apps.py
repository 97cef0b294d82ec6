from django.apps import AppConfig


class VeiligheidsveldenConfig(AppConfig):
    name = "veiligheidsvelden"
    verbose_name = "Veiligheidsvelden en thema's"
