from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "samenopleiden.registry"
    label = "registry"
    verbose_name = "Register"
