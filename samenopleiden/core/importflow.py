"""The one flow of every import page: upload, preview (what changes, the row errors), confirm.

The view checks access and builds the form; `upload_page` reads the file with the module's `read` (bytes, file
name, the options chosen in the form) -> a plan with `ok`, `errors` and `summary`, and shows the preview. The file
is kept (`core.imports.stash`) only when it has no errors. `confirm_import` reads the kept file again, so that what
is imported is exactly what was previewed, applies it in one go, and says what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import AccessContext, own_pending_import
from .errors import DomainError
from .imports import stash

Read = Callable[[bytes, str, dict[str, Any]], Any]


def upload_page(
    request: HttpRequest,
    *,
    partnership: Any,
    kind: str,
    form: Any,
    context: dict[str, Any],
    template: str,
    read: Read,
    options: Callable[[dict[str, Any]], dict[str, Any]] = lambda data: {},
    notes: Callable[[Any], list[str]] = lambda plan: [],
    confirm_url: Callable[[int], str],
    retry_url: str,
    cancel_url: str,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        chosen = options(form.cleaned_data)
        try:
            plan = read(data, upload.name, chosen)
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            pending = None
            if plan.ok:
                pending = stash(
                    kind=kind,
                    data=data,
                    filename=upload.name,
                    user=request.user,
                    partnership=partnership,
                    options=chosen,
                )
            context.update(
                plan=plan,
                filename=upload.name,
                notes=notes(plan),
                confirm_url=confirm_url(pending.pk) if pending else None,
                retry_url=retry_url,
                cancel_url=cancel_url,
            )
            return render(request, "core/import_preview.html", context)
    return render(request, template, context, status=400 if request.method == "POST" else 200)


def confirm_import(
    request: HttpRequest,
    *,
    ctx: AccessContext,
    partnership: Any,
    pk: Any,
    kind: str,
    read: Read,
    apply: Callable[[Any], dict[str, int]],
    message: str,
    success_url: Callable[[Any], str],
    failure_url: str,
) -> HttpResponse:
    """Only who uploaded the file confirms it (core.access.own_pending_import: 404 otherwise)."""
    pending = own_pending_import(ctx, partnership, pk, kind=kind)
    try:
        plan = read(bytes(pending.content), pending.filename, pending.options)
        counts = apply(plan)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(failure_url)
    pending.delete()
    messages.success(request, message % counts)
    return redirect(success_url(plan))
