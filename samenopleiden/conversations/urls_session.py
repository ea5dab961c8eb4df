"""URLs of the conversations module's session part: the module's overview, guides, sessions, the facilitator's
view, the shared screen and the report."""

from django.urls import URLPattern, path

from . import views_session as views

BASE = "beheer/<slug:slug>/gesprekken/"
GUIDE = f"{BASE}leidraden/<int:pk>/"
SESSION = f"{BASE}sessies/<int:pk>/"

urlpatterns: list[URLPattern] = [
    path(BASE, views.overview, name="overview"),
    # guides: the platform's and the partnership's own copies
    path(GUIDE, views.guide_detail, name="guide_detail"),
    path(f"{GUIDE}kopieren/", views.guide_copy, name="guide_copy"),
    path(f"{GUIDE}bewerken/", views.guide_edit, name="guide_edit"),
    path(f"{GUIDE}verwijderen/", views.guide_delete, name="guide_delete"),
    path(f"{GUIDE}themas/nieuw/", views.theme_add, name="guide_theme_add"),
    path(f"{GUIDE}themas/<int:item_pk>/", views.theme_edit, name="guide_theme_edit"),
    path(f"{GUIDE}themas/<int:item_pk>/verwijderen/", views.theme_delete, name="guide_theme_delete"),
    path(f"{GUIDE}themas/<int:item_pk>/vraag-toevoegen/", views.question_add, name="guide_question_add"),
    path(f"{GUIDE}vragen/<int:item_pk>/", views.question_edit, name="guide_question_edit"),
    path(f"{GUIDE}vragen/<int:item_pk>/verwijderen/", views.question_delete, name="guide_question_delete"),
    path(f"{GUIDE}voorbereiding/nieuw/", views.item_add, name="guide_item_add"),
    path(f"{GUIDE}voorbereiding/<int:item_pk>/", views.item_edit, name="guide_item_edit"),
    path(f"{GUIDE}voorbereiding/<int:item_pk>/verwijderen/", views.item_delete, name="guide_item_delete"),
    # sessions
    path(f"{BASE}sessies/nieuw/", views.session_add, name="session_add"),
    path(SESSION, views.session_detail, name="session_detail"),
    path(f"{SESSION}bewerken/", views.session_edit, name="session_edit"),
    path(f"{SESSION}status/", views.session_status, name="session_status"),
    path(f"{SESSION}deelnemers/", views.participant_add, name="session_participant_add"),
    path(
        f"{SESSION}deelnemers/<int:item_pk>/verwijderen/",
        views.participant_remove,
        name="session_participant_remove",
    ),
    path(f"{SESSION}voorbereiding/", views.session_prepare, name="session_prepare"),
    # during the session
    path(f"{SESSION}leiden/", views.session_run, name="session_run"),
    path(f"{SESSION}leiden/naar/", views.session_move, name="session_move"),
    path(f"{SESSION}leiden/aantekeningen/", views.note_save, name="session_note"),
    path(f"{SESSION}besluiten/", views.decision_add, name="session_decision_add"),
    path(f"{SESSION}besluiten/<int:item_pk>/verwijderen/", views.decision_delete, name="session_decision_delete"),
    path(f"{SESSION}acties/", views.action_add, name="session_action_add"),
    path(f"{SESSION}scherm/", views.session_screen, name="session_screen"),
    path(f"{SESSION}scherm/vraag/", views.session_screen_question, name="session_screen_question"),
    # after
    path(f"{SESSION}verslag.pdf", views.session_pdf, name="session_pdf"),
    path(f"{SESSION}verslag.docx", views.session_docx, name="session_docx"),
]
