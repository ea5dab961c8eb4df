"""The yearly count and the statement the penvoerder submits for the previous school year (t-1).

Totals are for everyone who reads the partnership's totals (lead, steering group, board members, placement
offices); the count per student names student numbers and is for who may see students (and is recorded)."""

from __future__ import annotations

from collections import Counter

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.exports import record_export, spreadsheet
from samenopleiden.core.forms import DateInput, StyledFormMixin
from samenopleiden.registry.models import Institute

from .. import counting, eligibility, schoolyear, selectors
from ..models import CountStatement, Student
from ..services import statements
from .common import chosen_year, student_page_context

CATEGORY_TEXTS = {
    "a": gettext_lazy("hbo-lerarenopleiding, minstens 40% praktijk"),
    "b": gettext_lazy("eenjarig hbo-programma, minstens 50% praktijk"),
    "c": gettext_lazy("wo-master 60 EC, minstens 40% praktijk"),
    "d": gettext_lazy("wo-master 120 EC, minstens 25% praktijk"),
    "e": gettext_lazy("wo-lerarenopleiding po 180 EC, minstens 40% praktijk"),
    "f": gettext_lazy("wo-bachelor met educatieve minor, minstens 15 EC praktijk"),
    "g": gettext_lazy("benoemd als leraar met geschiktheidsverklaring (zij-instroom)"),
    "h": gettext_lazy("benoemd als leraar en tegelijk in opleiding (a–f)"),
}


class FreezeForm(StyledFormMixin, forms.Form):
    submitted_on = forms.DateField(label=gettext_lazy("Ingediend op"), required=False, widget=DateInput())
    note = forms.CharField(
        label=gettext_lazy("Toelichting"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


def count(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_student_totals(ctx, partnership)
    today = timezone.localdate()
    year = chosen_year(request, today)
    result = counting.count(Student.objects.filter(partnership=partnership), year)
    names = dict(Institute.objects.filter(pk__in=result.by_institute()).values_list("pk", "name"))
    reasons = Counter(o.reason.text(_) for o in result.not_counted)
    return render(
        request,
        "students/count.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            result=result,
            categories=[(c, CATEGORY_TEXTS[c], n) for c, n in result.by_category().items()],
            institutes=sorted(((names[pk], row) for pk, row in result.by_institute().items()), key=lambda r: r[0]),
            category_letters=eligibility.CATEGORIES,
            reasons=reasons.most_common(),
            provisional=result.count_date > today,
            previous=schoolyear.previous(year),
            years=selectors.years_with_students(partnership) or [year],
        ),
    )


def count_export(request: HttpRequest, slug: str) -> HttpResponse:
    """The count per student (studentnummer, categorie, reden, instituut): personal data, recorded."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    if access.student_institutes_for_change(ctx, partnership) is not None:
        raise PermissionDenied  # the whole partnership's count per student: the lead only
    year = chosen_year(request, timezone.localdate())
    rows = statements.count_rows(partnership, year)
    kind = "csv" if request.GET.get("formaat") == "csv" else "xlsx"
    record_export(
        actor=request.user,
        partnership=partnership,
        what=_("telling per student"),
        rows=len(rows),
        detail={"jaar": year},
    )
    header = [_("studentnummer"), _("categorie"), _("reden"), _("instituut")]
    return spreadsheet([(_("Telling"), header, rows)], f"telling-{partnership.slug}-{year}", kind=kind)


def statement(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_student_totals(ctx, partnership)
    today = timezone.localdate()
    year = schoolyear.parse(request.GET.get("jaar", "")) or schoolyear.previous(schoolyear.current(today))
    data = statements.statement_data(partnership, year)
    frozen = list(CountStatement.objects.filter(partnership=partnership, school_year=year).select_related("created_by"))
    return render(
        request,
        "students/statement.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            data=data,
            annex=data["annex"][:50],
            frozen=frozen,
            form=FreezeForm(initial={"submitted_on": today}),
            category_texts=CATEGORY_TEXTS,
            years=selectors.years_with_students(partnership) or [year],
        ),
    )


@require_POST
def statement_freeze(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    year = schoolyear.parse(request.POST.get("jaar", ""))
    form = FreezeForm(request.POST)
    if year is None or not form.is_valid():
        messages.error(request, _("Vul een geldige datum van indienen in."))
        return redirect(reverse("students:statement", args=[slug]) + (f"?jaar={year}" if year else ""))
    try:
        frozen = statements.statement_freeze(
            partnership=partnership,
            school_year=year,
            submitted_on=form.cleaned_data["submitted_on"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(reverse("students:statement", args=[slug]) + f"?jaar={year}")
    messages.success(request, _("De verantwoording over %(year)s is vastgelegd.") % {"year": year})
    return redirect("students:statement_detail", slug=slug, pk=frozen.pk)


def _frozen_data(frozen: CountStatement) -> dict:
    return {
        "school_year": frozen.school_year,
        "count_date": frozen.count_date,
        "total": frozen.total,
        "categories": frozen.totals.get("categories", {}),
        "institutes": frozen.totals.get("institutes", []),
        "not_counted": frozen.totals.get("not_counted", 0),
        "annex": frozen.annex,
    }


def statement_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    frozen = access.count_statement_for(ctx, partnership, pk)
    data = _frozen_data(frozen)
    now = statements.statement_data(partnership, frozen.school_year)
    return render(
        request,
        "students/statement_detail.html",
        student_page_context(
            ctx,
            partnership,
            statement=frozen,
            data=data,
            annex=data["annex"][:50],
            changed_since=now["total"] != frozen.total,
            now_total=now["total"],
            category_texts=CATEGORY_TEXTS,
        ),
    )


def statement_export(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    frozen = access.count_statement_for(ctx, partnership, pk)
    record_export(
        actor=request.user,
        partnership=partnership,
        what=_("verantwoording telling (gepseudonimiseerd)"),
        rows=len(frozen.annex),
        detail={"jaar": frozen.school_year},
    )
    sheets = statements.statement_sheets(partnership, _frozen_data(frozen))
    kind = "csv" if request.GET.get("formaat") == "csv" else "xlsx"
    if kind == "csv":  # a CSV holds one table: the annex
        sheets = sheets[-1:]
    return spreadsheet(sheets, f"verantwoording-{partnership.slug}-{frozen.school_year}", kind=kind)


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/studenten/telling/", count, name="count"),
    path("beheer/<slug:slug>/studenten/telling/export/", count_export, name="count_export"),
    path("beheer/<slug:slug>/studenten/verantwoording/", statement, name="statement"),
    path("beheer/<slug:slug>/studenten/verantwoording/vastleggen/", statement_freeze, name="statement_freeze"),
    path("beheer/<slug:slug>/studenten/verantwoording/<int:pk>/", statement_detail, name="statement_detail"),
    path("beheer/<slug:slug>/studenten/verantwoording/<int:pk>/export/", statement_export, name="statement_export"),
]
