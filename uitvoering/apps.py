from django.apps import AppConfig


class UitvoeringConfig(AppConfig):
    name = 'uitvoering'
