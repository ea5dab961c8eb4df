"""URLs of the growth module: the growth workspace, the variant matrix and onboarding of new partners. Included by
`urls.py`."""

from django.urls import URLPattern, path

from . import views_workspace as views

P = "beheer/<slug:slug>/groei/"

urlpatterns: list[URLPattern] = [
    path(P, views.overview, name="overview"),
    path(P + "voorbereiding/", views.profile_edit, name="profile_edit"),
    path(P + "prognose/nieuw/", views.forecast_add, name="forecast_add"),
    path(P + "prognose/<int:pk>/", views.forecast_edit, name="forecast_edit"),
    path(P + "prognose/<int:pk>/verwijderen/", views.forecast_delete, name="forecast_delete"),
    path(P + "infrastructuur/nieuw/", views.table_add, name="table_add"),
    path(P + "infrastructuur/<int:pk>/", views.table_edit, name="table_edit"),
    path(P + "infrastructuur/<int:pk>/verwijderen/", views.table_delete, name="table_delete"),
    path(P + "varianten/", views.variants, name="variants"),
    path(P + "varianten/<int:pk>/beoordelen/", views.variant_score, name="variant_score"),
    path(P + "toetreding/", views.candidates, name="candidates"),
    path(P + "toetreding/nieuw/", views.candidate_add, name="candidate_add"),
    path(P + "toetreding/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path(P + "toetreding/<int:pk>/wijzigen/", views.candidate_edit, name="candidate_edit"),
    path(P + "toetreding/<int:pk>/verwijderen/", views.candidate_delete, name="candidate_delete"),
    path(P + "toetreding/<int:pk>/stappen/nieuw/", views.step_add, name="step_add"),
    path(P + "toetreding/<int:pk>/stappen/<int:item_pk>/", views.step_edit, name="step_edit"),
    path(P + "toetreding/<int:pk>/stappen/<int:item_pk>/afvinken/", views.step_tick, name="step_tick"),
    path(P + "toetreding/<int:pk>/stappen/<int:item_pk>/verwijderen/", views.step_delete, name="step_delete"),
]
