"""URLs of the growth module: scenarios and their projections, growth potential per board. Included by `urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
