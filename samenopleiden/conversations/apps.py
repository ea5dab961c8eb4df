from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "samenopleiden.conversations"
    label = "conversations"
    verbose_name = "Gesprekken"
