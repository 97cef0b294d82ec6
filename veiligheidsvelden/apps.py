from django.apps import AppConfig


class VeiligheidsveldenConfig(AppConfig):
    name = 'veiligheidsvelden'
