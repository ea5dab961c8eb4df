"""URLs of the quality module: the framework and the core document. Included by `urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
