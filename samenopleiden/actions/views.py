"""The action list of a partnership: every agreed action with owner, deadline and status, wherever it was
agreed. The lead adds and changes actions; the owner reports progress; readers read."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.views import form_page

from . import selectors, services
from .forms import ActionForm, ProgressForm

STATES = {"open": _("Open"), "late": _("Te laat"), "done": _("Afgerond of vervallen"), "all": _("Alle")}


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    today = timezone.localdate()
    visible = access.actions_visible(ctx, partnership)
    state = request.GET.get("status", "open")
    state = state if state in STATES else "open"
    owners = list(partnership.people.filter(actions__isnull=False).distinct().order_by("last_name"))
    owner = request.GET.get("eigenaar", "")
    owner_id = int(owner) if owner in {str(p.pk) for p in owners} else None
    rows = selectors.filtered(visible, state=state, owner_id=owner_id, today=today)
    page = Paginator(rows, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "actions/overview.html",
        access.page_context(
            ctx,
            partnership,
            nav="actions",
            page=page,
            actions=page.object_list,
            counts=selectors.counts(visible, today=today),
            states=STATES,
            state=state,
            owners=owners,
            owner_id=owner_id,
            query=query.urlencode(),
            today=today,
        ),
    )


def action_add(request: HttpRequest, slug: str) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug, Perm.CHANGE)
    form = ActionForm(request.POST or None, partnership=partnership)
    back = reverse("actions:overview", args=[slug])

    def save(data: dict) -> object:
        return services.action_create(
            partnership=partnership,
            title=data["title"],
            description=data["description"],
            owner=data["owner"],
            deadline=data["deadline"],
            actor=request.user,
        )

    return form_page(
        request,
        form=form,
        save=save,
        success_url=lambda action: reverse("actions:action_detail", args=[slug, action.pk]),
        success_message=_("De actie is toegevoegd."),
        context=access.page_context(ctx, partnership, nav="actions", title=_("Actie toevoegen"), cancel_url=back),
    )


def action_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    action = access.action_for(ctx, partnership, pk)
    return render(
        request,
        "actions/detail.html",
        access.page_context(
            ctx,
            partnership,
            nav="actions",
            action=action,
            may_report=access.owns_action(ctx, action) or ctx.can(Perm.CHANGE, partnership),
            today=timezone.localdate(),
        ),
    )


def action_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    action = access.action_for(ctx, partnership, pk, write=True)
    is_lead = ctx.can(Perm.CHANGE, partnership)
    if is_lead:
        form = ActionForm(request.POST or None, instance=action, partnership=partnership)
    else:
        form = ProgressForm(request.POST or None, instance=action)
    update = services.action_update if is_lead else services.action_update_by_owner

    def save(data: dict) -> object:
        changes = {name: data[name] for name in form.Meta.fields if name in data}
        return update(action=action, changes=changes, expected_version=data.get("version"), actor=request.user)

    return form_page(
        request,
        form=form,
        save=save,
        success_url=reverse("actions:action_detail", args=[slug, action.pk]),
        context=access.page_context(
            ctx,
            partnership,
            nav="actions",
            title=_("Actie bijwerken: %(title)s") % {"title": action.title},
            cancel_url=reverse("actions:action_detail", args=[slug, action.pk]),
        ),
    )
