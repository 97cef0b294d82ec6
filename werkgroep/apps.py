from django.apps import AppConfig


class WerkgroepConfig(AppConfig):
    name = 'werkgroep'
