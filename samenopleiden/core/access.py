"""The one place that decides who may see or change what.

Every view, export, search and API endpoint asks these helpers. Outside the user's partnerships the
answer is 404 (the same as "does not exist"); inside, without the right, it is 403.

Levels come from the roles a person holds in a partnership (registry.RoleAssignment) for a person
record linked to the user: a programme lead changes everything of that partnership, steering-group
members and board members read everything, teacher educators and coordinators read their own
cluster(s). Superusers are platform administrators and may do everything.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

if TYPE_CHECKING:
    from samenopleiden.registry.models import Cluster, Partnership, Person

M = TypeVar("M", bound=models.Model)


class Level(enum.IntEnum):
    EDUCATOR = 1
    READER = 2
    LEAD = 3


class Perm(enum.Enum):
    VIEW = "view"  # see the partnership's own pages (educators: only their clusters' rows)
    VIEW_ALL = "view_all"  # read everything of the partnership
    CHANGE = "change"  # change anything of the partnership
    VIEW_HISTORY = "view_history"  # read the change history


_NEEDED = {
    Perm.VIEW: Level.EDUCATOR,
    Perm.VIEW_ALL: Level.READER,
    Perm.CHANGE: Level.LEAD,
    Perm.VIEW_HISTORY: Level.LEAD,
}

ROLE_LEVELS: dict[str, Level] = {
    "programme_lead": Level.LEAD,
    "steering_member": Level.READER,
    "board_member": Level.READER,
    "school_teacher_educator": Level.EDUCATOR,
    "school_coordinator": Level.EDUCATOR,
    "institute_teacher_educator": Level.EDUCATOR,
    "institute_coordinator": Level.EDUCATOR,
    "placement_office": Level.EDUCATOR,  # an institute's stagebureau; its students: see `institutes` below
}


@dataclass
class AccessContext:
    user: Any
    is_admin: bool = False
    levels: dict[int, Level] = field(default_factory=dict)
    clusters: dict[int, set[int]] = field(default_factory=dict)
    # partnership id -> the institutes whose placement office (stagebureau) the user is in that partnership
    institutes: dict[int, set[int]] = field(default_factory=dict)

    @property
    def is_authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False))

    def level(self, partnership: Partnership | int) -> Level | None:
        pid = partnership if isinstance(partnership, int) else partnership.pk
        if self.is_admin:
            return Level.LEAD
        return self.levels.get(pid)

    def can(self, perm: Perm, partnership: Partnership | int) -> bool:
        level = self.level(partnership)
        return level is not None and level >= _NEEDED[perm]

    def sees_all_of(self, partnership: Partnership | int) -> bool:
        return self.can(Perm.VIEW_ALL, partnership)

    def partnership_ids(self) -> set[int]:
        return set(self.levels)


def build_context(user: Any, *, on: dt.date | None = None) -> AccessContext:
    from samenopleiden.registry.models import RoleAssignment

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return AccessContext(user=user)
    day = on or timezone.localdate()
    ctx = AccessContext(user=user, is_admin=user.is_superuser)
    rows = (
        RoleAssignment.objects.filter(person__user=user, role__in=list(ROLE_LEVELS))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .values_list("partnership_id", "role", "cluster_id", "person__institute_id")
    )
    for partnership_id, role, cluster_id, institute_id in rows:
        level = ROLE_LEVELS[role]
        if level > ctx.levels.get(partnership_id, 0):
            ctx.levels[partnership_id] = level
        if cluster_id:
            ctx.clusters.setdefault(partnership_id, set()).add(cluster_id)
        if role == "placement_office" and institute_id:
            ctx.institutes.setdefault(partnership_id, set()).add(institute_id)
    return ctx


# --- partnerships -----------------------------------------------------------------------------


def partnerships_visible(ctx: AccessContext) -> models.QuerySet[Partnership]:
    from samenopleiden.registry.models import Partnership

    if ctx.is_admin:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=ctx.partnership_ids())


def partnership_for(ctx: AccessContext, slug: str, perm: Perm = Perm.VIEW) -> Partnership:
    """The partnership by slug: 404 if it is not one of the user's, 403 without `perm`."""
    from samenopleiden.registry.models import Partnership

    partnership = Partnership.objects.filter(slug=slug).first()
    if partnership is None or ctx.level(partnership) is None:
        raise Http404
    if not ctx.can(perm, partnership):
        raise PermissionDenied
    return partnership


