"""All URLs of the growth module: the projection part and the workspace part."""

from . import urls_projection, urls_workspace

app_name = "growth"

urlpatterns = urls_projection.urlpatterns + urls_workspace.urlpatterns
