"""All URLs of the placements module. Each views module keeps its own list; this joins them."""

from .views import capacity, preferences, rounds

app_name = "placements"

urlpatterns = capacity.urlpatterns + preferences.urlpatterns + rounds.urlpatterns
