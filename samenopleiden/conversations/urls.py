"""All URLs of the conversations module: the session, board and assessment parts."""

from . import urls_assessment, urls_board, urls_session

app_name = "conversations"

urlpatterns = urls_session.urlpatterns + urls_board.urlpatterns + urls_assessment.urlpatterns
