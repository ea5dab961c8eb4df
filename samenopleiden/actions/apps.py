from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "samenopleiden.actions"
    label = "actions"
    verbose_name = "Actielijst"
