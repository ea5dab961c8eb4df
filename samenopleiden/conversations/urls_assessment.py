"""URLs of the conversations module: the equal-collaboration self-assessment and the library of good practices."""

from django.urls import URLPattern, path

from . import views_assessment as views

ROUNDS = "beheer/<slug:slug>/gesprekken/zelfevaluatie/"
PRACTICES = "beheer/<slug:slug>/gesprekken/goede-voorbeelden/"

urlpatterns: list[URLPattern] = [
    path(ROUNDS, views.assessment_rounds, name="assessment_rounds"),
    path(f"{ROUNDS}nieuw/", views.assessment_round_add, name="assessment_round_add"),
    path(f"{ROUNDS}<int:pk>/", views.assessment_round_detail, name="assessment_round_detail"),
    path(f"{ROUNDS}<int:pk>/bewerken/", views.assessment_round_edit, name="assessment_round_edit"),
    path(f"{ROUNDS}<int:pk>/status/", views.assessment_round_status, name="assessment_round_status"),
    path(f"{ROUNDS}<int:pk>/uitkomsten.xlsx", views.assessment_round_xlsx, name="assessment_round_xlsx"),
    path(f"{ROUNDS}<int:pk>/rapport.pdf", views.assessment_round_pdf, name="assessment_round_pdf"),
    path(f"{ROUNDS}<int:pk>/rapport.docx", views.assessment_round_docx, name="assessment_round_docx"),
    path(PRACTICES, views.practices_partnership, name="practices_partnership"),
    path(f"{PRACTICES}voorstellen/", views.practice_propose, name="practice_propose"),
    # public: the respondent's secret link (no account), and the platform-wide library
    path("zelfevaluatie/<str:token>/", views.assessment_respond, name="assessment_respond"),
    path("zelfevaluatie/<str:token>/bedankt/", views.assessment_thanks, name="assessment_thanks"),
    path("goede-voorbeelden/", views.practices, name="practices"),
    path("goede-voorbeelden/beoordelen/", views.practice_review_list, name="practice_review_list"),
    path("goede-voorbeelden/<int:pk>/beoordelen/", views.practice_review, name="practice_review"),
]
