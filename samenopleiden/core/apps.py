from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "samenopleiden.core"
    label = "core"
    verbose_name = "Kern"
