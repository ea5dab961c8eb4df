"""The module's entry page, the places offered and the shortage and oversupplied subjects."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError
from samenopleiden.core.views import form_page
from samenopleiden.students import schoolyear
from samenopleiden.students.models import Student

from .. import selectors
from ..forms.capacity import ClusterCapForm, OfferForm, SubjectForm
from ..models import CapacityOffer, ClusterCap, Period, SubjectStatus
from ..services import capacity as services


def chosen(request: HttpRequest) -> tuple[str, str]:
    """The school year and period in the address (?jaar=2025-2026&periode=jaar), else this year, whole year."""
    year = schoolyear.parse(request.GET.get("jaar", "")) or schoolyear.current(timezone.localdate())
    period = request.GET.get("periode", "")
    return year, period if period in Period.values else Period.YEAR


def page_context(ctx, partnership, **extra):
    return access.page_context(
        ctx,
        partnership,
        **{
            "nav": "placements",
            "runs_rounds": access.runs_rounds(ctx, partnership),
            "periods": Period.choices,
            **extra,
        },
    )


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    year, period = chosen(request)
    offers = CapacityOffer.objects.filter(partnership=partnership, school_year=year, period=period)
    supply = selectors.places_by_subject(offers)
    demand = Counter(
        Student.objects.filter(partnership=partnership, school_year=year).values_list("subject", flat=True)
    )
    statuses = {
        row.subject.lower(): row.status for rows in selectors.subject_lists(partnership).values() for row in rows
    }
    subjects = sorted(set(supply) | set(demand), key=lambda s: (s == "", s.lower()))
    balance = [
        {"subject": s, "places": supply.get(s, 0), "students": demand.get(s, 0), "status": statuses.get(s.lower(), "")}
        for s in subjects
    ]
    return render(
        request,
        "placements/overview.html",
        page_context(
            ctx,
            partnership,
            year=year,
            period=period,
            totals=selectors.totals(partnership, year, period),
            students=sum(demand.values()),
            placed=access.placements_visible(ctx, partnership).filter(student__school_year=year, period=period).count(),
            open_rounds=access.rounds_visible(ctx, partnership).filter(school_year=year, status="open").count(),
            balance=balance,
            years=[schoolyear.shift(schoolyear.current(timezone.localdate()), k) for k in (1, 0, -1)],
        ),
    )


def offers(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    year, period = chosen(request)
    allowed = access.offer_schools_for_change(ctx, partnership)
    return render(
        request,
        "placements/offers.html",
        page_context(
            ctx,
            partnership,
            year=year,
            period=period,
            blocks=selectors.offer_blocks(partnership, year, period),
            totals=selectors.totals(partnership, year, period),
            may_add=allowed is None or bool(allowed),
            changeable=allowed,
            years=[schoolyear.shift(schoolyear.current(timezone.localdate()), k) for k in (1, 0, -1)],
        ),
    )


def _schools_for_form(ctx, partnership):
    schools = services.schools_of(partnership)
    allowed = access.offer_schools_for_change(ctx, partnership)
    return schools if allowed is None else schools.filter(pk__in=allowed)


def offer_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    allowed = access.offer_schools_for_change(ctx, partnership)
    if allowed is not None and not allowed:
        raise PermissionDenied
    year, period = chosen(request)
    form = OfferForm(
        request.POST or None,
        schools=_schools_for_form(ctx, partnership),
        today=timezone.localdate(),
        initial={"school_year": year, "period": period},
    )

    def save(data: dict) -> CapacityOffer:
        values = {name: data[name] for name in OfferForm.Meta.fields}
        return services.offer_create(partnership=partnership, values=values, actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda o: f"{reverse('placements:offers', args=[slug])}?jaar={o.school_year}&periode={o.period}",
        success_message=_("Het aanbod is toegevoegd."),
        context=page_context(
            ctx,
            partnership,
            title=_("Plaatsen aanbieden"),
            intro=_(
                "Eén regel per sectie: het vak (in het primair onderwijs leeg: de hele school) met het aantal "
                "plaatsen in die periode."
            ),
            cancel_url=reverse("placements:offers", args=[slug]),
        ),
    )


def offer_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    offer = access.offer_for(ctx, partnership, pk, write=True)
    form = OfferForm(
        request.POST or None, instance=offer, schools=_schools_for_form(ctx, partnership), today=timezone.localdate()
    )
    back = f"{reverse('placements:offers', args=[slug])}?jaar={offer.school_year}&periode={offer.period}"

    def save(data: dict) -> CapacityOffer:
        changes = {name: data[name] for name in OfferForm.Meta.fields}
        return services.offer_update(
            offer=offer, changes=changes, expected_version=data.get("version"), actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=page_context(
            ctx, partnership, title=_("Aanbod wijzigen: %(offer)s") % {"offer": offer}, cancel_url=back
        ),
    )


@require_POST
def offer_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    offer = access.offer_for(ctx, partnership, pk, write=True)
    back = f"{reverse('placements:offers', args=[slug])}?jaar={offer.school_year}&periode={offer.period}"
    services.offer_delete(offer=offer, actor=request.user)
    messages.success(request, _("Het aanbod is verwijderd."))
    return redirect(back)


def cluster_cap(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A cluster's cap in a school year and period (pk: the cluster), for the lead and the cluster's educators."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    cluster = access.cluster_for(ctx, partnership, pk)
    allowed = access.offer_schools_for_change(ctx, partnership)
    if allowed is not None and not set(cluster.schools.values_list("pk", flat=True)) & allowed:
        raise PermissionDenied
    year, period = chosen(request)
    current = ClusterCap.objects.filter(cluster=cluster, school_year=year, period=period).first()
    form = ClusterCapForm(
        request.POST or None,
        initial={
            "places": current.places if current else cluster.target_places,
            "shortage_reserved": current.shortage_reserved if current else 0,
        },
    )
    back = f"{reverse('placements:offers', args=[slug])}?jaar={year}&periode={period}"
    return form_page(
        request,
        form=form,
        save=lambda data: services.cluster_cap_set(
            cluster=cluster, school_year=year, period=period, actor=request.user, **data
        ),
        success_url=back,
        context=page_context(
            ctx,
            partnership,
            title=_("Plafond van %(cluster)s in %(year)s") % {"cluster": cluster.name, "year": year},
            intro=_("Het cluster neemt nooit meer studenten dan dit, ook als zijn scholen samen meer plaatsen bieden."),
            cancel_url=back,
        ),
    )


def subjects(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    form = SubjectForm(request.POST or None)
    if request.method == "POST":
        access.require(ctx, Perm.CHANGE, partnership)
        if form.is_valid():
            try:
                services.subject_set(partnership=partnership, actor=request.user, **form.cleaned_data)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Het vak staat op de lijst."))
                return redirect("placements:subjects", slug=slug)
    lists = selectors.subject_lists(partnership)
    return render(
        request,
        "placements/subjects.html",
        page_context(
            ctx,
            partnership,
            form=form,
            shortage=lists.get(SubjectStatus.Status.SHORTAGE, []),
            oversupplied=lists.get(SubjectStatus.Status.OVERSUPPLIED, []),
        ),
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def subject_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    row = access.tenant_object_for(ctx, SubjectStatus.objects.all(), pk, write=True, partnership=partnership)
    services.subject_remove(row=row, actor=request.user)
    messages.success(request, _("%(subject)s staat niet meer op de lijst.") % {"subject": row.subject})
    return redirect("placements:subjects", slug=slug)


def placements(request: HttpRequest, slug: str) -> HttpResponse:
    """Confirmed placements: what schools, clusters and educators see."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    year, period = chosen(request)
    rows = (
        access.placements_visible(ctx, partnership)
        .filter(student__school_year=year, period=period)
        .select_related("student", "student__institute", "school", "cluster", "offer")
        .order_by("cluster__name", "school__name", "student__student_number")
    )
    return render(
        request,
        "placements/placements.html",
        page_context(
            ctx,
            partnership,
            year=year,
            period=period,
            rows=list(rows),
            years=[schoolyear.shift(schoolyear.current(timezone.localdate()), k) for k in (1, 0, -1)],
        ),
    )


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/plaatsing/", overview, name="overview"),
    path("beheer/<slug:slug>/plaatsing/aanbod/", offers, name="offers"),
    path("beheer/<slug:slug>/plaatsing/aanbod/nieuw/", offer_add, name="offer_add"),
    path("beheer/<slug:slug>/plaatsing/aanbod/<int:pk>/", offer_edit, name="offer_edit"),
    path("beheer/<slug:slug>/plaatsing/aanbod/<int:pk>/verwijderen/", offer_delete, name="offer_delete"),
    path("beheer/<slug:slug>/plaatsing/clusters/<int:pk>/plafond/", cluster_cap, name="cluster_cap"),
    path("beheer/<slug:slug>/plaatsing/vakken/", subjects, name="subjects"),
    path("beheer/<slug:slug>/plaatsing/vakken/<int:pk>/verwijderen/", subject_remove, name="subject_remove"),
    path("beheer/<slug:slug>/plaatsing/plaatsingen/", placements, name="placements"),
]
