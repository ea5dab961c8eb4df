"""All URLs of the registry. Each views module keeps its own list; this joins them."""

from .views import dashboard, history, imports, organisations, people, public

app_name = "registry"

urlpatterns = (
    public.urlpatterns
    + dashboard.urlpatterns
    + organisations.urlpatterns
    + people.urlpatterns
    + imports.urlpatterns
    + history.urlpatterns
)
