"""URLs of the growth module: the growth workspace, the variant matrix and onboarding of new partners. Included by
`urls.py`."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
