"""Matching rounds: open a round, let schools rank students (market), run it in the background, review a run with
its explanations, set locks by hand and run again, compare two runs, confirm one, export it and tell the schools.
For the programme lead and placement offices (access.runs_rounds / round_for)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.errors import DomainError
from samenopleiden.core.exports import record_export, spreadsheet
from samenopleiden.core.models import Job
from samenopleiden.core.views import form_page
from samenopleiden.registry.models import Institute, Role

from .. import engine
from ..forms.rounds import RankingForm, RoundForm
from ..models import CapacityOffer, MatchingRound, RoundLock, SchoolRanking
from ..services import rounds as services
from ..services.capacity import schools_of
from .capacity import page_context


def _require(ctx, partnership) -> None:
    if not access.runs_rounds(ctx, partnership):
        raise PermissionDenied


def round_list(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    _require(ctx, partnership)
    rows = access.rounds_visible(ctx, partnership).select_related("institute").order_by("-created_at")
    return render(request, "placements/rounds.html", page_context(ctx, partnership, rows=list(rows)))


def _institutes(ctx, partnership):
    institutes = Institute.objects.filter(memberships__partnership=partnership).order_by("name")
    own = ctx.institutes.get(partnership.pk)
    return (
        (institutes.filter(pk__in=own), True)
        if own and not ctx.can(access.Perm.CHANGE, partnership)
        else (
            institutes,
            False,
        )
    )


def round_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    _require(ctx, partnership)
    institutes, required = _institutes(ctx, partnership)
    form = RoundForm(
        request.POST or None, institutes=institutes, institute_required=required, today=timezone.localdate()
    )

    def save(data: dict) -> MatchingRound:
        values = {name: data[name] for name in RoundForm.Meta.fields}
        return services.round_create(
            partnership=partnership, values={**values, "weights": form.weights()}, actor=request.user
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda r: reverse("placements:round_detail", args=[slug, r.pk]),
        success_message=_("De ronde is geopend."),
        context=page_context(
            ctx,
            partnership,
            title=_("Plaatsingsronde openen"),
            intro=_(
                "Kies de werkwijze. Toewijzen: het rekenmodel verdeelt alle studenten zo goed mogelijk. "
                "Stagemarkt: studenten en scholen kiezen elkaar; de uitkomst is stabiel (geen student en school "
                "die elkaar liever hadden gehad). Gemengd: eerst de markt, dan de rest toewijzen. De gewichten "
                "bepalen wat zwaarder weegt; de standaard plaatst eerst zo veel mogelijk studenten."
            ),
            cancel_url=reverse("placements:rounds", args=[slug]),
        ),
    )


def round_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    matching_round = access.round_for(ctx, partnership, pk)
    runs = list(matching_round.runs.order_by("-number"))
    running = (
        Job.objects.filter(partnership=partnership, kind=services.JOB_KIND, arguments__round_id=matching_round.pk)
        .order_by("-created_at")
        .first()
    )
    locks = list(matching_round.locks.select_related("student", "offer", "offer__school"))
    scope = services.students_in_scope(matching_round)
    return render(
        request,
        "placements/round_detail.html",
        page_context(
            ctx,
            partnership,
            round=matching_round,
            runs=runs,
            job=running,  # the latest run's job: its progress, or its outcome with a link, or why it failed
            locks=locks,
            students=scope.count(),
            rankings=SchoolRanking.objects.filter(round=matching_round).values("school").distinct().count(),
        ),
    )


@require_POST
def round_run(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    matching_round = access.round_for(ctx, partnership, pk)
    try:
        services.run_start(matching_round=matching_round, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("De ronde wordt gedraaid. U kunt deze pagina open laten of later terugkomen."))
    return redirect("placements:round_detail", slug=slug, pk=matching_round.pk)


def run_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    run = access.run_for(ctx, partnership, pk)
    result = services.run_result(run)
    offers = CapacityOffer.objects.in_bulk([int(a.offer.split(":")[1]) for a in result.assignments if a.offer])
    rows = []
    for a in sorted(result.assignments, key=lambda a: (a.placed, a.rank or 99, a.student)):
        offer = offers.get(int(a.offer.split(":")[1])) if a.offer else None
        rows.append(
            {
                "a": a,
                "offer": offer,
                "text": a.explanation.text(_),
                "student_pk": run.result.get("student_rows", {}).get(a.student),
            }
        )
    open_offers = (
        CapacityOffer.objects.filter(partnership=partnership, school_year=run.round.school_year)
        .select_related("school")
        .order_by("school__name", "subject")
    )
    return render(
        request,
        "placements/run_detail.html",
        page_context(
            ctx,
            partnership,
            run=run,
            round=run.round,
            result=result,
            figures=result.figures,
            rows=rows,
            unplaced=[r for r in rows if not r["a"].placed],
            placed=[r for r in rows if r["a"].placed],
            offers=list(open_offers),
            other_runs=[r for r in run.round.runs.order_by("-number") if r.pk != run.pk],
        ),
    )


@require_POST
def lock_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Lock a student on an offer (or exclude an offer) for the next run of the round (pk: the round)."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    matching_round = access.round_for(ctx, partnership, pk)
    student = access.student_for(ctx, partnership, request.POST.get("student"))
    try:
        offer = access.offer_for(ctx, partnership, request.POST.get("offer"))
        services.lock_set(
            matching_round=matching_round,
            student=student,
            offer=offer,
            kind=request.POST.get("kind") if request.POST.get("kind") in RoundLock.Kind.values else RoundLock.Kind.LOCK,
            actor=request.user,
        )
    except (DomainError, Http404) as exc:
        messages.error(request, getattr(exc, "message", _("Kies een aanbod van dit partnerschap.")))
    else:
        messages.success(request, _("Vastgelegd. Draai de ronde opnieuw om het mee te nemen."))
    return redirect(
        request.POST.get("next")
        if str(request.POST.get("next", "")).startswith(f"/beheer/{slug}/")
        else reverse("placements:round_detail", args=[slug, matching_round.pk])
    )


@require_POST
def lock_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    matching_round = access.round_for(ctx, partnership, pk)
    lock = matching_round.locks.filter(pk=item_pk).first()
    if lock is None:
        messages.info(request, _("Die keuze was er al niet meer."))
    else:
        services.lock_remove(lock=lock, actor=request.user)
        messages.success(request, _("De handmatige keuze is weggehaald."))
    return redirect("placements:round_detail", slug=slug, pk=matching_round.pk)


def run_compare(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Run pk beside the run in ?met=: who moved, and the figures side by side."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    run = access.run_for(ctx, partnership, pk)
    other = access.run_for(ctx, partnership, request.GET.get("met", ""))
    if other.round_id != run.round_id:
        raise Http404
    comparison = engine.compare(services.run_result(other), services.run_result(run))
    return render(
        request,
        "placements/run_compare.html",
        page_context(
            ctx,
            partnership,
            run=run,
            other=other,
            round=run.round,
            comparison=comparison,
            first=services.run_result(other).figures,
            second=services.run_result(run).figures,
        ),
    )


@require_POST
def run_confirm(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    run = access.run_for(ctx, partnership, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        count = services.run_confirm(run=run, expected_version=version, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("placements:run_detail", slug=slug, pk=run.pk)
    messages.success(
        request, _("Bevestigd: %(n)s plaatsingen. Scholen, clusters en opleiders zien ze nu.") % {"n": count}
    )
    return redirect("placements:round_detail", slug=slug, pk=run.round_id)


def run_export(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    run = access.run_for(ctx, partnership, pk)
    result = services.run_result(run)
    offers = CapacityOffer.objects.select_related("school").in_bulk(
        [int(a.offer.split(":")[1]) for a in result.assignments if a.offer]
    )
    header = [_("student"), _("geplaatst"), _("school"), _("vak"), _("wens"), _("km"), _("toelichting")]
    table = []
    for a in result.assignments:
        offer = offers.get(int(a.offer.split(":")[1])) if a.offer else None
        table.append(
            [
                a.student,
                _("ja") if a.placed else _("nee"),
                offer.school.name if offer else "",
                offer.subject if offer else "",
                a.rank or "",
                round(a.km, 1) if a.km is not None else "",
                a.explanation.text(_),
            ]
        )
    record_export(
        actor=request.user,
        partnership=partnership,
        what=_("plaatsingsronde"),
        rows=len(table),
        detail={"ronde": run.round.name, "run": run.number},
    )
    return spreadsheet([(_("Plaatsingen"), header, table)], f"ronde-{run.round_id}-run-{run.number}", kind="xlsx")


def run_messages(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Per school the students it gets; POST sends each school's message to its schoolopleiders by e-mail."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    run = access.run_for(ctx, partnership, pk)
    letters = services.school_messages(run)
    educators = {}
    for row in (
        partnership.role_assignments.filter(
            role__in=[Role.SCHOOL_TEACHER_EDUCATOR, Role.SCHOOL_COORDINATOR], end_date__isnull=True
        )
        .select_related("person", "cluster")
        .prefetch_related("cluster__schools")
    ):
        schools = [s.pk for s in row.cluster.schools.all()] if row.cluster else [row.person.school_id]
        for school_id in schools:
            if row.person.email:
                educators.setdefault(school_id, set()).add(row.person.email)
    for letter in letters:
        letter["recipients"] = sorted(educators.get(letter["school"].pk, set()))
    if request.method == "POST":
        if run.round.status != MatchingRound.Status.CONFIRMED or run.round.confirmed_run_id != run.pk:
            messages.error(request, _("Stuur berichten pas na het bevestigen van deze run."))
            return redirect("placements:run_messages", slug=slug, pk=run.pk)
        sent = 0
        for letter in letters:
            if letter["recipients"]:
                body = _(
                    "Voor %(school)s zijn deze studenten geplaatst (%(round)s):\n\n%(lines)s\n\nZie het platform "
                    "voor de toelichting per student."
                ) % {"school": letter["school"].name, "round": run.round.name, "lines": "\n".join(letter["lines"])}
                send_mail(
                    _("Geplaatste studenten: %(school)s") % {"school": letter["school"].name},
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    letter["recipients"],
                )
                sent += 1
        messages.success(request, _("%(n)s berichten verstuurd.") % {"n": sent})
        return redirect("placements:run_messages", slug=slug, pk=run.pk)
    return render(
        request,
        "placements/run_messages.html",
        page_context(ctx, partnership, run=run, round=run.round, letters=letters),
    )


def rankings(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The schools' orders of students in a round (pk: the round); ?school= picks the school to edit."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    matching_round = access.round_for(ctx, partnership, pk)
    schools = list(schools_of(partnership).order_by("name"))
    chosen = next((s for s in schools if str(s.pk) == request.GET.get("school", "")), schools[0] if schools else None)
    current = (
        SchoolRanking.objects.filter(round=matching_round, school=chosen).select_related("student") if chosen else []
    )
    ids = services.student_ids(list(services.students_in_scope(matching_round)))
    form = RankingForm(
        request.POST or None,
        initial={
            "students": "\n".join(ids.get(r.student_id, r.student.student_number) for r in current),
            "only_ranked": any(r.only_ranked for r in current),
        },
    )
    if request.method == "POST" and chosen is not None and form.is_valid():
        try:
            services.ranking_set(
                matching_round=matching_round,
                school=chosen,
                numbers=form.cleaned_data["students"].splitlines(),
                only_ranked=form.cleaned_data["only_ranked"],
                actor=request.user,
            )
        except DomainError as exc:
            form.add_error("students", exc.message)
        else:
            messages.success(request, _("De volgorde van %(school)s is opgeslagen.") % {"school": chosen.name})
            return redirect(f"{reverse('placements:rankings', args=[slug, matching_round.pk])}?school={chosen.pk}")
    counts = {
        row["school"]: row["n"]
        for row in SchoolRanking.objects.filter(round=matching_round).values("school").annotate(n=Count("pk"))
    }
    return render(
        request,
        "placements/rankings.html",
        page_context(ctx, partnership, round=matching_round, schools=schools, chosen=chosen, form=form, counts=counts),
        status=400 if request.method == "POST" else 200,
    )


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/plaatsing/rondes/", round_list, name="rounds"),
    path("beheer/<slug:slug>/plaatsing/rondes/nieuw/", round_add, name="round_add"),
    path("beheer/<slug:slug>/plaatsing/rondes/<int:pk>/", round_detail, name="round_detail"),
    path("beheer/<slug:slug>/plaatsing/rondes/<int:pk>/draaien/", round_run, name="round_run"),
    path("beheer/<slug:slug>/plaatsing/rondes/<int:pk>/rangordes/", rankings, name="rankings"),
    path("beheer/<slug:slug>/plaatsing/rondes/<int:pk>/vastzetten/", lock_add, name="lock_add"),
    path("beheer/<slug:slug>/plaatsing/rondes/<int:pk>/vastzetten/<int:item_pk>/weg/", lock_remove, name="lock_remove"),
    path("beheer/<slug:slug>/plaatsing/runs/<int:pk>/", run_detail, name="run_detail"),
    path("beheer/<slug:slug>/plaatsing/runs/<int:pk>/vergelijken/", run_compare, name="run_compare"),
    path("beheer/<slug:slug>/plaatsing/runs/<int:pk>/bevestigen/", run_confirm, name="run_confirm"),
    path("beheer/<slug:slug>/plaatsing/runs/<int:pk>/export.xlsx", run_export, name="run_export"),
    path("beheer/<slug:slug>/plaatsing/runs/<int:pk>/berichten/", run_messages, name="run_messages"),
]
