"""URLs of the conversations module: the live board on participants' own devices."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
