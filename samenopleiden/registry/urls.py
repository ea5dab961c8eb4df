"""All URLs of the registry. Each views module keeps its own list; this joins them."""

from .views import dashboard, history, imports, manage, public

app_name = "registry"

urlpatterns = public.urlpatterns + dashboard.urlpatterns + manage.urlpatterns + imports.urlpatterns + history.urlpatterns
