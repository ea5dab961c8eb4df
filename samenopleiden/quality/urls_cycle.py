"""URLs of the quality module: goals, annual plans and the survey, peer review, certification. Included by `urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