# --- rows that carry a partnership -------------------------------------------------------------


def clusters_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Cluster]:
    qs = partnership.clusters.all()
    if ctx.sees_all_of(partnership):
        return qs
    if ctx.level(partnership) is None:
        return qs.none()
    return qs.filter(pk__in=ctx.clusters.get(partnership.pk, set()))


def people_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Person]:
    """Everyone for readers and leads; for educators, the people with a role in their clusters."""
    qs = partnership.people.all()
    if ctx.sees_all_of(partnership):
        return qs
    if ctx.level(partnership) is None:
        return qs.none()
    own = ctx.clusters.get(partnership.pk, set())
    return qs.filter(Q(roles__cluster_id__in=own) | Q(user=ctx.user)).distinct()


def tenant_object_for(
    ctx: AccessContext, queryset: models.QuerySet[M], pk: Any, *, write: bool = False, partnership: Partnership
) -> M:
    """A row of `partnership` by primary key, looked up inside the partnership (404 otherwise).

    Readers and leads may read every row; changing needs the CHANGE permission (403 otherwise).
    Educators only reach rows through the dedicated helpers below.
    """
    if ctx.level(partnership) is None:
        raise Http404
    try:
        obj = queryset.filter(partnership=partnership).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not ctx.can(Perm.CHANGE, partnership):
        raise PermissionDenied
    if not write and not ctx.sees_all_of(partnership):
        raise Http404
    return obj


