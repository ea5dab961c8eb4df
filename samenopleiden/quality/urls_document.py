"""URLs of the quality module: the framework and the core document. Included by `urls.py`."""

from django.urls import URLPattern, path

from . import views_document as views

P = "beheer/<slug:slug>/kwaliteit/"
K = P + "kerndocument/"

urlpatterns: list[URLPattern] = [
    path(P, views.overview, name="overview"),
    path(P + "kader/", views.framework, name="framework"),
    path(P + "facilitering/", views.norms, name="norms"),
    path(P + "facilitering/<int:pk>/verwijderen/", views.norm_delete, name="norm_delete"),
    path(K, views.document, name="document"),
    path(K + "starten/", views.document_start, name="document_start"),
    path(K + "wijzigen/", views.document_edit, name="document_edit"),
    path(K + "logo/", views.document_logo, name="document_logo"),
    path(K + "volledigheid/", views.completeness, name="completeness"),
    path(K + "volledigheid/minimaal/", views.document_minimum, name="document_minimum"),
    path(K + "export/docx/", views.export_docx, name="export_docx"),
    path(K + "export/pdf/", views.export_pdf, name="export_pdf"),
    path(K + "secties/nieuw/", views.section_add, name="section_add"),
    path(K + "secties/<int:pk>/", views.section_detail, name="section"),
    path(K + "secties/<int:pk>/bewerken/", views.section_edit, name="section_edit"),
    path(K + "secties/<int:pk>/versies/", views.section_versions, name="section_versions"),
    path(K + "secties/<int:pk>/heropenen/", views.section_reopen, name="section_reopen"),
    path(K + "secties/<int:pk>/verwijderen/", views.section_delete, name="section_delete"),
    path(K + "secties/<int:pk>/opmerkingen/", views.comment_add, name="comment_add"),
    path(K + "secties/<int:pk>/opmerkingen/<int:item_pk>/afhandelen/", views.comment_resolve, name="comment_resolve"),
    path(K + "feedback/nieuw/", views.round_add, name="round_add"),
    path(K + "vaststelling/nieuw/", views.approval_add, name="approval_add"),
]
