from django.apps import AppConfig


class GrowthConfig(AppConfig):
    name = "samenopleiden.growth"
    label = "growth"
    verbose_name = "Groei"