def cluster_for(ctx: AccessContext, partnership: Partnership, cluster_id: Any, *, write: bool = False) -> Cluster:
    if write:
        return tenant_object_for(ctx, partnership.clusters.all(), cluster_id, write=True, partnership=partnership)
    try:
        return clusters_visible(ctx, partnership).get(pk=cluster_id)
    except (partnership.clusters.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def person_for(ctx: AccessContext, partnership: Partnership, person_id: Any, *, write: bool = False) -> Person:
    if write:
        return tenant_object_for(ctx, partnership.people.all(), person_id, write=True, partnership=partnership)
    try:
        return people_visible(ctx, partnership).get(pk=person_id)
    except (partnership.people.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require(ctx: AccessContext, perm: Perm, partnership: Partnership) -> None:
    if ctx.level(partnership) is None:
        raise Http404
    if not ctx.can(perm, partnership):
        raise PermissionDenied


def shared_object_for_change(ctx: AccessContext, queryset: models.QuerySet[M], pk: Any, partnership: Partnership) -> M:
    """A board, school or institute that `partnership` works with, for its lead to change.

    Reference rows are shared between partnerships; a lead may change those that take part in the
    partnership (directly, or through their board for schools). Anything else: 404.
    """
    require(ctx, Perm.CHANGE, partnership)
    model = queryset.model
    if model._meta.model_name == "school":
        scope = Q(memberships__partnership=partnership) | Q(board__memberships__partnership=partnership)
    else:
        scope = Q(memberships__partnership=partnership)
    try:
        return queryset.filter(scope).distinct().get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def own_pending_import(ctx: AccessContext, partnership: Partnership, pk: Any, *, kind: str) -> Any:
    """An uploaded file awaiting confirmation: only who uploaded it confirms it, in the partnership it was for."""
    from .models import PendingImport

    if ctx.level(partnership) is None or not ctx.is_authenticated:
        raise Http404
    try:
        return PendingImport.objects.get(pk=pk, kind=kind, partnership=partnership, created_by=ctx.user)
    except (PendingImport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def page_context(ctx: AccessContext, partnership: Partnership, **extra: Any) -> dict[str, Any]:
    """Template context for a page of one partnership: the partnership and what the user may do there."""
    return {
        "partnership": partnership,
        "can_change": ctx.can(Perm.CHANGE, partnership),
        "sees_all": ctx.sees_all_of(partnership),
        "can_view_history": ctx.can(Perm.VIEW_HISTORY, partnership),
        **extra,
    }


# --- actions (samenopleiden.actions) -------------------------------------------------------------------


def actions_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    """Readers and leads: every action of the partnership; anyone else with a role: the actions they own."""
    from samenopleiden.actions.selectors import actions_for

    qs = actions_for(partnership)
    if ctx.sees_all_of(partnership):
        return qs
    if ctx.level(partnership) is None:
        return qs.none()
    return qs.filter(owner__user=ctx.user)


def action_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """An action to read (404 when not visible), or to change: the lead changes everything, the owner only its
    status and progress (the view asks `owns_action`); anyone else 403."""
    try:
        action = actions_visible(ctx, partnership).get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None
    if write and not (ctx.can(Perm.CHANGE, partnership) or owns_action(ctx, action)):
        raise PermissionDenied
    return action


def owns_action(ctx: AccessContext, action: Any) -> bool:
    return bool(ctx.is_authenticated and action.owner_id and action.owner.user_id == ctx.user.pk)


# --- students (samenopleiden.students) -------------------------------------------------------------------
# Students are personal data. The programme lead sees all of them, the placement office of an institute those of
# its institute, and teacher educators those of their own cluster(s). Steering-group and board members see counts,
# never students. Totals (counts, subsidy, coverage) are for everyone who reads the partnership and for placement
# offices.


def by_cluster_or_institute(
    ctx: AccessContext, partnership: Partnership, qs: models.QuerySet[M], *, cluster: str, institute: str
) -> models.QuerySet[M]:
    """Rows about students: the lead sees all; others the rows of their own clusters (`cluster`: the lookup of the
    row's cluster) and of the institutes whose placement office they are (`institute`: the institute lookup)."""
    if ctx.can(Perm.CHANGE, partnership):
        return qs
    if ctx.level(partnership) is None:
        return qs.none()
    condition = Q(pk__in=[])
    if own_clusters := ctx.clusters.get(partnership.pk):
        condition |= Q(**{f"{cluster}__in": own_clusters})
    if own_institutes := ctx.institutes.get(partnership.pk):
        condition |= Q(**{f"{institute}__in": own_institutes})
    return qs.filter(condition)


def students_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    from samenopleiden.students.models import Student

    qs = Student.objects.filter(partnership=partnership)
    return by_cluster_or_institute(ctx, partnership, qs, cluster="cluster_id", institute="institute_id")


def sees_students(ctx: AccessContext, partnership: Partnership) -> bool:
    """Whether the user may open the student pages at all (the lead, a placement office, a cluster's educator)."""
    if ctx.level(partnership) is None:
        return False
    return bool(
        ctx.can(Perm.CHANGE, partnership) or ctx.institutes.get(partnership.pk) or ctx.clusters.get(partnership.pk)
    )


def sees_student_totals(ctx: AccessContext, partnership: Partnership) -> bool:
    """Counts, subsidy and coverage: readers and leads, and placement offices."""
    return ctx.sees_all_of(partnership) or bool(ctx.institutes.get(partnership.pk))


def student_institutes_for_change(ctx: AccessContext, partnership: Partnership) -> set[int] | None:
    """The institutes whose students the user may add, import and change: None means all (the lead); an empty
    set means none."""
    if ctx.can(Perm.CHANGE, partnership):
        return None
    if ctx.level(partnership) is None:
        return set()
    return set(ctx.institutes.get(partnership.pk, set()))


def require_student_change(ctx: AccessContext, partnership: Partnership) -> set[int] | None:
    """404 outside the partnership; 403 for who may not change students; else `student_institutes_for_change`."""
    allowed = student_institutes_for_change(ctx, partnership)
    if ctx.level(partnership) is None:
        raise Http404
    if allowed is not None and not allowed:
        raise PermissionDenied
    return allowed


def require_student_totals(ctx: AccessContext, partnership: Partnership) -> None:
    if ctx.level(partnership) is None:
        raise Http404
    if not sees_student_totals(ctx, partnership):
        raise PermissionDenied


def student_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A student the user may see (404 otherwise); with `write`, one the user may change (403 otherwise)."""
    try:
        student = students_visible(ctx, partnership).select_related("institute", "school", "cluster").get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None
    if write:
        allowed = student_institutes_for_change(ctx, partnership)
        if allowed is not None and student.institute_id not in allowed:
            raise PermissionDenied
    return student


def count_statement_for(ctx: AccessContext, partnership: Partnership, pk: Any) -> Any:
    """A frozen count statement (totals and pseudonyms only) for who reads the partnership's totals."""
    from samenopleiden.students.models import CountStatement

    require_student_totals(ctx, partnership)
    try:
        return CountStatement.objects.get(partnership=partnership, pk=pk)
    except (CountStatement.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- background jobs (core.jobs) ---------------------------------------------------------------------------


def job_for(ctx: AccessContext, partnership: Partnership, pk: Any) -> Any:
    """A background job of the partnership: its progress is for who started it and for the lead."""
    from .models import Job

    if ctx.level(partnership) is None:
        raise Http404
    try:
        job = Job.objects.get(pk=pk, partnership=partnership)
    except (Job.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not (ctx.can(Perm.CHANGE, partnership) or (ctx.is_authenticated and job.created_by_id == ctx.user.pk)):
        raise Http404
    return job


# --- placements (samenopleiden.placements) -------------------------------------------------------------------
# Places offered are not personal data: everyone of the partnership reads them; the lead changes all offers, a
# school's teacher educators and coordinators those of the schools in their own cluster(s). Matching rounds and
# placements name students: the lead and placement offices (their institute's students) run rounds; educators
# see the placements in their own clusters.


def offer_schools_for_change(ctx: AccessContext, partnership: Partnership) -> set[int] | None:
    """The schools whose offers the user may change: None means all (the lead); an empty set means none."""
    if ctx.can(Perm.CHANGE, partnership):
        return None
    from samenopleiden.registry.models import Cluster

    own = ctx.clusters.get(partnership.pk, set())
    return set(Cluster.schools.through.objects.filter(cluster_id__in=own).values_list("school_id", flat=True))


def offer_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    from samenopleiden.placements.models import CapacityOffer

    if ctx.level(partnership) is None:
        raise Http404
    try:
        offer = CapacityOffer.objects.select_related("school").get(pk=pk, partnership=partnership)
    except (CapacityOffer.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write:
        allowed = offer_schools_for_change(ctx, partnership)
        if allowed is not None and offer.school_id not in allowed:
            raise PermissionDenied
    return offer


def runs_rounds(ctx: AccessContext, partnership: Partnership) -> bool:
    """The lead and placement offices open, run and confirm matching rounds."""
    return ctx.can(Perm.CHANGE, partnership) or bool(ctx.institutes.get(partnership.pk))


def rounds_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    """The lead: every round; a placement office: the rounds of its institute and those for all institutes."""
    from samenopleiden.placements.models import MatchingRound

    qs = MatchingRound.objects.filter(partnership=partnership)
    if ctx.can(Perm.CHANGE, partnership):
        return qs
    own = ctx.institutes.get(partnership.pk)
    if ctx.level(partnership) is None or not own:
        return qs.none()
    return qs.filter(Q(institute_id__in=own) | Q(institute__isnull=True))


def round_for(ctx: AccessContext, partnership: Partnership, pk: Any) -> Any:
    """A round the user may see and run (404 otherwise: rounds hold students' placements)."""
    if ctx.level(partnership) is None:
        raise Http404
    try:
        return rounds_visible(ctx, partnership).get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


def run_for(ctx: AccessContext, partnership: Partnership, pk: Any) -> Any:
    """A run of a round the user may see (404 otherwise)."""
    from samenopleiden.placements.models import RoundRun

    try:
        run = RoundRun.objects.select_related("round").get(pk=pk, partnership=partnership)
    except (RoundRun.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    round_for(ctx, partnership, run.round_id)
    return run


def placements_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    """Confirmed placements: the lead all; a placement office its institute's students; educators their clusters'."""
    from samenopleiden.placements.models import Placement

    qs = Placement.objects.filter(partnership=partnership)
    return by_cluster_or_institute(ctx, partnership, qs, cluster="cluster_id", institute="student__institute_id")


# --- students: subsidy and coverage (samenopleiden.students, views/subsidy.py and views/coverage.py) ---------------
# Totals only, so `require_student_totals` decides who reads. An institute's total student numbers (the coverage
# denominator) are entered by its placement office, by the lead of a partnership it takes part in, and by the
# platform administrator: `student_institutes_for_change` says which institutes that is.


def coverage_institute_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """An institute of the partnership (taking part, or with students trained there) for its coverage totals: 404
    outside the partnership or for another institute; 403 for who may not read totals or, with `write`, may not
    enter this institute's numbers."""
    from samenopleiden.registry.models import Institute

    require_student_totals(ctx, partnership)
    scope = Q(memberships__partnership=partnership) | Q(students__partnership=partnership)
    try:
        institute = Institute.objects.filter(scope).distinct().get(pk=pk)
    except (Institute.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write:
        allowed = student_institutes_for_change(ctx, partnership)
        if allowed is not None and institute.pk not in allowed:
            raise PermissionDenied
    return institute


# --- growth workspace (samenopleiden.growth) --------------------------------------------------------------
# The growth workspace, the variant matrix and candidates joining: no student data, so everyone of the partnership
# reads it (student numbers on the overview follow `sees_student_totals`); who changes the partnership
# (Perm.CHANGE: the programme lead) changes it.


def growth_row_for(
    ctx: AccessContext, partnership: Partnership, queryset: models.QuerySet[M], pk: Any, *, write: bool = False
) -> M:
    """A workspace row of `partnership`: 404 outside the partnership or for another partnership's row; 403 with
    `write` for who may not change the partnership."""
    if ctx.level(partnership) is None:
        raise Http404
    try:
        obj = queryset.filter(partnership=partnership).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not ctx.can(Perm.CHANGE, partnership):
        raise PermissionDenied
    return obj


# --- growth projection (samenopleiden.growth) -------------------------------------------------------------------
# Scenarios and their projections rest on the partnership's student totals, subsidy and costs: who reads student
# totals (`sees_student_totals`: the lead, steering group and board members, placement offices) reads them; an
# educator of a cluster gets 403. The growth potential per board (no student data) is for everyone of the
# partnership. Who changes the partnership (Perm.CHANGE: the programme lead) changes scenarios and the agreement's
# limits.


def require_growth_scenarios(ctx: AccessContext, partnership: Partnership, *, write: bool = False) -> None:
    """404 outside the partnership; 403 for who may not read (or, with `write`, change) its scenarios."""
    if ctx.level(partnership) is None:
        raise Http404
    if not sees_student_totals(ctx, partnership) or (write and not ctx.can(Perm.CHANGE, partnership)):
        raise PermissionDenied


def growth_scenario_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A scenario of `partnership`: 404 outside it or for another partnership's scenario; 403 as above."""
    from samenopleiden.growth.models import Scenario

    require_growth_scenarios(ctx, partnership, write=write)
    try:
        return Scenario.objects.filter(partnership=partnership).get(pk=pk)
    except (Scenario.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def growth_board_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A board that is a member of `partnership` (for its limit in the agreement): 404 otherwise."""
    from samenopleiden.registry.models import SchoolBoard

    if ctx.level(partnership) is None:
        raise Http404
    try:
        board = SchoolBoard.objects.filter(memberships__partnership=partnership).distinct().get(pk=pk)
    except (SchoolBoard.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not ctx.can(Perm.CHANGE, partnership):
        raise PermissionDenied
    return board


# --- conversations sessions (samenopleiden.conversations) ---------------------------------------------------------
# Conversation guides and the sessions held with them. Guides: the platform's (no partnership; kept by the platform
# administrator in the Django admin) and the partnership's own copies; everyone of the partnership reads them, the
# lead copies and changes the partnership's own. Sessions: the lead creates and runs them; readers read every
# session and its report; educators read only the sessions they take part in (a participant linked to their
# person record), never the facilitator's pages.


def guides_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    from samenopleiden.conversations.models import Guide

    require(ctx, Perm.VIEW, partnership)
    return Guide.objects.filter(Q(partnership=None) | Q(partnership=partnership))


def guide_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A platform guide or one of the partnership's own to read; with `write` only an own guide, for the lead
    (a platform guide or another partnership's: 404; a reader: 403)."""
    require(ctx, Perm.CHANGE if write else Perm.VIEW, partnership)
    queryset = guides_visible(ctx, partnership)
    if write:
        queryset = queryset.filter(partnership=partnership)
    try:
        return queryset.get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


def guide_row_for(ctx: AccessContext, partnership: Partnership, guide: Any, queryset: models.QuerySet[M], pk: Any) -> M:
    """A theme, question or checklist item of the partnership's own `guide`, for the lead to change."""
    require(ctx, Perm.CHANGE, partnership)
    if guide.partnership_id != partnership.pk:
        raise Http404
    try:
        return queryset.filter(partnership=partnership).get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


def sessions_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    from samenopleiden.conversations.models import Session

    require(ctx, Perm.VIEW, partnership)
    queryset = Session.objects.filter(partnership=partnership)
    if ctx.sees_all_of(partnership):
        return queryset
    if not ctx.is_authenticated:
        return queryset.none()
    return queryset.filter(participants__person__user=ctx.user).distinct()


def session_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A session to read (readers, the lead, educators who take part) or to run and change (the lead)."""
    if write:
        require(ctx, Perm.CHANGE, partnership)
    try:
        return sessions_visible(ctx, partnership).select_related("guide", "facilitator").get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


def session_row_for(ctx: AccessContext, session: Any, queryset: models.QuerySet[M], pk: Any) -> M:
    """A participant, decision or other row of `session`, for the lead to change (404 outside the session)."""
    require(ctx, Perm.CHANGE, session.partnership)
    try:
        return queryset.filter(partnership=session.partnership, session=session).get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


# --- conversations assessment (samenopleiden.conversations) -------------------------------------------------------
# The self-assessment of equal collaboration. The lead opens, changes and closes rounds; the results (means only,
# never one person's answers) are for everyone who reads the whole partnership. Respondents need no account: the
# secret token of a round is their key, and `assessment_round_for_respondent` decides whether they may answer.
# Good practices are platform-wide: approved ones for everyone signed in; a proposal for who proposed it and for
# the readers of its partnership; curation for the platform administrator.


def assessment_rounds_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    from samenopleiden.conversations.models import AssessmentRound

    require(ctx, Perm.VIEW_ALL, partnership)
    return AssessmentRound.objects.filter(partnership=partnership)


def assessment_round_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A round of the partnership: readers and the lead read it (educators 403), the lead changes it."""
    require(ctx, Perm.CHANGE if write else Perm.VIEW_ALL, partnership)
    try:
        return assessment_rounds_visible(ctx, partnership).get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None


def assessment_round_for_respondent(token: Any, *, today: dt.date) -> tuple[Any, str]:
    """The round a respondent's link points to, and why they may not answer: ("" when they may), "unknown" (no
    such link), "not_yet" (opens later) or "closed". Anyone with the link may answer an open round."""
    from samenopleiden.conversations.models import AssessmentRound

    if not isinstance(token, str) or not token or len(token) > 64:
        return None, "unknown"
    found = AssessmentRound.objects.select_related("partnership").filter(token=token).first()
    if found is None:
        return None, "unknown"
    if found.is_open_on(today):
        return found, ""
    return found, "not_yet" if found.opened_on > today and found.closed_on is None else "closed"


def practices_visible(ctx: AccessContext) -> models.QuerySet[Any]:
    """Approved good practices, for everyone signed in."""
    from samenopleiden.conversations.models import GoodPractice

    if not ctx.is_authenticated:
        return GoodPractice.objects.none()
    return GoodPractice.objects.filter(status=GoodPractice.Status.APPROVED)


def own_practice_proposals(ctx: AccessContext) -> models.QuerySet[Any]:
    """The proposals (not yet approved, or rejected) the user made."""
    from samenopleiden.conversations.models import GoodPractice

    if not ctx.is_authenticated:
        return GoodPractice.objects.none()
    return GoodPractice.objects.filter(proposed_by=ctx.user).exclude(status=GoodPractice.Status.APPROVED)


def partnership_practices(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    """Every practice the partnership proposed, whatever its status: for who reads the whole partnership."""
    from samenopleiden.conversations.models import GoodPractice

    require(ctx, Perm.VIEW_ALL, partnership)
    return GoodPractice.objects.filter(partnership=partnership)


def practice_for_review(ctx: AccessContext, pk: Any) -> Any:
    """A practice to approve or reject: only the platform administrator (404 for everyone else)."""
    from samenopleiden.conversations.models import GoodPractice

    if not ctx.is_admin:
        raise Http404
    try:
        return GoodPractice.objects.select_related("partnership", "dilemma").get(pk=pk)
    except (GoodPractice.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- quality: the core document (samenopleiden.quality, document part) --------------------------------------------
# The framework and the core document hold no personal data: everyone of the partnership reads them (educators too).
# The programme lead (Perm.CHANGE) changes everything; a section's writer also edits that section's text. Comments
# are for the lead, the writer and the people named as reviewers in a feedback round on that section. Only the lead
# records the approval by the board meeting. Live data blocks with student counts follow `sees_student_totals`.


def core_section_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A section of the partnership's core document: 404 outside the partnership; with `write`, 403 for who is
    neither the lead nor the section's writer."""
    from samenopleiden.quality.models import CoreSection

    require(ctx, Perm.VIEW, partnership)
    try:
        section = CoreSection.objects.select_related("safeguard", "element", "writer", "document").get(
            pk=pk, partnership=partnership
        )
    except (CoreSection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write and not may_edit_section(ctx, section):
        raise PermissionDenied
    return section


def may_edit_section(ctx: AccessContext, section: Any) -> bool:
    if ctx.can(Perm.CHANGE, section.partnership_id):
        return True
    return bool(ctx.is_authenticated and section.writer_id and section.writer.user_id == ctx.user.pk)


def may_comment_section(ctx: AccessContext, section: Any) -> bool:
    """The lead, the writer, and who is named as a reviewer in a feedback round on this section."""
    if may_edit_section(ctx, section):
        return True
    if not ctx.is_authenticated or ctx.level(section.partnership_id) is None:
        return False
    return section.rounds.filter(reviewers__user=ctx.user).exists()


def core_comment_for(ctx: AccessContext, section: Any, pk: Any, *, resolve: bool = False) -> Any:
    """A comment on `section`: 404 when it is not one; with `resolve`, 403 for who may not handle it (the lead, the
    writer and the comment's author may)."""
    try:
        comment = section.comments.get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None
    if resolve and not (may_edit_section(ctx, section) or (ctx.is_authenticated and comment.author_id == ctx.user.pk)):
        raise PermissionDenied
    return comment


# --- conversations live board (samenopleiden.conversations, views_board.py) -------------------------------------
# The live board of a session. The lead facilitates (groups post-its, runs the voting and the placemat); readers see
# the board read-only; educators 403; outsiders 404. Participants need no account: the session code lets them join,
# and their participant token, kept in their Django session (never taken from a form), is their key to that one
# session only.


def board_session_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A session of the partnership, for its board: readers and the lead read, the lead changes (educators 403)."""
    from samenopleiden.conversations.models import Session

    require(ctx, Perm.CHANGE if write else Perm.VIEW_ALL, partnership)
    try:
        return Session.objects.select_related("partnership").get(partnership=partnership, pk=pk)
    except (Session.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def board_row_for(board: Any, queryset: models.QuerySet[M], pk: Any) -> M:
    """A row (post-it, group, option, table) of `board`, whose session the caller already reached: 404 otherwise."""
    try:
        return queryset.filter(board=board).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def session_for_code(code: Any) -> Any:
    """The session with this code (what a participant typed, case and spaces ignored), or None."""
    from samenopleiden.conversations.models import Session

    if not isinstance(code, str):
        return None
    code = "".join(code.split()).upper()
    if not code or len(code) > 12:
        return None
    return Session.objects.select_related("partnership").filter(code=code).first()


def board_participant(session: Any, token: Any) -> Any:
    """The participant of `session` whose secret token the browser's Django session holds, or None."""
    from samenopleiden.conversations.models import Participant

    if not isinstance(token, str) or not token:
        return None
    return Participant.objects.filter(session=session, token=token).first()


def board_participant_by_code(code: Any, tokens: list[Any]) -> Any:
    """The participant, among those whose tokens the browser's Django session holds, of the session with `code`,
    with the session and its board id (`board_id`) in one query; None otherwise."""
    from django.db.models import F

    from samenopleiden.conversations.models import Participant

    tokens = [t for t in tokens if isinstance(t, str) and t]
    if not isinstance(code, str) or not tokens or len(code) > 40:
        return None
    return (
        Participant.objects.select_related("session")
        .annotate(board_id=F("session__board__id"))
        .filter(session__code="".join(code.split()).upper(), token__in=tokens[:50])
        .first()
    )


# --- quality cycle (samenopleiden.quality: goals, calendar, annual plans, survey, peer review, certification) -------
# Goals, the calendar, peer reviews and certification: readers and the lead read, the lead changes (educators 403).
# Annual plans: readers and the lead read every cluster's plan; a cluster's teacher educators (schoolopleider,
# instituutsopleider, coordinators with that cluster) read and write their own cluster's plans; the lead all.
# Survey results: readers and the lead see every cluster; educators only their own clusters'. Students answer
# without an account: the secret token of their cluster's link is their key (`survey_link_for_respondent`).


def quality_row_for(
    ctx: AccessContext, partnership: Partnership, queryset: models.QuerySet[M], pk: Any, *, write: bool = False
) -> M:
    """A goal, calendar moment, peer review or certification row of `partnership`: readers read (educators 403),
    the lead changes; 404 outside the partnership or for another partnership's row."""
    require(ctx, Perm.CHANGE if write else Perm.VIEW_ALL, partnership)
    try:
        return queryset.filter(partnership=partnership).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def plan_clusters_for_change(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Cluster]:
    """The clusters whose annual plans the user may write: all for the lead, the own clusters for educators."""
    if ctx.can(Perm.CHANGE, partnership):
        return partnership.clusters.all()
    if ctx.level(partnership) is None:
        return partnership.clusters.none()
    return partnership.clusters.filter(pk__in=ctx.clusters.get(partnership.pk, set()))


def annual_plans_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Any]:
    from samenopleiden.quality.models import AnnualPlan

    qs = AnnualPlan.objects.filter(partnership=partnership)
    if ctx.sees_all_of(partnership):
        return qs
    if ctx.level(partnership) is None:
        return qs.none()
    return qs.filter(cluster_id__in=ctx.clusters.get(partnership.pk, set()))


def may_write_plan(ctx: AccessContext, partnership: Partnership, cluster_id: int) -> bool:
    return ctx.can(Perm.CHANGE, partnership) or (
        ctx.level(partnership) is not None and cluster_id in ctx.clusters.get(partnership.pk, set())
    )


def annual_plan_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A plan the user may read (404 otherwise); with `write`, one of a cluster they may write for (403 otherwise:
    a reader, the lead may write every plan)."""
    if ctx.level(partnership) is None:
        raise Http404
    try:
        plan = annual_plans_visible(ctx, partnership).select_related("cluster").get(pk=pk)
    except (ValueError, TypeError, models.ObjectDoesNotExist):
        raise Http404 from None
    if write and not may_write_plan(ctx, partnership, plan.cluster_id):
        raise PermissionDenied
    return plan


def survey_for(ctx: AccessContext, partnership: Partnership, pk: Any, *, write: bool = False) -> Any:
    """A survey of the partnership: everyone of the partnership reads it (educators see only their clusters'
    results: `survey_clusters_visible`), the lead changes it."""
    from samenopleiden.quality.models import Survey

    require(ctx, Perm.CHANGE if write else Perm.VIEW, partnership)
    try:
        return Survey.objects.get(partnership=partnership, pk=pk)
    except (Survey.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def survey_clusters_visible(ctx: AccessContext, partnership: Partnership) -> models.QuerySet[Cluster]:
    """The clusters whose survey results the user sees."""
    return clusters_visible(ctx, partnership)


def survey_link_for_respondent(token: Any, *, today: dt.date) -> tuple[Any, str]:
    """The cluster link a respondent's token points to and why they may not answer ("" when they may): "unknown",
    "not_yet" or "closed"."""
    from samenopleiden.quality.models import SurveyLink

    if not isinstance(token, str) or not token or len(token) > 64:
        return None, "unknown"
    link = SurveyLink.objects.select_related("survey", "cluster", "partnership").filter(token=token).first()
    if link is None:
        return None, "unknown"
    survey = link.survey
    if survey.is_open_on(today):
        return link, ""
    return link, "not_yet" if survey.closed_on is None and survey.opens_on > today else "closed"
