from django.apps import AppConfig


class PlacementsConfig(AppConfig):
    name = "samenopleiden.placements"
    label = "placements"
    verbose_name = "Plaatsing"

    def ready(self) -> None:
        from .services import rounds  # noqa: F401 (registers the background job of a matching round)
