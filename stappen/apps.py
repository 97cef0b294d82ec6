from django.apps import AppConfig


class StappenConfig(AppConfig):
    name = "stappen"
    verbose_name = "Stappenplan"
