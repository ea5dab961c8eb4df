"""URLs of the conversations module: the live board on participants' own devices."""

from django.urls import URLPattern, path

from . import views_board as views

BOARD = "beheer/<slug:slug>/gesprekken/<int:pk>/bord/"

urlpatterns: list[URLPattern] = [
    path(BOARD, views.board_facilitate, name="board"),
    path(f"{BOARD}scherm/", views.board_screen, name="board_screen"),
    path(f"{BOARD}updates/", views.board_updates, name="board_updates"),
    path(f"{BOARD}stroom/", views.board_stream, name="board_stream"),
    path(f"{BOARD}groepen/", views.board_group_add, name="board_group_add"),
    path(f"{BOARD}post-its/<int:item_pk>/verplaatsen/", views.board_postit_move, name="board_postit_move"),
    path(f"{BOARD}post-its/<int:item_pk>/verwijderen/", views.board_postit_delete, name="board_postit_delete"),
    path(f"{BOARD}dilemmas/", views.board_option_add, name="board_option_add"),
    path(f"{BOARD}dilemmas/<int:item_pk>/kiezen/", views.board_option_choose, name="board_option_choose"),
    path(f"{BOARD}stemmen/", views.board_voting, name="board_voting"),
    path(f"{BOARD}placemat/", views.board_placemat_open, name="board_placemat_open"),
    # public: participants on their own device, with the session code (no account)
    path("gesprek/", views.join_start, name="board_join_start"),
    path("gesprek/<str:code>/", views.join, name="board_join"),
    path("gesprek/<str:code>/bord/", views.participant_board, name="board_participant"),
    path("gesprek/<str:code>/bord/post-it/", views.participant_postit, name="board_participant_postit"),
    path("gesprek/<str:code>/bord/stem/", views.participant_vote, name="board_participant_vote"),
    path("gesprek/<str:code>/bord/tafel/", views.participant_table, name="board_participant_table"),
    path("gesprek/<str:code>/bord/antwoord/", views.participant_answer, name="board_participant_answer"),
    path("gesprek/<str:code>/bord/updates/", views.participant_updates, name="board_participant_updates"),
    path("gesprek/<str:code>/bord/stroom/", views.participant_stream, name="board_participant_stream"),
]
