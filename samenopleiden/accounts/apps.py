from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samenopleiden.accounts"
    label = "accounts"
    verbose_name = "Accounts"
