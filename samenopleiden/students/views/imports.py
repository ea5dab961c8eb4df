"""Importing an institute's student export: upload (with the school year), preview with row errors, confirm.
For the programme lead (any institute of the partnership) and a placement office (its own institute only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access, jobs
from samenopleiden.core.exports import download
from samenopleiden.core.importflow import confirm_import, upload_page

from ..forms.students import UploadForm
from ..services import imports
from .common import student_page_context

KIND = "students"


def _reader(partnership, allowed):
    def read(data: bytes, filename: str, options: dict):
        return imports.plan(
            data,
            filename,
            partnership=partnership,
            school_year=options["school_year"],
            allowed_institutes=allowed,
            replace=options.get("replace", False),
        )

    return read


def upload(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.require_student_change(ctx, partnership)
    form = UploadForm(request.POST or None, request.FILES or None, today=timezone.localdate())
    return upload_page(
        request,
        partnership=partnership,
        kind=KIND,
        form=form,
        context=student_page_context(
            ctx, partnership, title=_("Studenten importeren"), form=form, columns=imports.COLUMNS
        ),
        template="students/import.html",
        read=_reader(partnership, allowed),
        options=lambda data: {"school_year": data["school_year"], "replace": data["replace"]},
        notes=lambda plan: [_("Studiejaar: %(year)s.") % {"year": plan.school_year}],
        confirm_url=lambda pk: reverse("students:import_confirm", args=[slug, pk]),
        retry_url=reverse("students:import", args=[slug]),
        cancel_url=reverse("students:overview", args=[slug]),
    )


@require_POST
def confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.require_student_change(ctx, partnership)
    pending = access.own_pending_import(ctx, partnership, pk, kind=KIND)
    if len(pending.content) > imports.BACKGROUND_BYTES:  # a big file: in the background, with a progress bar
        job = jobs.start(
            imports.JOB_KIND,
            partnership=partnership,
            user=request.user,
            arguments={"pending_id": pending.pk, "allowed": sorted(allowed) if allowed is not None else None},
        )
        return redirect("core:job_status", slug=slug, pk=job.pk)
    return confirm_import(
        request,
        ctx=ctx,
        partnership=partnership,
        pk=pk,
        kind=KIND,
        read=_reader(partnership, allowed),
        apply=lambda plan: imports.apply(plan, partnership=partnership, actor=request.user),
        message=_(
            "Import klaar: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd, %(removed)s verwijderd."
        ),
        success_url=lambda plan: f"{reverse('students:students', args=[slug])}?jaar={plan.school_year}",
        failure_url=reverse("students:import", args=[slug]),
    )


def template(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    access.require_student_change(ctx, access.partnership_for(ctx, slug))
    return download(imports.template_workbook(), "sjabloon-studenten.xlsx", kind="xlsx")


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/studenten/importeren/", upload, name="import"),
    path("beheer/<slug:slug>/studenten/importeren/<int:pk>/bevestigen/", confirm, name="import_confirm"),
    path("beheer/<slug:slug>/studenten/importeren/sjabloon.xlsx", template, name="import_template"),
]
