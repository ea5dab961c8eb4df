"""Students' preferences: the list per school year and period, one student's preference, and the import.
Preferences belong to students: who sees a student (core.access.students_visible) sees their preference; who may
change a student (the lead, the placement office of their institute) may change it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.exports import download
from samenopleiden.core.importflow import confirm_import, upload_page
from samenopleiden.core.views import form_page
from samenopleiden.students import schoolyear

from ..forms.preferences import PreferenceForm, PreferenceUploadForm
from ..models import Preference
from ..services import preferences as services
from .capacity import chosen, page_context

KIND = "preferences"


def _require_students(ctx, partnership) -> None:
    if not access.sees_students(ctx, partnership):
        raise PermissionDenied


def preference_list(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    _require_students(ctx, partnership)
    year, period = chosen(request)
    students = access.students_visible(ctx, partnership).filter(school_year=year).select_related("institute")
    page = Paginator(students.order_by("student_number"), 50).get_page(request.GET.get("pagina"))
    preferences = {
        p.student_id: p
        for p in Preference.objects.filter(student__in=list(page.object_list), period=period).prefetch_related(
            "wishes__school", "wishes__cluster"
        )
    }
    stated = Preference.objects.filter(student__in=students, period=period).count()
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "placements/preferences.html",
        page_context(
            ctx,
            partnership,
            year=year,
            period=period,
            page=page,
            rows=[(s, preferences.get(s.pk)) for s in page.object_list],
            stated=stated,
            total=page.paginator.count,
            query=query.urlencode(),
            may_change=access.student_institutes_for_change(ctx, partnership) != set(),
            years=[schoolyear.shift(schoolyear.current(timezone.localdate()), k) for k in (1, 0, -1)],
        ),
    )


def _targets(partnership) -> list[tuple[str, str]]:
    schools = [(f"s{s.pk}", f"{s.name} ({s.brin_code})") for s in services.schools_of(partnership).order_by("name")]
    clusters = [(f"c{c.pk}", _("cluster %(name)s") % {"name": c.name}) for c in partnership.clusters.order_by("name")]
    return clusters + schools


def preference_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One student's preference for the period in the address (pk: the student)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    student = access.student_for(ctx, partnership, pk, write=True)
    _year, period = chosen(request)
    preference = Preference.objects.filter(student=student, period=period).first()
    current = []
    if preference is not None:
        current = [f"s{w.school_id}" if w.school_id else f"c{w.cluster_id}" for w in preference.wishes.all()]
    form = PreferenceForm(request.POST or None, instance=preference, targets=_targets(partnership), wishes=current)
    schools = {f"s{s.pk}": s for s in services.schools_of(partnership)}
    clusters = {f"c{c.pk}": c for c in partnership.clusters.all()}

    def save(data: dict) -> Preference:
        values = {name: data[name] for name in PreferenceForm.Meta.fields}
        wishes = [schools.get(key) or clusters.get(key) for key in data["wishes"]]
        return services.preference_save(
            partnership=partnership,
            student=student,
            period=period,
            values=values,
            wishes=[w for w in wishes if w is not None],
            actor=request.user,
            expected_version=data.get("version") if preference else None,
        )

    back = f"{reverse('placements:preferences', args=[slug])}?jaar={student.school_year}&periode={period}"
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=page_context(
            ctx,
            partnership,
            title=_("Voorkeur van student %(number)s") % {"number": student.student_number},
            intro=_("Wensen van de student, beste eerst. Beschikbare dagen leeg laten als de student elke dag kan."),
            cancel_url=back,
        ),
    )


def _reader(partnership, allowed):
    def read(data: bytes, filename: str, options: dict):
        return services.plan(data, filename, partnership=partnership, allowed_institutes=allowed, **options)

    return read


def preference_import(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.require_student_change(ctx, partnership)
    today = timezone.localdate()
    form = PreferenceUploadForm(
        request.POST or None, request.FILES or None, today=today, initial={"school_year": schoolyear.current(today)}
    )
    return upload_page(
        request,
        partnership=partnership,
        kind=KIND,
        form=form,
        context=page_context(ctx, partnership, title=_("Voorkeuren importeren"), form=form, columns=services.COLUMNS),
        template="placements/preference_import.html",
        read=_reader(partnership, allowed),
        options=lambda data: {"school_year": data["school_year"], "period": data["period"]},
        notes=lambda plan: [
            _("Studiejaar %(year)s, periode: %(period)s.") % {"year": plan.school_year, "period": plan.period}
        ],
        confirm_url=lambda pk: reverse("placements:preference_import_confirm", args=[slug, pk]),
        retry_url=reverse("placements:preference_import", args=[slug]),
        cancel_url=reverse("placements:preferences", args=[slug]),
    )


@require_POST
def preference_import_confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.require_student_change(ctx, partnership)
    return confirm_import(
        request,
        ctx=ctx,
        partnership=partnership,
        pk=pk,
        kind=KIND,
        read=_reader(partnership, allowed),
        apply=lambda plan: services.apply(plan, partnership=partnership, actor=request.user),
        message=_("Import klaar: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd."),
        success_url=lambda plan: (
            f"{reverse('placements:preferences', args=[slug])}?jaar={plan.school_year}&periode={plan.period}"
        ),
        failure_url=reverse("placements:preference_import", args=[slug]),
    )


def preference_template(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    access.require_student_change(ctx, access.partnership_for(ctx, slug))
    return download(services.template_workbook(), "sjabloon-voorkeuren.xlsx", kind="xlsx")


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/plaatsing/voorkeuren/", preference_list, name="preferences"),
    path("beheer/<slug:slug>/plaatsing/voorkeuren/<int:pk>/", preference_edit, name="preference_edit"),
    path("beheer/<slug:slug>/plaatsing/voorkeuren/importeren/", preference_import, name="preference_import"),
    path(
        "beheer/<slug:slug>/plaatsing/voorkeuren/importeren/<int:pk>/bevestigen/",
        preference_import_confirm,
        name="preference_import_confirm",
    ),
    path("beheer/<slug:slug>/plaatsing/voorkeuren/sjabloon.xlsx", preference_template, name="preference_template"),
]
