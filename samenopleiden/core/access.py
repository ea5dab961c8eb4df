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
}


@dataclass
class AccessContext:
    user: Any
    is_admin: bool = False
    levels: dict[int, Level] = field(default_factory=dict)
    clusters: dict[int, set[int]] = field(default_factory=dict)

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
        .values_list("partnership_id", "role", "cluster_id")
    )
    for partnership_id, role, cluster_id in rows:
        level = ROLE_LEVELS[role]
        if level > ctx.levels.get(partnership_id, 0):
            ctx.levels[partnership_id] = level
        if cluster_id:
            ctx.clusters.setdefault(partnership_id, set()).add(cluster_id)
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


def page_context(ctx: AccessContext, partnership: Partnership, **extra: Any) -> dict[str, Any]:
    """Template context for a page of one partnership: the partnership and what the user may do there."""
    return {
        "partnership": partnership,
        "can_change": ctx.can(Perm.CHANGE, partnership),
        "sees_all": ctx.sees_all_of(partnership),
        "can_view_history": ctx.can(Perm.VIEW_HISTORY, partnership),
        **extra,
    }
