"""Pages for people, roles, credentials, governance bodies and the partnership's own role names."""

from __future__ import annotations

import datetime as dt

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
from samenopleiden.registry.forms import people as forms
from samenopleiden.registry.models import Body, Role
from samenopleiden.registry.selectors import people as selectors
from samenopleiden.registry.selectors.dashboard import role_labels
from samenopleiden.registry.services import people as services


def people(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    q = request.GET.get("q", "").strip()[:100]
    role = request.GET.get("rol", "")
    cluster = request.GET.get("cluster", "")
    rows = selectors.people_rows(
        access.people_visible(ctx, partnership),
        q=q,
        role=role if role in Role.values else "",
        cluster_id=cluster if cluster.isdigit() else None,
        today=timezone.localdate(),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    labels = role_labels(partnership)
    return render(
        request,
        "registry/people/people.html",
        access.page_context(
            ctx,
            partnership,
            nav="people",
            page=page,
            q=q,
            role=role,
            cluster=cluster,
            query=query.urlencode(),
            labels=labels,
            roles=[(value, labels[value]) for value in Role.values],
            clusters=access.clusters_visible(ctx, partnership).order_by("name"),
        ),
    )


def person_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk)
    labels = role_labels(partnership)
    context = access.page_context(
        ctx,
        partnership,
        nav="people",
        person=person,
        labels=labels,
        today=timezone.localdate(),
        soon=timezone.localdate() + dt.timedelta(days=91),
        **selectors.person_detail(person),
    )
    if context["can_change"]:
        context["role_form"] = forms.RoleForm(partnership=partnership, labels=labels)
        context["credential_form"] = forms.CredentialForm()
    return render(request, "registry/people/person_detail.html", context)


def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.PersonForm(request.POST or None, partnership=partnership)

    def save(data: dict):
        data = {k: data[k] for k in forms.PersonForm.Meta.fields}
        return services.person_create(partnership=partnership, data=data, actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_message=_("De persoon is toegevoegd. Geef nu een rol."),
        success_url=lambda person: reverse("registry:person_detail", args=[slug, person.pk]),
        context=access.page_context(
            ctx,
            partnership,
            nav="people",
            title=_("Persoon toevoegen"),
            cancel_url=reverse("registry:people", args=[slug]),
        ),
    )


def person_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    form = forms.PersonForm(request.POST or None, instance=person, partnership=partnership)

    def save(data: dict) -> None:
        services.person_update(
            person=person,
            changes={k: data[k] for k in forms.PersonForm.Meta.fields},
            expected_version=data.get("version"),
            actor=request.user,
        )

    back = reverse("registry:person_detail", args=[slug, pk])
    return form_page(
        request,
        form=form,
        save=save,
        success_url=back,
        context=access.page_context(ctx, partnership, nav="people", title=_("Persoon wijzigen"), cancel_url=back),
    )


def _act(request: HttpRequest, action, success: str, back: str) -> HttpResponse:
    """Run a one-click service call: a DomainError becomes an error message; then go back."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(back)


@require_POST
def person_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    try:
        services.person_delete(person=person, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("registry:person_detail", slug=slug, pk=pk)
    messages.success(request, _("%(name)s is verwijderd.") % {"name": person.full_name})
    return redirect("registry:people", slug=slug)


@require_POST
def person_role_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    form = forms.RoleForm(request.POST, partnership=partnership, labels=role_labels(partnership))
    back = reverse("registry:person_detail", args=[slug, pk])
    if not form.is_valid():
        messages.error(request, _("Kies een rol (en eventueel een cluster van dit partnerschap)."))
        return redirect(back)
    return _act(
        request,
        lambda: services.role_assign(person=person, actor=request.user, **form.cleaned_data),
        _("De rol is toegevoegd."),
        back,
    )


@require_POST
def person_role_end(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    assignment = access.tenant_object_for(ctx, person.roles.all(), item_pk, write=True, partnership=partnership)
    return _act(
        request,
        lambda: services.role_end(assignment=assignment, on=timezone.localdate(), actor=request.user),
        _("De rol is beëindigd."),
        reverse("registry:person_detail", args=[slug, pk]),
    )


@require_POST
def person_credential_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    form = forms.CredentialForm(request.POST)
    back = reverse("registry:person_detail", args=[slug, pk])
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    return _act(
        request,
        lambda: services.credential_add(person=person, data=form.cleaned_data, actor=request.user),
        _("De bekwaamheid is vastgelegd."),
        back,
    )


@require_POST
def person_credential_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    credential = access.tenant_object_for(ctx, person.credentials.all(), item_pk, write=True, partnership=partnership)
    return _act(
        request,
        lambda: services.credential_delete(credential=credential, actor=request.user),
        _("De bekwaamheid is verwijderd."),
        reverse("registry:person_detail", args=[slug, pk]),
    )


@require_POST
def person_invite(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    base_url = request.build_absolute_uri("/").rstrip("/")
    return _act(
        request,
        lambda: services.person_invite(person=person, actor=request.user, base_url=base_url),
        _("Er is een uitnodiging gestuurd naar %(email)s.") % {"email": person.email},
        reverse("registry:person_detail", args=[slug, pk]),
    )


# --- governance bodies -------------------------------------------------------------------------------


def bodies(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    rows = partnership.bodies.prefetch_related("seats__person").order_by("kind", "name")
    return render(
        request, "registry/people/bodies.html", access.page_context(ctx, partnership, nav="bodies", rows=rows)
    )


def body_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.BodyForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.body_save(partnership=partnership, body=None, data=data, actor=request.user),
        success_url=lambda body: reverse("registry:body_detail", args=[slug, body.pk]),
        context=access.page_context(
            ctx,
            partnership,
            nav="bodies",
            title=_("Gremium toevoegen"),
            cancel_url=reverse("registry:bodies", args=[slug]),
        ),
    )


def body_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    body = access.tenant_object_for(ctx, Body.objects.all(), pk, partnership=partnership)
    context = access.page_context(
        ctx,
        partnership,
        nav="bodies",
        body=body,
        seats=body.seats.select_related("person").order_by("seat_role", "person__last_name"),
    )
    if context["can_change"]:
        context["seat_form"] = forms.SeatForm(body=body)
    return render(request, "registry/people/body_detail.html", context)


def body_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    body = access.tenant_object_for(ctx, Body.objects.all(), pk, write=True, partnership=partnership)
    form = forms.BodyForm(request.POST or None, instance=body)
    back = reverse("registry:body_detail", args=[slug, pk])
    return form_page(
        request,
        form=form,
        save=lambda data: services.body_save(partnership=partnership, body=body, data=data, actor=request.user),
        success_url=back,
        context=access.page_context(ctx, partnership, nav="bodies", title=_("Gremium wijzigen"), cancel_url=back),
    )


@require_POST
def body_seat_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    body = access.tenant_object_for(ctx, Body.objects.all(), pk, write=True, partnership=partnership)
    form = forms.SeatForm(request.POST, body=body)
    back = reverse("registry:body_detail", args=[slug, pk])
    if not form.is_valid():
        messages.error(request, _("Kies een persoon van dit partnerschap die nog niet in dit gremium zit."))
        return redirect(back)
    return _act(
        request,
        lambda: services.seat_add(body=body, actor=request.user, **form.cleaned_data),
        _("De persoon is aan het gremium toegevoegd."),
        back,
    )


@require_POST
def body_seat_remove(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    body = access.tenant_object_for(ctx, Body.objects.all(), pk, write=True, partnership=partnership)
    seat = body.seats.select_related("person", "body").filter(pk=item_pk).first()
    back = reverse("registry:body_detail", args=[slug, pk])
    if seat is None:
        messages.error(request, _("Deze persoon zit niet (meer) in dit gremium."))
        return redirect(back)
    return _act(
        request,
        lambda: services.seat_remove(seat=seat, actor=request.user),
        _("De persoon is uit het gremium gehaald."),
        back,
    )


def role_names(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    current = dict(partnership.role_names.values_list("role", "local_name"))
    form = forms.RoleNamesForm(request.POST or None, current=current)
    return form_page(
        request,
        form=form,
        save=lambda data: services.role_names_set(partnership=partnership, names=data, actor=request.user),
        success_url=reverse("registry:people", args=[slug]),
        context=access.page_context(
            ctx,
            partnership,
            nav="people",
            title=_("Eigen namen voor rollen"),
            intro=_(
                "Gebruikt uw partnerschap een eigen naam voor een rol, bijvoorbeeld 'mentor' voor "
                "werkplekbegeleider? Vul die hier in; het platform toont dan uw naam."
            ),
            cancel_url=reverse("registry:people", args=[slug]),
        ),
    )


urlpatterns: list[URLPattern] = [
    path("beheer/<slug:slug>/mensen/", people, name="people"),
    path("beheer/<slug:slug>/mensen/toevoegen/", person_add, name="person_add"),
    path("beheer/<slug:slug>/mensen/rolnamen/", role_names, name="role_names"),
    path("beheer/<slug:slug>/mensen/<int:pk>/", person_detail, name="person_detail"),
    path("beheer/<slug:slug>/mensen/<int:pk>/wijzigen/", person_edit, name="person_edit"),
    path("beheer/<slug:slug>/mensen/<int:pk>/verwijderen/", person_delete, name="person_delete"),
    path("beheer/<slug:slug>/mensen/<int:pk>/rollen/", person_role_add, name="person_role_add"),
    path(
        "beheer/<slug:slug>/mensen/<int:pk>/rollen/<int:item_pk>/beeindigen/", person_role_end, name="person_role_end"
    ),
    path("beheer/<slug:slug>/mensen/<int:pk>/bekwaamheden/", person_credential_add, name="person_credential_add"),
    path(
        "beheer/<slug:slug>/mensen/<int:pk>/bekwaamheden/<int:item_pk>/verwijderen/",
        person_credential_delete,
        name="person_credential_delete",
    ),
    path("beheer/<slug:slug>/mensen/<int:pk>/uitnodigen/", person_invite, name="person_invite"),
    path("beheer/<slug:slug>/gremia/", bodies, name="bodies"),
    path("beheer/<slug:slug>/gremia/toevoegen/", body_add, name="body_add"),
    path("beheer/<slug:slug>/gremia/<int:pk>/", body_detail, name="body_detail"),
    path("beheer/<slug:slug>/gremia/<int:pk>/wijzigen/", body_edit, name="body_edit"),
    path("beheer/<slug:slug>/gremia/<int:pk>/leden/", body_seat_add, name="body_seat_add"),
    path(
        "beheer/<slug:slug>/gremia/<int:pk>/leden/<int:item_pk>/verwijderen/", body_seat_remove, name="body_seat_remove"
    ),
]
