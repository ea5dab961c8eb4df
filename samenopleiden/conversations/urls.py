"""All URLs of the conversations module: the session part and the assessment part."""

from . import urls_assessment, urls_session

app_name = "conversations"

urlpatterns = urls_session.urlpatterns + urls_assessment.urlpatterns
