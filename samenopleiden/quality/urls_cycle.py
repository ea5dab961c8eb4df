"""URLs of the quality module: goals, annual plans and the survey, peer review, certification. Included by `urls.py`."""

from django.urls import URLPattern, path

from . import views_cycle as views

Q = "beheer/<slug:slug>/kwaliteit/"

urlpatterns: list[URLPattern] = [
    path(Q + "doelen/", views.goals, name="goals"),
    path(Q + "doelen/nieuw/", views.goal_add, name="goal_add"),
    path(Q + "doelen/<int:pk>/", views.goal_detail, name="goal_detail"),
    path(Q + "doelen/<int:pk>/bewerken/", views.goal_edit, name="goal_edit"),
    path(Q + "doelen/<int:pk>/verwijderen/", views.goal_delete, name="goal_delete"),
    path(Q + "doelen/<int:pk>/metingen/nieuw/", views.measurement_add, name="measurement_add"),
    path(Q + "doelen/<int:pk>/metingen/platform/", views.measurement_platform, name="measurement_platform"),
    path(
        Q + "doelen/<int:pk>/metingen/<int:item_pk>/verwijderen/", views.measurement_delete, name="measurement_delete"
    ),
    path(Q + "kalender/", views.calendar, name="calendar"),
    path(Q + "kalender/nieuw/", views.event_add, name="event_add"),
    path(Q + "kalender/<int:pk>/", views.event_edit, name="event_edit"),
    path(Q + "kalender/<int:pk>/verwijderen/", views.event_delete, name="event_delete"),
    path(Q + "jaarplannen/", views.plans, name="plans"),
    path(Q + "jaarplannen/nieuw/", views.plan_add, name="plan_add"),
    path(Q + "jaarplannen/<int:pk>/", views.plan_detail, name="plan_detail"),
    path(Q + "jaarplannen/<int:pk>/schrijven/", views.plan_edit, name="plan_edit"),
    path(Q + "jaarplannen/<int:pk>/tussenevaluatie/", views.plan_mid, name="plan_mid"),
    path(Q + "jaarplannen/<int:pk>/eindevaluatie/", views.plan_end, name="plan_end"),
    path(Q + "enquetes/", views.surveys, name="surveys"),
    path(Q + "enquetes/nieuw/", views.survey_add, name="survey_add"),
    path(Q + "enquetes/<int:pk>/", views.survey_detail, name="survey_detail"),
    path(Q + "enquetes/<int:pk>/bewerken/", views.survey_edit, name="survey_edit"),
    path(Q + "enquetes/<int:pk>/status/", views.survey_status, name="survey_status"),
    path(Q + "enquetes/<int:pk>/vragen/nieuw/", views.question_add, name="question_add"),
    path(Q + "enquetes/<int:pk>/vragen/<int:item_pk>/", views.question_edit, name="question_edit"),
    path(Q + "enquetes/<int:pk>/vragen/<int:item_pk>/verwijderen/", views.question_delete, name="question_delete"),
    path(Q + "enquetes/<int:pk>/links/<int:item_pk>/vernieuwen/", views.link_renew, name="survey_link_renew"),
    path(Q + "enquetes/<int:pk>/uitkomsten/", views.survey_results, name="survey_results"),
    path(Q + "enquetes/<int:pk>/uitkomsten.xlsx", views.survey_xlsx, name="survey_xlsx"),
    path(Q + "peer-review/", views.reviews, name="peer_reviews"),
    path(Q + "peer-review/nieuw/", views.review_add, name="peer_review_add"),
    path(Q + "peer-review/<int:pk>/", views.review_detail, name="peer_review_detail"),
    path(Q + "peer-review/<int:pk>/bewerken/", views.review_edit, name="peer_review_edit"),
    path(Q + "peer-review/<int:pk>/panel/nieuw/", views.panelist_add, name="peer_review_panelist_add"),
    path(
        Q + "peer-review/<int:pk>/panel/<int:item_pk>/verwijderen/",
        views.panelist_delete,
        name="peer_review_panelist_delete",
    ),
    path(
        Q + "peer-review/<int:pk>/aanbevelingen/nieuw/", views.recommendation_add, name="peer_review_recommendation_add"
    ),
    path(Q + "peer-review/<int:pk>/zelfevaluatie.pdf", views.review_pack_pdf, name="peer_review_pack_pdf"),
    path(Q + "peer-review/<int:pk>/zelfevaluatie.docx", views.review_pack_docx, name="peer_review_pack_docx"),
    path(Q + "certificering/", views.certification, name="certification"),
    path(Q + "certificering/criteria/nieuw/", views.criterion_add, name="certification_criterion_add"),
    path(Q + "certificering/criteria/<int:pk>/", views.criterion_edit, name="certification_criterion_edit"),
    path(Q + "certificering/beoordelingen/nieuw/", views.certification_add, name="certification_add"),
    path(Q + "certificering/beoordelingen/<int:pk>/", views.certification_detail, name="certification_detail"),
    path(Q + "certificering/beoordelingen/<int:pk>/bewerken/", views.certification_edit, name="certification_edit"),
    # public: a student's secret link to their cluster's survey (no account)
    path("enquete/<str:token>/", views.survey_respond, name="survey_respond"),
    path("enquete/<str:token>/bedankt/", views.survey_thanks, name="survey_thanks"),
]
