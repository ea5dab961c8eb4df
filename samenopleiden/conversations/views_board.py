"""Pages of the live board.

Participants join on their own device with the session code (no account): `/gesprek/` and `/gesprek/<code>/...`.
Their participant token is kept in the Django session (`SESSION_KEY`: session pk -> token), never taken from a form.
The facilitator (the partnership's lead) and readers (read-only) use `/beheer/<slug>/gesprekken/<pk>/bord/...`.

Live updates: the page asks `.../updates/?since=<revision>&layout=<layout revision>` (long-polling): the answer
comes as soon as the board changed, or after ~20 s with "no change". Small changes (a new or moved post-it, the
vote counts, a placemat answer) travel as pieces; a change of layout sends the whole live part again. Without
JavaScript the page has a "Vernieuwen" button.
"""

from __future__ import annotations

import json
import time
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenopleiden.core import access
from samenopleiden.core.access import Perm
from samenopleiden.core.errors import DomainError

from . import selectors_board as selectors
from . import services_board as services
from .forms_board import AnswerForm, CodeForm, GroupForm, JoinForm, OptionForm, PostItForm, VotingForm
from .models import Board, PlacematTable, PostIt, VoteOption

SESSION_KEY = "conversations_board"  # session pk -> this browser's participant token
TABLE_KEY = "conversations_board_table"  # session pk -> the table this browser sits at


# --- participants: joining ------------------------------------------------------------------------------------------


def _refused(request: HttpRequest, problem: str) -> HttpResponse:
    texts = {
        "unknown": (
            _("Deze code kennen we niet"),
            _("Controleer de code: acht tekens, zonder spaties. De gespreksleider kan hem nog eens laten zien."),
            404,
        ),
        "expired": (
            _("Deze code is verlopen"),
            _("U kunt met deze code niet meer meedoen. Vraag de gespreksleider om een nieuwe code."),
            410,
        ),
        "done": (
            _("Dit gesprek is afgelopen"),
            _("Het gesprek is afgerond; het bord kan niet meer worden veranderd. Dank voor uw bijdrage."),
            410,
        ),
    }
    title, text, status = texts[problem]
    form = CodeForm()
    return render(
        request, "conversations/board/refused.html", {"title": title, "text": text, "form": form}, status=status
    )


def join_start(request: HttpRequest) -> HttpResponse:
    """The public page where a participant types the session code."""
    data = request.POST if request.method == "POST" else (request.GET if "code" in request.GET else None)
    form = CodeForm(data)
    if data is not None and form.is_valid():
        found = access.session_for_code(form.cleaned_data["code"])
        problem = services.code_problem(found)
        if problem:
            return _refused(request, problem)
        return redirect("conversations:board_join", code=found.code)
    return render(request, "conversations/board/join_start.html", {"form": form}, status=400 if data else 200)


def _participant(request: HttpRequest, session: Any) -> Any:
    token = request.session.get(SESSION_KEY, {}).get(str(session.pk))
    return access.board_participant(session, token)


def _session_or_refusal(request: HttpRequest, code: str) -> tuple[Any, HttpResponse | None]:
    found = access.session_for_code(code)
    problem = services.code_problem(found)
    if problem:
        return found, _refused(request, problem)
    return found, None


