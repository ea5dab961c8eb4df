"""Reads of the quality cycle for its pages, exports and the dashboard. Callers pass the partnership (and the
clusters the user may see); the views check access first (core.access)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from samenopleiden.core import documents
from samenopleiden.registry.models import Cluster, Credential, Partnership, Role, RoleAssignment, School
from samenopleiden.students import counting, schoolyear
from samenopleiden.students.models import Student

from . import engine_cycle as engine
from .models import (
    AnnualPlan,
    CalendarEvent,
    CertificationCriterion,
    GoalMeasurement,
    PeerReview,
    QualityGoal,
    SafeguardKey,
    SchoolCertification,
    Survey,
    SurveyAnswer,
    SurveyResponse,
)

# --- indicators from the platform -------------------------------------------------------------------------


def _current_roles(partnership: Partnership, role: str, today: dt.date) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(partnership=partnership, role=role)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
    )


def _share_with_credential(partnership: Partnership, role: str, kind: str, today: dt.date) -> Decimal | None:
    people = set(_current_roles(partnership, role, today).values_list("person_id", flat=True))
    if not people:
        return None
    valid = set(
        Credential.objects.filter(partnership=partnership, kind=kind, person_id__in=people)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .values_list("person_id", flat=True)
    )
    return counting.percent(len(valid), len(people))


def indicator_value(partnership: Partnership, source: str, today: dt.date) -> Decimal | None:
    """The value of a platform indicator today (None: no data to measure it)."""
    S = QualityGoal.Source
    if source == S.SUPERVISION:
        return _share_with_credential(partnership, Role.WORKPLACE_SUPERVISOR, Credential.Kind.SUPERVISION, today)
    if source == S.BRLO:
        return _share_with_credential(partnership, Role.SCHOOL_TEACHER_EDUCATOR, Credential.Kind.BRLO, today)
    if source == S.CLUSTER_EDUCATOR:
        clusters = set(partnership.clusters.values_list("pk", flat=True))
        if not clusters:
            return None
        staffed = set(
            _current_roles(partnership, Role.SCHOOL_TEACHER_EDUCATOR, today)
            .filter(cluster_id__in=clusters)
            .values_list("cluster_id", flat=True)
        )
        return counting.percent(len(staffed), len(clusters))
    if source == S.COUNTED_STUDENTS:
        year = schoolyear.current(today)
        students = Student.objects.filter(partnership=partnership)
        if not students.filter(school_year=year).exists():
            return None
        return Decimal(counting.count(students, year).total)
    return None


# --- goals ----------------------------------------------------------------------------------------------


def _goal_row(goal: QualityGoal, today: dt.date) -> dict[str, Any]:
    points = [engine.Point(m.measured_on, m.value) for m in goal.measurements.all()]
    status = engine.goal_status(
        points=points,
        target=goal.target,
        deadline=goal.deadline,
        today=today,
        baseline=goal.baseline,
        higher_is_better=goal.higher_is_better,
    )
    measurements = list(goal.measurements.all())
    return {
        "goal": goal,
        "latest": measurements[-1] if measurements else None,
        "measurements": measurements,
        "status": status,
        "status_label": _(engine.GOAL_STATUS_LABELS[status]),
        "tone": engine.GOAL_STATUS_TONES[status],
    }


def goals(partnership: Partnership, today: dt.date) -> list[dict[str, Any]]:
    """Every goal with its latest measurement and status, in safeguard order (a fixed number of queries)."""
    order = {key: i for i, key in enumerate(SafeguardKey.values)}
    rows = (
        QualityGoal.objects.filter(partnership=partnership)
        .select_related("owner")
        .prefetch_related(Prefetch("measurements", queryset=GoalMeasurement.objects.order_by("measured_on", "pk")))
    )
    found = [_goal_row(g, today) for g in rows]
    return sorted(found, key=lambda r: (order.get(r["goal"].safeguard, 9), r["goal"].deadline, r["goal"].pk))


def goal_row(goal: QualityGoal, today: dt.date) -> dict[str, Any]:
    return _goal_row(goal, today)


def goal_counts(partnership: Partnership, today: dt.date) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in goals(partnership, today):
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    return counts


# --- the quality calendar -------------------------------------------------------------------------------


def calendar(partnership: Partnership, year: str, today: dt.date) -> list[dict[str, Any]]:
    """The moments of the cycle in a school year: those the partnership planned, and those the platform knows (the
    peer review's due date and planned date, the surveys' open period, re-certifications that fall due, goal
    deadlines). Sorted by date."""
    start, end = schoolyear.start(year), schoolyear.end(year)
    kinds = dict(CalendarEvent.Kind.choices)
    rows: list[dict[str, Any]] = [
        {"date": e.date, "kind": e.kind, "kind_label": kinds[e.kind], "title": e.title, "done": e.done, "event": e}
        for e in CalendarEvent.objects.filter(partnership=partnership, date__range=(start, end))
    ]

    def add(day: dt.date | None, kind: str, title: str) -> None:
        if day and start <= day <= end:
            rows.append({"date": day, "kind": kind, "kind_label": kinds[kind], "title": title, "done": day < today})

    add(partnership.next_peer_review_due, "peer_review", _("Uiterste datum volgende peer review"))
    for review in PeerReview.objects.filter(partnership=partnership):
        add(review.planned_on, "peer_review", _("Peer review: %(title)s") % {"title": review.title})
    for survey in Survey.objects.filter(partnership=partnership):
        add(survey.opens_on, "enquete", _("%(title)s gaat open") % {"title": survey.title})
        add(survey.closes_on, "enquete", _("%(title)s sluit") % {"title": survey.title})
    for state in schools_with_state(partnership, today):
        cert = state["certification"]
        if cert and cert.valid_until:
            add(
                cert.valid_until,
                "hercertificering",
                _("Certificering %(school)s loopt af") % {"school": state["school"].name},
            )
    for goal in QualityGoal.objects.filter(partnership=partnership):
        add(goal.deadline, "overig", _("Deadline doel: %(title)s") % {"title": goal.title})
    return sorted(rows, key=lambda r: (r["date"], r["title"]))


# --- annual plans ---------------------------------------------------------------------------------------


def plans_by_cluster(clusters: QuerySet[Cluster], plans: QuerySet[AnnualPlan], year: str) -> list[dict[str, Any]]:
    """Per cluster (those the user sees) its plan of the year, or None."""
    found = {p.cluster_id: p for p in plans.filter(school_year=year)}
    return [{"cluster": c, "plan": found.get(c.pk)} for c in clusters.order_by("name")]


def input_for_plan(partnership: Partnership, cluster: Cluster, year: str) -> dict[str, Any]:
    """What feeds a cluster's plan of `year`: the previous year's plan with its end evaluation, and the cluster's
    results of the surveys of the previous and this school year (groups under five stay hidden)."""
    previous = schoolyear.previous(year)
    before = AnnualPlan.objects.filter(cluster=cluster, school_year=previous).first()
    surveys = []
    for survey in Survey.objects.filter(partnership=partnership, school_year__in=[previous, year]).order_by("opens_on"):
        result = survey_results(survey, Cluster.objects.filter(pk=cluster.pk))
        surveys.append({"survey": survey, "cluster": result["clusters"][0] if result["clusters"] else None})
    return {"previous_year": previous, "previous_plan": before, "surveys": surveys}


# --- the survey -----------------------------------------------------------------------------------------


def response_counts(survey: Survey) -> dict[int, int]:
    """Responses per cluster id."""
    counts: dict[int, int] = {}
    for cluster_id in SurveyResponse.objects.filter(survey=survey).values_list("cluster_id", flat=True):
        counts[cluster_id] = counts.get(cluster_id, 0) + 1
    return counts


def survey_results(survey: Survey, clusters: QuerySet[Cluster]) -> dict[str, Any]:
    """The survey's results over `clusters` (those the user may see), with names for the page: overall, per
    cluster and per school. No group of fewer than five is ever in here."""
    cluster_list = list(clusters.order_by("name").prefetch_related("schools"))
    questions = [
        engine.Question(q.pk, q.kind, q.text, tuple(q.option_list)) for q in survey.questions.order_by("order", "pk")
    ]
    answers: dict[int, dict[int, Any]] = {}
    for response_id, qid, score, choice, text in SurveyAnswer.objects.filter(
        response__survey=survey, response__cluster__in=[c.pk for c in cluster_list]
    ).values_list("response_id", "question_id", "score", "choice", "text"):
        answers.setdefault(response_id, {})[qid] = score if score is not None else (choice or text)
    responses = [
        engine.Response(r_id, c_id, s_id, answers.get(r_id, {}))
        for r_id, c_id, s_id in SurveyResponse.objects.filter(
            survey=survey, cluster__in=[c.pk for c in cluster_list]
        ).values_list("pk", "cluster_id", "school_id")
    ]
    result = engine.results(questions, responses, cluster_ids=[c.pk for c in cluster_list])
    names = {c.pk: c for c in cluster_list}
    schools = {s.pk: s for c in cluster_list for s in c.schools.all()}
    return {
        "overall": result.overall,
        "hidden_clusters": result.hidden_clusters,
        "min_group": result.min_group,
        "clusters": [
            {
                "cluster": names[c.cluster_id],
                "shown": c.shown,
                "group": c.group,
                "schools": [{"school": schools.get(s.school_id), "group": s.group} for s in c.schools],
                "schools_hidden": c.schools_hidden,
            }
            for c in result.clusters
        ],
        "questions": questions,
    }


def _question_rows(label: str, group: engine.Group) -> list[list[Any]]:
    rows = []
    for q in group.questions:
        if not q.shown:
            rows.append([label, q.question.text, q.n, _("minder dan vijf antwoorden"), ""])
        elif q.question.kind == "schaal":
            dist = ", ".join(f"{k}: {v}" for k, v in q.distribution)
            rows.append([label, q.question.text, q.n, str(q.mean), dist])
        elif q.question.kind == "keuze":
            rows.append([label, q.question.text, q.n, "", ", ".join(f"{k}: {v}" for k, v in q.distribution)])
        else:
            rows.append([label, q.question.text, q.n, "", " | ".join(q.texts)])
    return rows


def results_sheets(survey: Survey, results: dict[str, Any]) -> list[Any]:
    header = [_("Groep"), _("Vraag"), _("Aantal antwoorden"), _("Gemiddelde"), _("Verdeling of antwoorden")]
    overall = _question_rows(_("Alle getoonde clusters"), results["overall"]) if results["overall"] else []
    per_cluster, per_school = [], []
    for row in results["clusters"]:
        if not row["shown"]:
            per_cluster.append([row["cluster"].name, "", "", _("minder dan vijf antwoorden: niet getoond"), ""])
            continue
        per_cluster += _question_rows(row["cluster"].name, row["group"])
        for s in row["schools"]:
            per_school += _question_rows(f"{row['cluster'].name} – {s['school'].name}", s["group"])
    return [
        (_("Totaal"), header, overall),
        (_("Per cluster"), header, per_cluster),
        (_("Per school"), header, per_school),
    ]


# --- peer review ----------------------------------------------------------------------------------------


def review_rows(review: PeerReview) -> list[dict[str, Any]]:
    """The recommendations with the follow-up of their actions."""
    rows = []
    for rec in review.recommendations.select_related("action", "action__owner"):
        rows.append({"recommendation": rec, "action": rec.action})
    return rows


def followup_counts(review: PeerReview) -> dict[str, int]:
    counts = {"total": 0, "done": 0, "late": 0}
    for row in review_rows(review):
        counts["total"] += 1
        action = row["action"]
        if action is not None and action.status == action.Status.DONE:
            counts["done"] += 1
        elif action is not None and action.is_late:
            counts["late"] += 1
    return counts


def self_evaluation_pack(review: PeerReview, today: dt.date) -> documents.Document:
    """The self-evaluation pack for the panel: the core document, the goals with their indicators and latest
    measurements, and the results of the latest survey (groups under five hidden)."""
    from . import document_report

    partnership = review.partnership
    doc = documents.Document(
        title=_("Zelfevaluatie voor de peer review"),
        subtitle=partnership.name,
        meta=[review.title, _("Gemaakt op %(day)s") % {"day": today.strftime("%d-%m-%Y")}],
    )
    doc.add(documents.Contents(_("Inhoud")))
    doc.add(documents.Heading(_("Kerndocument"), 1))
    blocks = document_report.core_document_blocks(partnership)
    doc.add(blocks or [documents.Paragraph.plain(_("Er is nog geen kerndocument vastgelegd in het platform."))])
    doc.add(documents.Heading(_("Kwaliteitsdoelen"), 1))
    rows = goals(partnership, today)
    if rows:
        labels = dict(SafeguardKey.choices)
        doc.add(
            documents.table(
                [
                    _("Waarborg"),
                    _("Doel"),
                    _("Indicator"),
                    _("Streefwaarde"),
                    _("Deadline"),
                    _("Laatste meting"),
                    _("Stand"),
                ],
                [
                    [
                        labels.get(r["goal"].safeguard, ""),
                        r["goal"].title,
                        r["goal"].indicator,
                        f"{r['goal'].target} {r['goal'].unit}".strip(),
                        r["goal"].deadline.strftime("%d-%m-%Y"),
                        f"{r['latest'].value} ({r['latest'].measured_on:%d-%m-%Y})" if r["latest"] else "–",
                        r["status_label"],
                    ]
                    for r in rows
                ],
            )
        )
    else:
        doc.add(documents.Paragraph.plain(_("Er zijn nog geen kwaliteitsdoelen.")))
    doc.add(documents.Heading(_("Studentenenquête"), 1))
    survey = Survey.objects.filter(partnership=partnership, opens_on__lte=today).order_by("-opens_on").first()
    if survey is None:
        doc.add(documents.Paragraph.plain(_("Er is nog geen studentenenquête gehouden.")))
    else:
        results = survey_results(survey, partnership.clusters.all())
        doc.add(
            documents.Paragraph.plain(
                _("%(title)s (schooljaar %(year)s)") % {"title": survey.title, "year": survey.school_year}
            )
        )
        doc.add(
            documents.Paragraph.plain(
                _("Groepen met minder dan vijf antwoorden worden niet getoond en tellen niet mee in het totaal.")
            )
        )
        for title, header, sheet_rows in results_sheets(survey, results)[:2]:
            doc.add(documents.Heading(title, 2))
            doc.add(documents.table(header, sheet_rows) if sheet_rows else documents.Paragraph.plain("–"))
    doc.add(documents.Heading(_("Panel"), 1))
    panel = list(review.panel.all())
    if panel:
        doc.add(
            documents.table([_("Naam"), _("Rol"), _("Organisatie")], [[p.name, p.role, p.organisation] for p in panel])
        )
    else:
        doc.add(documents.Paragraph.plain(_("Het panel is nog niet samengesteld.")))
    return doc


# --- certification --------------------------------------------------------------------------------------


def partner_schools(partnership: Partnership) -> QuerySet[School]:
    """The schools that take part in the partnership: as a member, or in one of its clusters."""
    return (
        School.objects.filter(Q(memberships__partnership=partnership) | Q(clusters__partnership=partnership))
        .distinct()
        .order_by("name")
    )


def criteria_for(partnership: Partnership, *, include_inactive: bool = False) -> list[CertificationCriterion]:
    """The partnership's own criteria and those shared by its regions, regional ones first."""
    qs = CertificationCriterion.objects.filter(
        Q(partnership=partnership) | Q(region__in=partnership.regions.all())
    ).select_related("region")
    if not include_inactive:
        qs = qs.filter(active=True)
    return sorted(qs, key=lambda c: (c.region_id is None, c.order, c.pk))


def schools_with_state(partnership: Partnership, today: dt.date) -> list[dict[str, Any]]:
    """Every school of the partnership with its latest assessment and certification state."""
    latest: dict[int, SchoolCertification] = {}
    for cert in SchoolCertification.objects.filter(partnership=partnership).order_by("assessed_on", "pk"):
        latest[cert.school_id] = cert
    rows = []
    for school in partner_schools(partnership):
        cert = latest.get(school.pk)
        state = engine.certification_state(cert.outcome if cert else None, cert.valid_until if cert else None, today)
        rows.append(
            {
                "school": school,
                "certification": cert,
                "state": state,
                "state_label": _(engine.CERT_STATE_LABELS[state]),
                "tone": engine.CERT_STATE_TONES[state],
            }
        )
    return rows


def state_counts(partnership: Partnership, today: dt.date) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in schools_with_state(partnership, today):
        counts[row["state"]] = counts.get(row["state"], 0) + 1
    return counts
