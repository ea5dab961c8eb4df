"""The module's entry page, and the students themselves: list, detail, add, change, remove, export.

Students are personal data: these pages go through `access.students_visible` / `access.student_for`, so the lead
sees all students, a placement office those of its institute and an educator those of their cluster(s); steering
group and board members get the totals on the entry page and the count page, never a student.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.errors import DomainError
from samenopleiden.core.exports import record_export, spreadsheet
from samenopleiden.core.views import form_page
from samenopleiden.registry.models import Institute

from .. import counting, eligibility, schoolyear, selectors
from ..forms.students import StudentForm
from ..models import Mode, Student
from ..services import students as services
from .common import chosen_year, decision_texts, student_page_context


def category_filters() -> list[tuple[str, str]]:
    choices = [("", _("Alle studenten")), ("telt", _("Telt mee")), ("telt-niet", _("Telt niet mee"))]
    return choices + [(c, _("Categorie %(c)s") % {"c": c}) for c in eligibility.CATEGORIES]


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    sees_totals = access.sees_student_totals(ctx, partnership)
    sees_students = access.sees_students(ctx, partnership)
    if not (sees_totals or sees_students):
        raise PermissionDenied
    today = timezone.localdate()
    year = chosen_year(request, today)
    previous = schoolyear.previous(year)
    scope = (
        Student.objects.filter(partnership=partnership) if sees_totals else access.students_visible(ctx, partnership)
    )
    current, last = counting.count(scope, year), counting.count(scope, previous)
    return render(
        request,
        "students/overview.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            previous=previous,
            current=current,
            last=last,
            may_change_students=access.student_institutes_for_change(ctx, partnership) != set(),
            years=selectors.years_with_students(partnership),
            categories=current.by_category(),
        ),
    )


def _filters(request: HttpRequest, ctx, partnership) -> dict:
    institutes = list(
        Institute.objects.filter(memberships__partnership=partnership).order_by("name").only("pk", "name")
    )
    clusters = list(access.clusters_visible(ctx, partnership).order_by("name").only("pk", "name"))

    def pick(name: str, options: list) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value in {str(o.pk) for o in options} else None

    mode = request.GET.get("variant", "")
    category = request.GET.get("categorie", "")
    return {
        "institutes": institutes,
        "clusters": clusters,
        "institute_id": pick("opleiding", institutes),
        "cluster_id": pick("cluster", clusters),
        "mode": mode if mode in Mode.values else "",
        "category": category if category in dict(category_filters()) else "",
        "q": request.GET.get("q", "").strip()[:30],
    }


def students(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    if not access.sees_students(ctx, partnership):
        raise PermissionDenied
    year = chosen_year(request, timezone.localdate())
    filters = _filters(request, ctx, partnership)
    narrowed = {k: filters[k] for k in ("institute_id", "mode", "category", "cluster_id", "q")}
    result, rows = selectors.student_outcomes(access.students_visible(ctx, partnership), year, **narrowed)
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    on_page = Student.objects.filter(pk__in=[o.student_id for o in page.object_list]).select_related(
        "institute", "school", "cluster"
    )
    by_id = {s.pk: s for s in on_page}
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "students/students.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            page=page,
            rows=[(o, by_id[o.student_id], o.reason.text(_)) for o in page.object_list if o.student_id in by_id],
            total=len(result.outcomes),
            filtered=any(narrowed.values()),
            filters=filters,
            modes=Mode.choices,
            category_filters=category_filters(),
            query=query.urlencode(),
            years=selectors.years_with_students(partnership) or [year],
            may_change_students=access.student_institutes_for_change(ctx, partnership) != set(),
        ),
    )


def students_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The list as the user filtered it, as XLSX or CSV. Personal data: the export is recorded."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    if not access.sees_students(ctx, partnership):
        raise PermissionDenied
    year = chosen_year(request, timezone.localdate())
    filters = _filters(request, ctx, partnership)
    narrowed = {k: filters[k] for k in ("institute_id", "mode", "category", "cluster_id", "q")}
    _result, rows = selectors.student_outcomes(access.students_visible(ctx, partnership), year, **narrowed)
    students_by_id = {
        s.pk: s
        for s in Student.objects.filter(pk__in=[o.student_id for o in rows]).select_related("institute", "school")
    }
    header = [
        _("studentnummer"),
        _("instituut"),
        _("opleidingstype"),
        _("percentage praktijk"),
        _("EC praktijk"),
        _("variant"),
        _("vak"),
        _("school"),
        _("categorie"),
        _("reden"),
    ]
    table = []
    for o in rows:
        s = students_by_id[o.student_id]
        table.append(
            [
                s.student_number,
                s.institute.code,
                s.programme_type,
                s.practice_percentage,
                s.practice_ec,
                s.mode,
                s.subject,
                s.school.brin_code if s.school else "",
                o.category or "",
                o.reason.text(_),
            ]
        )
    kind = "csv" if request.GET.get("formaat") == "csv" else "xlsx"
    record_export(
        actor=request.user, partnership=partnership, what=_("studentenlijst"), rows=len(table), detail={"jaar": year}
    )
    return spreadsheet([(_("Studenten"), header, table)], f"studenten-{partnership.slug}-{year}", kind=kind)


def student_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    student = access.student_for(ctx, partnership, pk)
    count_date = counting.count_date(student.school_year)
    outcome = counting.count(Student.objects.filter(pk=student.pk), student.school_year).outcomes[0]
    allowed = access.student_institutes_for_change(ctx, partnership)
    return render(
        request,
        "students/student_detail.html",
        student_page_context(
            ctx,
            partnership,
            student=student,
            outcome=outcome,
            explanation=decision_texts(outcome),
            count_date=count_date,
            may_change=allowed is None or student.institute_id in allowed,
        ),
    )


def student_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.require_student_change(ctx, partnership)
    today = timezone.localdate()
    form = StudentForm(request.POST or None, partnership=partnership, institutes=allowed, today=today)

    def save(data: dict) -> Student:
        values = {name: data[name] for name in StudentForm.Meta.fields if name in data}
        return services.student_create(partnership=partnership, values=values, actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda student: reverse("students:student_detail", args=[slug, student.pk]),
        success_message=_("De student is toegevoegd."),
        context=student_page_context(
            ctx,
            partnership,
            title=_("Student toevoegen"),
            intro=_(
                "Alleen het studentnummer van de opleiding, geen naam: het platform bewaart zo min mogelijk "
                "persoonsgegevens. Voor veel studenten tegelijk is importeren handiger."
            ),
            cancel_url=reverse("students:students", args=[slug]),
        ),
    )


def student_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    student = access.student_for(ctx, partnership, pk, write=True)
    form = StudentForm(
        request.POST or None,
        instance=student,
        partnership=partnership,
        institutes=access.student_institutes_for_change(ctx, partnership),
        today=timezone.localdate(),
    )

    def save(data: dict) -> Student:
        changes = {name: data[name] for name in StudentForm.Meta.fields if name in form.fields and name in data}
        return services.student_update(
            student=student, changes=changes, expected_version=data.get("version"), actor=request.user
        )

    back = reverse("students:student_detail", args=[slug, student.pk])
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=student_page_context(
            ctx,
            partnership,
            title=_("Student %(number)s wijzigen") % {"number": student.student_number},
            cancel_url=back,
        ),
    )


@require_POST
def student_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    student = access.student_for(ctx, partnership, pk, write=True)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Bevestig eerst dat u de student wilt verwijderen."))
        return redirect("students:student_detail", slug=slug, pk=student.pk)
    try:
        services.student_delete(student=student, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("students:student_detail", slug=slug, pk=student.pk)
    messages.success(request, _("Student %(number)s is verwijderd.") % {"number": student.student_number})
    return redirect("students:students", slug=slug)


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/studenten/", overview, name="overview"),
    path("beheer/<slug:slug>/studenten/lijst/", students, name="students"),
    path("beheer/<slug:slug>/studenten/lijst/export/", students_export, name="students_export"),
    path("beheer/<slug:slug>/studenten/nieuw/", student_add, name="student_add"),
    path("beheer/<slug:slug>/studenten/<int:pk>/", student_detail, name="student_detail"),
    path("beheer/<slug:slug>/studenten/<int:pk>/wijzigen/", student_edit, name="student_edit"),
    path("beheer/<slug:slug>/studenten/<int:pk>/verwijderen/", student_delete, name="student_delete"),
]
