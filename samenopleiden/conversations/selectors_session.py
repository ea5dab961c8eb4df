"""Reads of the session part: guides with their content, the questions of a guide in order, a session with its
participants, notes, decisions and actions (their live status from the action list), the platform's figures for
the preparation checklist (from the growth workspace's preparation read, which takes them from the students,
placements and registry modules), and earlier sessions with the same guide."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from samenopleiden.registry.models import Partnership

from .models import Decision, Guide, GuideQuestion, GuideTheme, Perspective, Session, SessionAction


def guide_with_content(guide: Guide) -> Guide:
    """The guide with its themes (and their questions) and checklist prefetched: three queries."""
    return (
        Guide.objects.filter(pk=guide.pk)
        .prefetch_related(Prefetch("themes", queryset=GuideTheme.objects.prefetch_related("questions")), "checklist")
        .get()
    )


def questions(guide: Guide) -> list[GuideQuestion]:
    """Every question of the guide in order (theme by theme), with its theme: one query."""
    return list(
        GuideQuestion.objects.filter(theme__guide=guide)
        .select_related("theme")
        .order_by("theme__position", "theme__pk", "position", "pk")
    )


def sessions_with_counts(queryset) -> list[Session]:
    return list(
        queryset.select_related("guide").annotate(
            participant_count=Count("participants", distinct=True),
            decision_count=Count("decisions", distinct=True),
            action_count=Count("session_actions", distinct=True),
        )
    )


def guides_with_counts(queryset) -> list[Guide]:
    return list(queryset.annotate(theme_count=Count("themes", distinct=True)).order_by("partnership_id", "title", "pk"))


@dataclass
class Position:
    question: GuideQuestion | None
    index: int  # 1-based; 0 when the guide has no questions
    total: int
    previous: GuideQuestion | None
    next: GuideQuestion | None


def position(session: Session, wanted: Any = None) -> Position:
    """Where the facilitator is: `wanted` (a question pk) if it belongs to the guide, else the session's current
    question, else the first."""
    found = questions(session.guide)
    if not found:
        return Position(None, 0, 0, None, None)
    by_pk = {q.pk: i for i, q in enumerate(found)}
    try:
        wanted_pk = int(wanted) if wanted not in (None, "") else None
    except (TypeError, ValueError):
        wanted_pk = None
    i = by_pk.get(wanted_pk if wanted_pk in by_pk else session.current_question_id, 0)
    return Position(
        found[i], i + 1, len(found), found[i - 1] if i > 0 else None, found[i + 1] if i + 1 < len(found) else None
    )


@dataclass
class QuestionRecord:
    question: GuideQuestion
    note: str = ""
    decisions: list[Decision] = field(default_factory=list)
    actions: list[SessionAction] = field(default_factory=list)


@dataclass
class SessionView:
    session: Session
    participants_by_perspective: list[tuple[str, list[Any]]]
    themes: list[tuple[GuideTheme, list[QuestionRecord]]]
    general_decisions: list[Decision]
    general_actions: list[SessionAction]
    decisions: list[Decision]
    actions: list[SessionAction]
    ticked: set[int]

    @property
    def has_records(self) -> bool:
        return bool(self.decisions or self.actions or any(r.note for _t, rows in self.themes for r in rows))


def session_view(session: Session) -> SessionView:
    """Everything recorded in a session, question by question (a fixed number of queries)."""
    participants = list(session.participants.select_related("person").order_by("perspective", "name", "pk"))
    by_perspective: OrderedDict[str, list[Any]] = OrderedDict((p.label, []) for p in Perspective)
    for participant in participants:
        by_perspective[participant.get_perspective_display()].append(participant)
    notes = {n.question_id: n.text for n in session.notes.all()}
    decisions = list(session.decisions.all())
    actions = list(session.session_actions.select_related("action", "action__owner").order_by("action__deadline", "pk"))
    themes = []
    by_theme: OrderedDict[int, tuple[GuideTheme, list[QuestionRecord]]] = OrderedDict()
    for theme in GuideTheme.objects.filter(guide=session.guide).order_by("position", "pk"):
        by_theme[theme.pk] = (theme, [])
    records: dict[int, QuestionRecord] = {}
    for question in questions(session.guide):
        record = QuestionRecord(question, notes.get(question.pk, ""))
        records[question.pk] = record
        by_theme[question.theme_id][1].append(record)
    for decision in decisions:
        if decision.question_id in records:
            records[decision.question_id].decisions.append(decision)
    for link in actions:
        if link.question_id in records:
            records[link.question_id].actions.append(link)
    themes = list(by_theme.values())
    return SessionView(
        session=session,
        participants_by_perspective=[(label, rows) for label, rows in by_perspective.items() if rows],
        themes=themes,
        general_decisions=[d for d in decisions if d.question_id not in records],
        general_actions=[a for a in actions if a.question_id not in records],
        decisions=decisions,
        actions=actions,
        ticked=set(session.ticks.values_list("item_id", flat=True)),
    )


def question_records(session: Session, question: GuideQuestion) -> QuestionRecord:
    note = session.notes.filter(question=question).values_list("text", flat=True).first() or ""
    return QuestionRecord(
        question,
        note,
        list(session.decisions.filter(question=question)),
        list(session.session_actions.filter(question=question).select_related("action", "action__owner")),
    )


def earlier_sessions(session: Session, *, limit: int = 5) -> list[Session]:
    """Earlier sessions of the partnership with the same guide (or a copy of the same platform guide), newest
    first, with their decisions: for the trend across repeated conversations."""
    root = session.guide.copied_from_id or session.guide_id
    same = Q(guide_id=root) | Q(guide__copied_from_id=root)
    queryset = Session.objects.filter(same, partnership=session.partnership).exclude(pk=session.pk)
    if session.date:
        queryset = queryset.filter(Q(date__lt=session.date) | Q(date__isnull=True, pk__lt=session.pk))
    else:
        queryset = queryset.filter(pk__lt=session.pk)
    return list(
        queryset.order_by("-date", "-pk").prefetch_related(
            "decisions", Prefetch("session_actions", queryset=SessionAction.objects.select_related("action"))
        )[:limit]
    )


# --- the platform's figures for the preparation checklist ------------------------------------------------------


def figures(partnership: Partnership, school_year: str, *, with_students: bool) -> dict[str, list[str]]:
    """data_key -> lines of text with what the platform knows. Student numbers only `with_students` (who may see
    student totals); an empty list when the platform has nothing yet."""
    from samenopleiden.growth.selectors_workspace import preparation
    from samenopleiden.students.models import Mode

    data = preparation(partnership, school_year, with_students=with_students)
    modes = dict(Mode.choices)
    result: dict[str, list[str]] = {}
    if with_students:
        result["students_per_institute"] = [
            _("%(institute)s, %(mode)s: %(trained)s bij ons van %(total)s")
            % {
                "institute": row["institute"].name,
                "mode": modes.get(row["mode"], row["mode"]),
                "trained": row["trained"],
                "total": row["total"] if row["total"] is not None else _("onbekend"),
            }
            for row in data["students"]
        ]
        result["students_trained"] = (
            [
                _("%(trained)s studenten leiden bij ons op (schooljaar %(year)s)")
                % {"trained": data["trained_total"], "year": school_year}
            ]
            if data["students"]
            else []
        )
    else:
        hidden = [_("Alleen zichtbaar voor wie de studentenaantallen mag zien.")]
        result["students_per_institute"] = hidden
        result["students_trained"] = hidden
    result["places_per_cluster"] = [
        _("%(cluster)s: %(places)s plaatsen aangeboden, %(effective)s op te nemen")
        % {
            "cluster": block.cluster.name if block.cluster else _("Scholen buiten een cluster"),
            "places": block.places,
            "effective": block.effective,
        }
        for block in data["blocks"]
    ]
    if data["blocks"]:
        result["places_per_cluster"].append(
            _("Totaal: %(places)s plaatsen aangeboden, %(effective)s op te nemen")
            % {"places": data["places_total"], "effective": data["effective_total"]}
        )
    result["places_per_school"] = [
        _("%(school)s: %(places)s plaatsen") % {"school": offer.school.name, "places": offer.places}
        for block in data["blocks"]
        for offer in block.offers
    ]
    partners = []
    if data["boards"]:
        partners.append(
            _("Besturen (%(count)s): %(names)s")
            % {"count": len(data["boards"]), "names": ", ".join(m.board.name for m in data["boards"])}
        )
    if data["schools"]:
        partners.append(
            _("Scholen: %(count)s, waarvan %(satellites)s satellietschool")
            % {"count": len(data["schools"]), "satellites": data["satellites"]}
        )
    if data["institutes"]:
        partners.append(
            _("Lerarenopleidingen (%(count)s): %(names)s")
            % {"count": len(data["institutes"]), "names": ", ".join(m.institute.name for m in data["institutes"])}
        )
    result["partners"] = partners
    return result
