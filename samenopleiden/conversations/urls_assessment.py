"""URLs of the conversations module: the equal-collaboration self-assessment and the library of good practices."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
