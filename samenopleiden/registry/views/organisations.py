"""Pages for a partnership's organisations: the partnership, boards, schools, institutes, memberships, clusters."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
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
from samenopleiden.registry.forms import organisations as forms
from samenopleiden.registry.models import Institute, Membership, School, SchoolBoard, Sector
from samenopleiden.registry.selectors import organisations as selectors
from samenopleiden.registry.services import organisations as services


def _version(data: dict) -> int | None:
    return data.get("version")


def _fields(data: dict, form_class: type) -> dict:
    return {name: data[name] for name in form_class.Meta.fields if name in data}


# --- the partnership ---------------------------------------------------------------------------------


def partnership_edit(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.PartnershipForm(request.POST or None, instance=partnership)

    def save(data: dict) -> None:
        changes = {k: v for k, v in _fields(data, forms.PartnershipForm).items() if k != "regions"}
        services.partnership_update(
            partnership=partnership,
            changes=changes,
            regions=data["regions"],
            new_region=data.get("new_region", ""),
            expected_version=_version(data),
            actor=request.user,
        )

    due = partnership.next_peer_review_due
    if due:
        intro = _("Volgende peer review uiterlijk: %(date)s.") % {"date": due.strftime("%d-%m-%Y")}
    else:
        intro = _(
            "De datum van de volgende peer review volgt zodra de datums van erkenning of aspirantschap bekend zijn."
        )
    return form_page(
        request,
        form=form,
        save=save,
        success_url=reverse("registry:dashboard", args=[slug]),
        context=access.page_context(ctx, partnership, nav="edit", title=_("Gegevens partnerschap"), intro=intro),
    )


# --- boards ------------------------------------------------------------------------------------------


def boards(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    return render(
        request,
        "registry/organisations/boards.html",
        access.page_context(ctx, partnership, nav="boards", rows=selectors.board_rows(partnership)),
    )


def _join_page(
    request: HttpRequest,
    partnership,
    *,
    form,
    join,
    nav: str,
    title: str,
    message: str,
    template: str = "core/form_page.html",
    **extra,
) -> HttpResponse:
    """The pages that add a board, school or institute: the membership fields are the same for all three."""

    def save(data: dict) -> None:
        join(
            data,
            partnership=partnership,
            role=data["role"],
            start_date=data["start_date"],
            agreement_signed_on=data["agreement_signed_on"],
            actor=request.user,
        )

    back = reverse(f"registry:{nav}", args=[partnership.slug])
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        success_message=message,
        template=template,
        context=access.page_context(
            request.ctx,
            partnership,
            nav=nav,
            title=title,  # type: ignore
            cancel_url=back,
            **extra,
        ),
    )


def board_add(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.partnership_for(request.ctx, slug, Perm.CHANGE)  # type: ignore[attr-defined]
    search = (request.POST.get("zoek") or request.GET.get("zoek") or "").strip()[:100]
    form = forms.BoardAddForm(request.POST or None, partnership=partnership, search=search)
    return _join_page(
        request,
        partnership,
        form=form,
        nav="boards",
        title=_("Schoolbestuur toevoegen"),
        message=_("Het bestuur is toegevoegd."),
        template="registry/organisations/board_add.html",
        search=search,
        join=lambda data, **membership: services.board_join(
            board=data["existing"],
            new_board={"name": data["name"], "authority_code": data["authority_code"], "city": data["city"]},
            **membership,
        ),
    )


def board_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    board = access.shared_object_for_change(ctx, SchoolBoard.objects.all(), pk, partnership)
    form = forms.BoardForm(request.POST or None, instance=board)
    return _shared_edit(request, ctx, partnership, board, form, "boards", _("Schoolbestuur wijzigen"))


def _shared_edit(request, ctx, partnership, obj, form, nav: str, title: str) -> HttpResponse:
    def save(data: dict) -> None:
        services.shared_update(
            obj=obj,
            partnership=partnership,
            changes=_fields(data, type(form)),
            expected_version=_version(data),
            actor=request.user,
        )

    back = reverse(f"registry:{nav}", args=[partnership.slug])
    intro = _("Let op: deze gegevens zijn ook zichtbaar voor andere partnerschappen waarin %(name)s meedoet.") % {
        "name": obj
    }
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav=nav, title=title, intro=intro, cancel_url=back),
    )


# --- schools -----------------------------------------------------------------------------------------


def schools(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    q = request.GET.get("q", "").strip()[:100]
    role = request.GET.get("rol", "")
    board = request.GET.get("bestuur", "")
    rows = selectors.school_rows(partnership, q=q, role=role, board_id=board if board.isdigit() else None)
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "registry/organisations/schools.html",
        access.page_context(
            ctx,
            partnership,
            nav="schools",
            page=page,
            q=q,
            role=role,
            board=board,
            query=query.urlencode(),
            boards=SchoolBoard.objects.filter(memberships__partnership=partnership).order_by("name"),
            roles=Membership.Role.choices,
        ),
    )


def school_add(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.partnership_for(request.ctx, slug, Perm.CHANGE)  # type: ignore[attr-defined]
    form = forms.SchoolAddForm(request.POST or None, partnership=partnership)
    school_fields = ["name", "board", "sector", "denomination", "concept", "street", "postcode", "city", "municipality"]
    return _join_page(
        request,
        partnership,
        form=form,
        nav="schools",
        title=_("School toevoegen"),
        message=_("De school is toegevoegd."),
        join=lambda data, **membership: services.school_join(
            brin=data["brin"],
            branch_code=data["branch_code"],
            new_school={k: data[k] for k in school_fields},
            **membership,
        ),
    )


def school_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    school = access.shared_object_for_change(ctx, School.objects.all(), pk, partnership)
    form = forms.SchoolForm(request.POST or None, instance=school)
    return _shared_edit(request, ctx, partnership, school, form, "schools", _("School wijzigen"))


# --- institutes --------------------------------------------------------------------------------------


def institutes(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    return render(
        request,
        "registry/organisations/institutes.html",
        access.page_context(
            ctx,
            partnership,
            nav="institutes",
            rows=selectors.institute_rows(partnership),
            sectors=Sector.choices,
        ),
    )


def institute_add(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.partnership_for(request.ctx, slug, Perm.CHANGE)  # type: ignore[attr-defined]
    form = forms.InstituteAddForm(request.POST or None, partnership=partnership)
    return _join_page(
        request,
        partnership,
        form=form,
        nav="institutes",
        title=_("Lerarenopleiding toevoegen"),
        message=_("De lerarenopleiding is toegevoegd."),
        join=lambda data, **membership: services.institute_join(
            institute=data["existing"],
            new_institute={k: data[k] for k in ("code", "name", "level", "city")},
            **membership,
        ),
    )


def institute_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    institute = access.shared_object_for_change(ctx, Institute.objects.all(), pk, partnership)
    if request.method == "POST" and request.POST.get("action") in {"programme_add", "programme_remove"}:
        try:
            if request.POST["action"] == "programme_add":
                pform = forms.ProgrammeForm(request.POST)
                if not pform.is_valid():
                    raise DomainError(_("Vul de naam van de opleiding in."))
                services.programme_add(
                    institute=institute, partnership=partnership, actor=request.user, **pform.cleaned_data
                )
            else:
                programme_id = request.POST.get("programme", "")
                programme = institute.programmes.filter(pk=programme_id).first() if programme_id.isdigit() else None
                if programme is None:
                    raise DomainError(_("Deze opleiding bestaat niet (meer)."))
                services.programme_remove(programme=programme, partnership=partnership, actor=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        return redirect("registry:institutes", slug=slug)
    form = forms.InstituteForm(request.POST or None, instance=institute)
    return _shared_edit(request, ctx, partnership, institute, form, "institutes", _("Lerarenopleiding wijzigen"))


# --- memberships -------------------------------------------------------------------------------------


def _back_for(membership: Membership) -> str:
    nav = {"board": "boards", "school": "schools", "institute": "institutes"}[membership.kind]
    return reverse(f"registry:{nav}", args=[membership.partnership.slug])


def membership_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    membership = access.tenant_object_for(
        ctx, Membership.objects.select_related("board", "school", "institute"), pk, write=True, partnership=partnership
    )
    form = forms.MembershipForm(request.POST or None, instance=membership)

    def save(data: dict) -> None:
        services.membership_update(
            membership=membership,
            changes=_fields(data, forms.MembershipForm),
            expected_version=_version(data),
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=_back_for(membership),
        template="registry/organisations/membership_edit.html",
        context=access.page_context(
            ctx,
            partnership,
            nav={"board": "boards", "school": "schools", "institute": "institutes"}[membership.kind],
            membership=membership,
            title=_("Deelname van %(party)s") % {"party": membership.party},
            cancel_url=_back_for(membership),
        ),
    )


@require_POST
def membership_end(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    membership = access.tenant_object_for(
        ctx, Membership.objects.select_related("partnership"), pk, write=True, partnership=partnership
    )
    try:
        services.membership_end(membership=membership, on=timezone.localdate(), actor=request.user)
        messages.success(request, _("De deelname van %(party)s is beëindigd.") % {"party": membership.party})
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect(_back_for(membership))


# --- clusters ----------------------------------------------------------------------------------------


def clusters(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    rows = selectors.cluster_rows(access.clusters_visible(ctx, partnership), today=timezone.localdate())
    return render(
        request,
        "registry/organisations/clusters.html",
        access.page_context(ctx, partnership, nav="clusters", rows=rows),
    )


def cluster_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.ClusterForm(request.POST or None, partnership=partnership)

    def save(data: dict):
        return services.cluster_create(
            partnership=partnership,
            board=data["board"],
            name=data["name"],
            target_places=data["target_places"],
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda cluster: reverse("registry:cluster_detail", args=[slug, cluster.pk]),
        success_message=_("De cluster is aangemaakt. Voeg nu de scholen toe."),
        context=access.page_context(
            ctx,
            partnership,
            nav="clusters",
            title=_("Cluster aanmaken"),
            cancel_url=reverse("registry:clusters", args=[slug]),
        ),
    )


def cluster_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    cluster = access.cluster_for(ctx, partnership, pk)
    return render(request, "registry/organisations/cluster_detail.html", _cluster_context(ctx, partnership, cluster))


def _cluster_context(ctx, partnership, cluster, form=None, notice: str = "") -> dict:
    return access.page_context(
        ctx,
        partnership,
        nav="clusters",
        cluster=cluster,
        notice=notice,
        schools=cluster.schools.order_by("name"),
        people=selectors.cluster_people(cluster, today=timezone.localdate()),
        form=form or (forms.ClusterSchoolForm(cluster=cluster) if ctx.can(Perm.CHANGE, partnership) else None),
    )


def cluster_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    cluster = access.cluster_for(ctx, partnership, pk, write=True)
    form = forms.ClusterForm(request.POST or None, instance=cluster, partnership=partnership)

    def save(data: dict) -> None:
        services.cluster_update(
            cluster=cluster,
            changes=_fields(data, forms.ClusterForm),
            expected_version=_version(data),
            actor=request.user,
        )

    back = reverse("registry:cluster_detail", args=[slug, pk])
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav="clusters", title=_("Cluster wijzigen"), cancel_url=back),
    )


def _cluster_schools_response(
    request, ctx, partnership, cluster, *, form=None, notice: str = "", error: bool = False
) -> HttpResponse:
    """HTMX: the refreshed schools fragment. Without JavaScript: back to the cluster page with a message."""
    if request.headers.get("HX-Request"):
        return render(
            request,
            "registry/organisations/_cluster_schools.html",
            _cluster_context(ctx, partnership, cluster, form, notice=notice),
        )
    if notice:
        (messages.error if error else messages.success)(request, notice)
    return redirect("registry:cluster_detail", slug=partnership.slug, pk=cluster.pk)


@require_POST
def cluster_school_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    cluster = access.cluster_for(ctx, partnership, pk, write=True)
    form = forms.ClusterSchoolForm(request.POST, cluster=cluster)
    if form.is_valid():
        school = form.cleaned_data["school"]
        try:
            services.cluster_add_school(cluster=cluster, school=school, actor=request.user)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            notice = _("%(school)s is aan de cluster toegevoegd.") % {"school": school.name}
            return _cluster_schools_response(request, ctx, partnership, cluster, notice=notice)
    text = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return _cluster_schools_response(request, ctx, partnership, cluster, form=form, notice=text, error=True)


@require_POST
def cluster_school_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    cluster = access.cluster_for(ctx, partnership, pk, write=True)
    school = cluster.schools.filter(pk=item_pk).first()
    if school is None:
        notice, error = _("Deze school hoort niet (meer) bij de cluster."), True
    else:
        services.cluster_remove_school(cluster=cluster, school=school, actor=request.user)
        notice, error = _("%(school)s is uit de cluster gehaald.") % {"school": school.name}, False
    return _cluster_schools_response(request, ctx, partnership, cluster, notice=notice, error=error)


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/gegevens/", partnership_edit, name="partnership_edit"),
    path("beheer/<slug:slug>/besturen/", boards, name="boards"),
    path("beheer/<slug:slug>/besturen/toevoegen/", board_add, name="board_add"),
    path("beheer/<slug:slug>/besturen/<int:pk>/", board_edit, name="board_edit"),
    path("beheer/<slug:slug>/scholen/", schools, name="schools"),
    path("beheer/<slug:slug>/scholen/toevoegen/", school_add, name="school_add"),
    path("beheer/<slug:slug>/scholen/<int:pk>/", school_edit, name="school_edit"),
    path("beheer/<slug:slug>/lerarenopleidingen/", institutes, name="institutes"),
    path("beheer/<slug:slug>/lerarenopleidingen/toevoegen/", institute_add, name="institute_add"),
    path("beheer/<slug:slug>/lerarenopleidingen/<int:pk>/", institute_edit, name="institute_edit"),
    path("beheer/<slug:slug>/deelnames/<int:pk>/", membership_edit, name="membership_edit"),
    path("beheer/<slug:slug>/deelnames/<int:pk>/beeindigen/", membership_end, name="membership_end"),
    path("beheer/<slug:slug>/clusters/", clusters, name="clusters"),
    path("beheer/<slug:slug>/clusters/nieuw/", cluster_add, name="cluster_add"),
    path("beheer/<slug:slug>/clusters/<int:pk>/", cluster_detail, name="cluster_detail"),
    path("beheer/<slug:slug>/clusters/<int:pk>/wijzigen/", cluster_edit, name="cluster_edit"),
    path("beheer/<slug:slug>/clusters/<int:pk>/scholen/", cluster_school_add, name="cluster_school_add"),
    path(
        "beheer/<slug:slug>/clusters/<int:pk>/scholen/<int:item_pk>/verwijderen/",
        cluster_school_remove,
        name="cluster_school_remove",
    ),
]
