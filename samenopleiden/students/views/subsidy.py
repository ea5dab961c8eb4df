"""The subsidy estimate (on the count of t-1) and its distribution over the partners; the lead edits the allocation
key. Totals only: no student is named here. Readers of the partnership's totals (lead, steering group, board
members, placement offices) read; the lead changes the key."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError

from .. import schoolyear
from ..forms.subsidy import AllocationKeyForm, SharesForm
from ..models import AllocationKey, AllocationShare
from ..services import subsidy as services
from .common import chosen_year, student_page_context


def subsidy(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    access.require_student_totals(ctx, partnership)
    today = timezone.localdate()
    year = chosen_year(request, today)
    data = services.subsidy_for(partnership, year, today=today)
    return render(
        request,
        "students/subsidy/subsidy.html",
        student_page_context(
            ctx,
            partnership,
            year=year,
            years=data.years,
            data=data,
            steps=[step.text(_) for step in data.estimate.steps],
            warnings=[warning.text(_) for warning in data.estimate.warnings],
            notes=[note.text(_) for note in data.distribution.notes] if data.distribution else [],
            central=[(part, part.reason.text(_)) for part in data.distribution.central] if data.distribution else [],
            rows=[
                (partner, [(part, part.reason.text(_)) for part in partner.share.parts] if partner.share else [])
                for partner in data.partners
            ],
        ),
    )


def allocation_key(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    today = timezone.localdate()
    key = AllocationKey.objects.filter(partnership=partnership).first()
    partners = services.partners_of(partnership, schoolyear.current(today))
    stored = dict(AllocationShare.objects.filter(key=key).values_list("membership_id", "share")) if key else {}
    data = request.POST if request.method == "POST" else None
    form = AllocationKeyForm(data, key=key)
    shares = SharesForm(data, partners=partners, initial_shares=stored, prefix="aandeel")
    back = reverse("students:subsidy", args=[slug])
    if request.method == "POST" and form.is_valid() and shares.is_valid():
        try:
            services.allocation_key_save(
                partnership=partnership,
                values=form.cleaned_data,
                shares=shares.shares(),
                expected_version=form.cleaned_data.get("version"),
                actor=request.user,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("De verdeelsleutel is opgeslagen."))
            return redirect(back)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "students/subsidy/allocation_key.html",
        student_page_context(ctx, partnership, form=form, shares=shares, key=key, cancel_url=back),
        status=status,
    )


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/studenten/subsidie/", subsidy, name="subsidy"),
    path("beheer/<slug:slug>/studenten/subsidie/verdeelsleutel/", allocation_key, name="allocation_key"),
]
