from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
    verbose_name = "Werkgroep"
