"""All URLs of the quality module: the document part and the cycle part."""

from . import urls_cycle, urls_document

app_name = "quality"

urlpatterns = urls_document.urlpatterns + urls_cycle.urlpatterns
