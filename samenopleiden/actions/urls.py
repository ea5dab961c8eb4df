"""All URLs of the action list."""

from django.urls import URLPattern, path

from . import views

app_name = "actions"

urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/acties/", views.overview, name="overview"),
    path("beheer/<slug:slug>/acties/nieuw/", views.action_add, name="action_add"),
    path("beheer/<slug:slug>/acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("beheer/<slug:slug>/acties/<int:pk>/bijwerken/", views.action_edit, name="action_edit"),
]
