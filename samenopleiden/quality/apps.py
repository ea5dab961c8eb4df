from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "samenopleiden.quality"
    label = "quality"
    verbose_name = "Kwaliteit"
