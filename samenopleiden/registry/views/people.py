"""Pages for people, roles, credentials, governance bodies and the partnership's own role names.

Who may do what: leads (Perm.CHANGE) change everything here; readers see every person and body;
educators see the people with a role in their own cluster(s) and nothing of the bodies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
from samenopleiden.registry.services import people as services


def people(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    q = request.GET.get("q", "").strip()[:100]
    role = request.GET.get("rol", "")
    role = role if role in Role.values else ""
    clusters = list(access.clusters_visible(ctx, partnership).order_by("name"))
    cluster = request.GET.get("cluster", "")
    cluster = cluster if cluster in {str(c.pk) for c in clusters} else ""
    rows = selectors.people_rows(
        access.people_visible(ctx, partnership),
        q=q,
        role=role,
        cluster_id=int(cluster) if cluster else None,
        today=timezone.localdate(),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    labels = selectors.role_labels(partnership)
    return render(
        request,
        "registry/people/people.html",
        access.page_context(
            ctx,
            partnership,
            nav="people",
            page=page,
            rows=selectors.with_clusters(page.object_list),
            q=q,
            role=role,
            cluster=cluster,
            filtered=bool(q or role or cluster),
            query=query.urlencode(),
            labels=labels,
            roles=[(value, labels[value]) for value in Role.values],
            clusters=clusters,
        ),
    )


def person_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk)
    labels = selectors.role_labels(partnership)
    context = access.page_context(
        ctx,
        partnership,
        nav="people",
        person=person,
        labels=labels,
        **selectors.person_detail(person, today=timezone.localdate()),
    )
    if context["can_change"]:
        context["role_form"] = forms.RoleForm(partnership=partnership, labels=labels, auto_id="id_role_%s")
        context["credential_form"] = forms.CredentialForm(auto_id="id_credential_%s")
    return render(request, "registry/people/person_detail.html", context)


def _person_form_page(
    request: HttpRequest,
    *,
    form: forms.PersonForm,
    save: Callable[[dict[str, Any]], Any],
    success_url: Callable[[Any], str],
    context: dict[str, Any],
    success_message: str,
) -> HttpResponse:
    """core.views.form_page, plus a link to the existing person when the service finds a duplicate."""
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except services.DuplicatePersonError as exc:
            form.add_error(None, exc.message)
            existing = exc.existing
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success_message)
            return redirect(success_url(result))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "registry/people/person_form.html", {**context, "form": form, "existing": existing}, status=status
    )


def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.PersonForm(request.POST or None, partnership=partnership)
    return _person_form_page(
        request,
        form=form,
        save=lambda data: services.person_create(partnership=partnership, data=data, actor=request.user),
        success_message=_("De persoon is toegevoegd. Geef de persoon nu een rol."),
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
    back = reverse("registry:person_detail", args=[slug, pk])
    return _person_form_page(
        request,
        form=form,
        save=lambda data: services.person_update(
            person=person, changes=data, expected_version=data.get("version"), actor=request.user
        ),
        success_message=_("De gegevens zijn opgeslagen."),
        success_url=lambda _result: back,
        context=access.page_context(
            ctx,
            partnership,
            nav="people",
            title=_("Gegevens van %(name)s wijzigen") % {"name": person.full_name},
            cancel_url=back,
        ),
    )


def _act(request: HttpRequest, action: Callable[[], Any], success: str, back: str) -> HttpResponse:
    """Run a one-click service call: a DomainError becomes an error message; then go back."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(back)


def person_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    if request.method != "POST":
        return render(
            request,
            "registry/people/person_delete.html",
            access.page_context(ctx, partnership, nav="people", person=person),
        )
    name = person.full_name
    try:
        services.person_delete(person=person, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("registry:person_detail", slug=slug, pk=pk)
    messages.success(request, _("%(name)s is verwijderd.") % {"name": name})
    return redirect("registry:people", slug=slug)


@require_POST
def person_role_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    person = access.person_for(ctx, partnership, pk, write=True)
    form = forms.RoleForm(request.POST, partnership=partnership, labels=selectors.role_labels(partnership))
    back = reverse("registry:person_detail", args=[slug, pk])
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(
            request,
            _("De rol is niet toegevoegd: %(errors)s") % {"errors": " ".join(errors)}
            if "end_date" in form.errors
            else _("Kies een rol en eventueel een cluster van dit partnerschap, en geef geldige datums."),
        )
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
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, _("De bekwaamheid is niet vastgelegd: %(errors)s") % {"errors": " ".join(errors)})
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
    return render(
        request,
        "registry/people/bodies.html",
        access.page_context(ctx, partnership, nav="bodies", rows=selectors.body_rows(partnership)),
    )


def body_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = forms.BodyForm(request.POST or None)
    return form_page(
        request,
        form=form,
        save=lambda data: services.body_save(partnership=partnership, body=None, data=data, actor=request.user),
        success_message=_("Het gremium is toegevoegd. Voeg nu de leden toe."),
        success_url=lambda body: reverse("registry:body_detail", args=[slug, body.pk]),
        context=access.page_context(
            ctx,
            partnership,
            nav="bodies",
            title=_("Gremium toevoegen"),
            intro=_("Bijvoorbeeld de stuurgroep, het bestuurdersnetwerk, de regiegroep of een werkgroep."),
            cancel_url=reverse("registry:bodies", args=[slug]),
        ),
    )


def body_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.VIEW_ALL)
    body = access.tenant_object_for(ctx, Body.objects.all(), pk, partnership=partnership)
    context = access.page_context(ctx, partnership, nav="bodies", body=body, seats=selectors.body_seats(body))
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
        _("%(name)s is aan het gremium toegevoegd.") % {"name": form.cleaned_data["person"].full_name},
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
        _("%(name)s is uit het gremium gehaald.") % {"name": seat.person.full_name},
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
        success_message=_("De namen van de rollen zijn opgeslagen."),
        success_url=reverse("registry:people", args=[slug]),
        context=access.page_context(
            ctx,
            partnership,
            nav="people",
            title=_("Eigen namen voor rollen"),
            intro=_(
                "Gebruikt uw partnerschap een eigen naam voor een rol, bijvoorbeeld 'mentor' voor "
                "werkplekbegeleider? Vul die hier in; het platform toont dan uw naam. Laat een veld leeg "
                "om de gewone naam te gebruiken."
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
