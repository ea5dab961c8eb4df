"""Pages every module shares: the progress of a background job."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from . import access

app_name = "core"


def job_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The progress of a job, as a fragment the page polls (HTMX) until the job has finished, or as a page."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    job = access.job_for(ctx, partnership, pk)
    template = "core/_job.html" if request.headers.get("HX-Request") else "core/job.html"
    return render(request, template, access.page_context(ctx, partnership, job=job))


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/taken/<int:pk>/", job_status, name="job_status"),
]
