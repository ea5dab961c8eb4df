"""URLs of the conversations module: guides, sessions, the live board and reports."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