def join(request: HttpRequest, code: str) -> HttpResponse:
    found, refusal = _session_or_refusal(request, code)
    if refusal:
        return refusal
    if _participant(request, found) is not None:
        return redirect("conversations:board_participant", code=found.code)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participant = services.participant_join(session=found, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            store = dict(request.session.get(SESSION_KEY, {}))
            store[str(found.pk)] = participant.token
            request.session[SESSION_KEY] = store
            request.session.cycle_key()
            return redirect("conversations:board_participant", code=found.code)
    status = 400 if request.method == "POST" else 200
    return render(request, "conversations/board/join.html", {"session": found, "form": form}, status=status)


# --- participants: the board ----------------------------------------------------------------------------------------


def _table(request: HttpRequest, board: Board) -> PlacematTable | None:
    tables = list(board.tables.all())
    chosen = request.session.get(TABLE_KEY, {}).get(str(board.session_id))
    return next((t for t in tables if t.pk == chosen), tables[0] if tables else None)


def _participant_context(request: HttpRequest, session: Any, participant: Any, **extra: Any) -> dict[str, Any]:
    board = services.board_for(session)
    view = selectors.board_view(board)
    own = selectors.own_votes(board, participant)
    table = _table(request, board)
    answers = next((rows for t, rows in view.tables if table and t.pk == table.pk), [])
    return {
        "session": session,
        "board": board,
        "view": view,
        "participant": participant,
        "own_votes": own,
        "votes_left": board.votes_per_participant - sum(own.values()),
        "table": table,
        "answers": answers,
        "updates_url": reverse("conversations:board_participant_updates", args=[session.code]),
        "postit_form": extra.pop("postit_form", None) or PostItForm(),
        "answer_errors": extra.pop("answer_errors", {}),
        **extra,
    }


def _participant_or_join(request: HttpRequest, code: str) -> tuple[Any, Any, HttpResponse | None]:
    found, refusal = _session_or_refusal(request, code)
    if refusal:
        return found, None, refusal
    participant = _participant(request, found)
    if participant is None:
        return found, None, redirect("conversations:board_join", code=found.code)
    return found, participant, None


def participant_board(request: HttpRequest, code: str) -> HttpResponse:
    found, participant, stop = _participant_or_join(request, code)
    if stop:
        return stop
    return render(request, "conversations/board/participant.html", _participant_context(request, found, participant))


@require_POST
def participant_postit(request: HttpRequest, code: str) -> HttpResponse:
    found, participant, stop = _participant_or_join(request, code)
    if stop:
        return stop
    form = PostItForm(request.POST)
    if form.is_valid():
        try:
            services.postit_add(board=services.board_for(found), participant=participant, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Uw post-it staat op het bord."))
            return redirect("conversations:board_participant", code=found.code)
    context = _participant_context(request, found, participant, postit_form=form)
    return render(request, "conversations/board/participant.html", context, status=400)


@require_POST
def participant_vote(request: HttpRequest, code: str) -> HttpResponse:
    """POST `option` and `action` (add or remove): one dot more or less."""
    found, participant, stop = _participant_or_join(request, code)
    if stop:
        return stop
    board = services.board_for(found)
    option = board.options.filter(
        pk=request.POST.get("option") if str(request.POST.get("option", "")).isdigit() else None
    ).first()
    wants_json = request.headers.get("Accept") == "application/json"
    try:
        if option is None:
            raise DomainError(_("Kies een dilemma uit de lijst."))
        if request.POST.get("action") == "remove":
            services.vote_remove(board=board, participant=participant, option=option)
        else:
            services.vote_add(board=board, participant=participant, option=option)
    except DomainError as exc:
        if wants_json:
            return JsonResponse({"error": exc.message}, status=409)
        messages.error(request, exc.message)
    else:
        if wants_json:
            return JsonResponse({"ok": True})
    return redirect(reverse("conversations:board_participant", args=[found.code]) + "#stemmen")


@require_POST
def participant_table(request: HttpRequest, code: str) -> HttpResponse:
    """The table switch: which sub-group this browser sits with."""
    found, participant, stop = _participant_or_join(request, code)
    if stop:
        return stop
    board = services.board_for(found)
    table = board.tables.filter(
        pk=request.POST.get("table") if str(request.POST.get("table", "")).isdigit() else None
    ).first()
    if table is None:
        messages.error(request, _("Kies een tafel uit de lijst."))
    else:
        store = dict(request.session.get(TABLE_KEY, {}))
        store[str(found.pk)] = table.pk
        request.session[TABLE_KEY] = store
        messages.success(request, _("U zit nu aan %(table)s.") % {"table": table.name})
    return redirect(reverse("conversations:board_participant", args=[found.code]) + "#placemat")


@require_POST
def participant_answer(request: HttpRequest, code: str) -> HttpResponse:
    found, participant, stop = _participant_or_join(request, code)
    if stop:
        return stop
    board = services.board_for(found)
    table = _table(request, board)
    form = AnswerForm(request.POST)
    problem = ""
    if table is None:
        problem = _("De placemat is nog niet open.")
    elif not form.is_valid():
        problem = _("Dit antwoord kon niet worden gelezen. Probeer het opnieuw.")
    else:
        try:
            services.answer_save(
                table=table,
                question=form.cleaned_data["question"],
                text=form.cleaned_data["text"],
                seen=form.cleaned_data["seen"],
            )
        except DomainError as exc:
            problem = exc.message
        else:
            messages.success(request, _("Het antwoord is opgeslagen."))
            return redirect(reverse("conversations:board_participant", args=[found.code]) + "#placemat")
    question = form.cleaned_data.get("question") if form.is_valid() else None
    context = _participant_context(
        request, found, participant, answer_errors={question: (problem, request.POST.get("text", ""))}
    )
    if question is None:
        messages.error(request, problem)
    return render(request, "conversations/board/participant.html", context, status=400)


# --- updates (long-polling) -----------------------------------------------------------------------------------------


def _int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < 2**62 else None


_POSTIT_HTML: dict[tuple, str] = {}  # (post-it, revision, layout, variant) -> its HTML, shared by every screen


def _postit_html(postit: PostIt, layout: int, variant: str, render) -> str:
    """A post-it's HTML, rendered once per change for all the screens that ask for it."""
    key = (postit.pk, postit.revision, layout, variant)
    html = _POSTIT_HTML.get(key)
    if html is None:
        if len(_POSTIT_HTML) > 5000:
            _POSTIT_HTML.clear()
        html = _POSTIT_HTML[key] = render(postit)
    return html


_PIECES: dict[tuple, tuple[list, list]] = {}  # (board, since, revision, variant) -> (post-its, answers) as sent


def _change_data(board_id: int, since, layout, current, render_live, render_postit, variant: str, participant=None):
    """What a screen that saw (`since`, `layout`) needs to reach `current` (the board's state)."""
    revision, layout_revision, votes_revision, placemat = current
    data: dict[str, Any] = {"revision": revision, "layout": layout_revision, "changed": True}
    if since is None or layout is None or layout != layout_revision or since > revision:
        data["html"] = render_live(Board.objects.get(pk=board_id))
        return data
    key = (board_id, since, revision, variant)
    pieces = _PIECES.get(key)
    if pieces is None:  # the first of the screens that saw `since`: the others get the same pieces
        changes = selectors.changes_since(board_id, since, placemat=placemat)
        postits = [
            {
                "id": p.pk,
                "container": f"g{p.group_id}" if p.group_id else f"c{p.colour}",
                "html": _postit_html(p, layout_revision, variant, render_postit),
            }
            for p in changes["postits"]
        ]
        if len(_PIECES) > 2000:
            _PIECES.clear()
        pieces = _PIECES[key] = (postits, [{"id": a.pk, "text": a.text} for a in changes["answers"]])
    data["postits"], data["answers"] = pieces
    if votes_revision > since:
        data["tally"] = selectors.tally(Board.objects.get(pk=board_id), participant)
    return data


def _updates(request: HttpRequest, board_id: int, render_live, render_postit, variant: str, participant=None):
    """The long-poll answer: {"changed": false} when nothing changed within the wait; otherwise the new revision
    with either the whole live part (`html`: first call, layout changed) or the pieces that changed."""
    since = _int(request.GET.get("since"))
    layout = _int(request.GET.get("layout"))
    current = selectors.wait_for_change(board_id, since) if since is not None else selectors.state(board_id)
    if current is None:
        raise Http404
    if since is not None and current[0] == since:
        return JsonResponse({"revision": since, "changed": False})
    response = JsonResponse(
        _change_data(board_id, since, layout, current, render_live, render_postit, variant, participant)
    )
    response["Cache-Control"] = "no-store"
    return response


STREAM_SECONDS = 55.0  # a stream ends after this; EventSource (and the bench) open a new one


def _stream(request: HttpRequest, board_id: int, render_live, render_postit, variant: str, participant=None):
    """Server-sent events: the same pieces as the long-poll, pushed on one open connection as each change commits
    (no new request per change). `?since=&layout=` as for the long-poll; a comment line every ~15 s keeps it open."""
    since = _int(request.GET.get("since"))
    layout = _int(request.GET.get("layout"))
    if selectors.state(board_id) is None:
        raise Http404

    def events():
        nonlocal since, layout
        end = time.monotonic() + STREAM_SECONDS
        yield "retry: 1000\n\n"
        while time.monotonic() < end:
            if since is None:
                current = selectors.state(board_id)
            else:
                current = selectors.wait_for_change(board_id, since, timeout=min(15.0, end - time.monotonic()))
            if current is None:
                return
            if since is not None and current[0] == since:
                yield ": nog steeds hier\n\n"
                continue
            data = _change_data(board_id, since, layout, current, render_live, render_postit, variant, participant)
            since, layout = data["revision"], data["layout"]
            yield f"id: {since}\ndata: {json.dumps(data)}\n\n"

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"
    return response


def participant_updates(request: HttpRequest, code: str, *, stream: bool = False) -> HttpResponse:
    participant = access.board_participant_by_code(code, list(request.session.get(SESSION_KEY, {}).values()))
    if participant is None or services.code_problem(participant.session):
        return JsonResponse({"reload": True}, status=410)
    found = participant.session

    def live(fresh: Board) -> str:
        return render_to_string(
            "conversations/board/_live_participant.html", _participant_context(request, found, participant), request
        )

    def postit(p: PostIt) -> str:
        return render_to_string("conversations/board/_postit.html", {"postit": p})

    answer = _stream if stream else _updates
    return answer(request, participant.board_id, live, postit, "participant", participant)


def participant_stream(request: HttpRequest, code: str) -> HttpResponse:
    return participant_updates(request, code, stream=True)


# --- the facilitator and readers ------------------------------------------------------------------------------------


def _facilitator_context(ctx: Any, partnership: Any, session: Any, **extra: Any) -> dict[str, Any]:
    board = services.board_for(session)
    view = selectors.board_view(board)
    return access.page_context(
        ctx,
        partnership,
        nav="conversations",
        session=session,
        board=board,
        view=view,
        join_url=reverse("conversations:board_join", args=[session.code]),
        updates_url=reverse("conversations:board_updates", args=[partnership.slug, session.pk]),
        code_problem=services.code_problem(session),
        group_form=extra.pop("group_form", None) or GroupForm(),
        option_form=extra.pop("option_form", None) or OptionForm(),
        voting_form=extra.pop("voting_form", None)
        or VotingForm(initial={"votes_per_participant": board.votes_per_participant}),
        **extra,
    )


def board_facilitate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    session = access.board_session_for(ctx, partnership, pk)
    return render(request, "conversations/board/facilitate.html", _facilitator_context(ctx, partnership, session))


def board_screen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The shared screen: the board large, with the code to join, without forms."""
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    session = access.board_session_for(ctx, partnership, pk)
    context = _facilitator_context(ctx, partnership, session, screen=True)
    context["can_change"] = False
    context["join_link"] = request.build_absolute_uri(context["join_url"])
    return render(request, "conversations/board/screen.html", context)


def board_updates(request: HttpRequest, slug: str, pk: int, *, stream: bool = False) -> HttpResponse:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    session = access.board_session_for(ctx, partnership, pk)
    board = services.board_for(session)
    screen = request.GET.get("screen") == "1"
    can_change = ctx.can(Perm.CHANGE, partnership) and not screen

    def live(fresh: Board) -> str:
        context = _facilitator_context(ctx, partnership, session, screen=screen)
        context["can_change"] = can_change
        return render_to_string("conversations/board/_live_facilitator.html", context, request)

    def postit(p: PostIt) -> str:
        context = {"postit": p, "groups": list(board.groups.all()), "can_change": can_change}
        return render_to_string(
            "conversations/board/_postit.html", {**context, "partnership": partnership, "session": session}, request
        )

    answer = _stream if stream else _updates
    return answer(request, board.pk, live, postit, "lead" if can_change else "reader")


def board_stream(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return board_updates(request, slug, pk, stream=True)


def _facilitator_post(request: HttpRequest, slug: str, pk: int) -> tuple[Any, Any, Board]:
    ctx = request.ctx  # type: ignore[attr-defined]
    partnership = access.partnership_for(ctx, slug)
    session = access.board_session_for(ctx, partnership, pk, write=True)
    return partnership, session, services.board_for(session)


def _back(slug: str, pk: int, anchor: str = "") -> HttpResponse:
    return redirect(reverse("conversations:board", args=[slug, pk]) + anchor)


def _run(request: HttpRequest, do, done: str) -> None:
    try:
        do()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)


@require_POST
def board_group_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership, session, board = _facilitator_post(request, slug, pk)
    form = GroupForm(request.POST)
    if form.is_valid():
        try:
            services.group_add(board=board, name=form.cleaned_data["name"], actor=request.user)
        except DomainError as exc:
            form.add_error("name", exc.message)
        else:
            messages.success(request, _("De groep is gemaakt."))
            return _back(slug, pk, "#groepen")
    context = _facilitator_context(request.ctx, partnership, session, group_form=form)  # type: ignore[attr-defined]
    return render(request, "conversations/board/facilitate.html", context, status=400)


@require_POST
def board_postit_move(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """POST `group`: a group of this board, or empty for the loose post-its."""
    _partnership, _session, board = _facilitator_post(request, slug, pk)
    postit = access.board_row_for(board, PostIt.objects.all(), item_pk)
    raw = request.POST.get("group", "")
    group = None
    if raw:
        group = board.groups.filter(pk=raw if str(raw).isdigit() else None).first()
        if group is None:
            messages.error(request, _("Kies een groep van dit bord."))
            return _back(slug, pk)
    _run(
        request,
        lambda: services.postit_move(postit=postit, group=group, actor=request.user),
        _("De post-it is verplaatst."),
    )
    return _back(slug, pk, f"#postit-{postit.pk}")


@require_POST
def board_postit_delete(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    _partnership, _session, board = _facilitator_post(request, slug, pk)
    postit = access.board_row_for(board, PostIt.objects.all(), item_pk)
    _run(
        request,
        lambda: services.postit_delete(postit=postit, actor=request.user),
        _("De post-it is van het bord gehaald."),
    )
    return _back(slug, pk)


@require_POST
def board_option_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership, session, board = _facilitator_post(request, slug, pk)
    form = OptionForm(request.POST)
    if form.is_valid():
        try:
            services.option_add(board=board, title=form.cleaned_data["title"], actor=request.user)
        except DomainError as exc:
            form.add_error("title", exc.message)
        else:
            messages.success(request, _("Het dilemma staat erbij."))
            return _back(slug, pk, "#stemmen")
    context = _facilitator_context(request.ctx, partnership, session, option_form=form)  # type: ignore[attr-defined]
    return render(request, "conversations/board/facilitate.html", context, status=400)


@require_POST
def board_voting(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """POST `action`: open (with `votes_per_participant`) or close (the top two are chosen)."""
    partnership, session, board = _facilitator_post(request, slug, pk)
    action = request.POST.get("action")
    if action == "open":
        form = VotingForm(request.POST)
        if not form.is_valid():
            context = _facilitator_context(request.ctx, partnership, session, voting_form=form)  # type: ignore[attr-defined]
            return render(request, "conversations/board/facilitate.html", context, status=400)
        _run(
            request,
            lambda: services.voting_open(
                board=board, votes_per_participant=form.cleaned_data["votes_per_participant"], actor=request.user
            ),
            _("Het stemmen is open."),
        )
    elif action == "close":
        try:
            chosen, tied = services.voting_close(board=board, actor=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            if tied:
                messages.warning(
                    request,
                    _(
                        "Het stemmen is gesloten. Gelijke stand tussen: %(names)s. "
                        "Kies zelf welke dilemma's de groep uitdiept."
                    )
                    % {"names": ", ".join(o.title for o in tied)},
                )
            else:
                messages.success(
                    request, _("Het stemmen is gesloten; de twee dilemma's met de meeste stippen zijn gekozen.")
                )
    else:
        messages.error(request, _("Onbekende opdracht."))
    return _back(slug, pk, "#stemmen")


@require_POST
def board_option_choose(request: HttpRequest, slug: str, pk: int, item_pk: int) -> HttpResponse:
    """POST `chosen` 1 or 0: the facilitator chooses a dilemma to deepen (or not)."""
    _partnership, _session, board = _facilitator_post(request, slug, pk)
    option = access.board_row_for(board, VoteOption.objects.all(), item_pk)
    chosen = request.POST.get("chosen") == "1"
    _run(
        request,
        lambda: services.option_choose(option=option, chosen=chosen, actor=request.user),
        _("Gekozen.") if chosen else _("Niet meer gekozen."),
    )
    return _back(slug, pk, "#stemmen")


@require_POST
def board_placemat_open(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _partnership, _session, board = _facilitator_post(request, slug, pk)
    _run(request, lambda: services.placemat_open(board=board, actor=request.user), _("De placemat is open."))
    return _back(slug, pk, "#placemat")
