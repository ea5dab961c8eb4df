"""URLs of the growth module: scenarios and their projections, growth potential per board. Included by `urls.py`."""

from django.urls import URLPattern, path

from . import views_projection as views

P = "beheer/<slug:slug>/groei/"

urlpatterns: list[URLPattern] = [
    path(P + "scenarios/", views.scenarios, name="scenarios"),
    path(P + "scenarios/nieuw/", views.scenario_add, name="scenario_add"),
    path(P + "scenarios/inlezen/", views.scenario_upload, name="scenario_upload"),
    path(P + "scenarios/vergelijken/", views.compare, name="scenario_compare"),
    path(P + "scenarios/<int:pk>/", views.scenario_detail, name="scenario_detail"),
    path(P + "scenarios/<int:pk>/wijzigen/", views.scenario_edit, name="scenario_edit"),
    path(P + "scenarios/<int:pk>/verwijderen/", views.scenario_delete, name="scenario_delete"),
    path(P + "scenarios/<int:pk>/scenario.xlsx", views.scenario_xlsx, name="scenario_xlsx"),
    path(P + "scenarios/<int:pk>/scenario.pdf", views.scenario_pdf, name="scenario_pdf"),
    path(P + "scenarios/<int:pk>/scenario.json", views.scenario_json, name="scenario_json"),
    path(P + "groeipotentie/", views.potential, name="potential"),
    path(P + "groeipotentie/<int:pk>/", views.limit_edit, name="limit_edit"),
]
