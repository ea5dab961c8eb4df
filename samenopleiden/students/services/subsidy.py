"""The subsidy page's data and the allocation key's changes. The arithmetic lives in `students.funding`; this reads
what it needs (rates, the counts of t-1 and t, the partners with their students, clusters and fixed shares) in a
fixed number of queries, and writes the key.

Attribution of a counted student of t-1 to a partner: the membership of the board of the student's school; else,
when the school itself takes part (without its board), the school's membership; else the board of the student's
cluster. Students
that reach no partner this way are left out of the per-student part (the others share it) and are reported.
Partners are the memberships that had not ended before the school year began; clusters count as they are now.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from samenopleiden.core import editing, history
from samenopleiden.core.errors import DomainError, StaleObjectError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.registry.models import Membership, Partnership, School

from .. import counting, funding, schoolyear
from ..models import AllocationKey, AllocationShare, FundingRate, Student
from .coverage import who_changed

KEY_FIELDS = ("central_share", "weight_students", "weight_clusters", "weight_fixed", "note")


@dataclass
class Partner:
    membership: Membership
    students: int = 0
    clusters: int = 0
    fixed_share: Decimal = Decimal(0)
    share: funding.Share | None = None  # its amount and parts, when there is an amount to distribute

    @property
    def name(self) -> str:
        return str(self.membership.party)


@dataclass
class Subsidy:
    partnership: Partnership
    school_year: str
    basis_year: str
    next_year: str
    rate: FundingRate | None
    basis: counting.Count  # the count of t-1
    current: counting.Count  # the count of this year so far
    estimate: funding.Estimate
    key: AllocationKey | None  # None: none agreed yet (the default key is used)
    engine_key: funding.Key
    partners: list[Partner]
    unassigned: int
    distribution: funding.Distribution | None
    key_changed: HistoryEntry | None = None
    key_changed_by: str = ""
    years: list[str] = field(default_factory=list)


def rates_for(rate: FundingRate | None) -> funding.Rates | None:
    if rate is None:
        return None
    return funding.Rates(
        school_year=rate.school_year,
        fixed_amount=rate.fixed_amount,
        per_student_amount=rate.per_student_amount,
        minimum_students=rate.minimum_students,
        aspirant_fixed_amount=rate.aspirant_fixed_amount,
        national_budget=rate.national_budget,
        national_requested=rate.national_requested,
    )


def engine_key(key: AllocationKey | None) -> funding.Key:
    if key is None:
        return funding.Key()
    return funding.Key(key.central_share, key.weight_students, key.weight_clusters, key.weight_fixed)


def partners_of(partnership: Partnership, school_year: str) -> list[Partner]:
    """The memberships that had not ended before `school_year` began: boards, then schools that take part without
    their board (a school of a member board is part of its board's share), then institutes."""
    rows = list(
        Membership.objects.filter(partnership=partnership)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=schoolyear.start(school_year)))
        .select_related("board", "school", "institute")
    )
    boards = {m.board_id for m in rows if m.board_id}
    rows = [m for m in rows if not (m.school_id and m.school.board_id in boards)]
    order = {"board": 0, "school": 1, "institute": 2}
    return [Partner(m) for m in sorted(rows, key=lambda m: (order[m.kind], str(m.party).casefold()))]


def attribute(partnership: Partnership, partners: list[Partner], basis: counting.Count) -> int:
    """Fill in each partner's counted students (of `basis`) and clusters; return the students that reach none."""
    by_board = {p.membership.board_id: p for p in partners if p.membership.board_id}
    by_school = {p.membership.school_id: p for p in partners if p.membership.school_id}
    cluster_boards = dict(partnership.clusters.values_list("pk", "board_id"))
    counted = basis.counted
    school_ids = {o.school_id for o in counted if o.school_id}
    school_boards = dict(School.objects.filter(pk__in=school_ids).values_list("pk", "board_id")) if school_ids else {}
    unassigned = 0
    for outcome in counted:
        partner = (
            by_board.get(school_boards.get(outcome.school_id))
            or by_school.get(outcome.school_id)
            or by_board.get(cluster_boards.get(outcome.cluster_id))
        )
        if partner is None:
            unassigned += 1
        else:
            partner.students += 1
    for board_id, n in Counter(cluster_boards.values()).items():
        if board_id in by_board:
            by_board[board_id].clusters = n
    return unassigned


def subsidy_for(partnership: Partnership, school_year: str, *, today: dt.date) -> Subsidy:
    basis_year, next_year = schoolyear.previous(school_year), schoolyear.following(school_year)
    students = Student.objects.filter(partnership=partnership)
    basis = counting.count(students, basis_year)
    current = counting.count(students, school_year)
    rate = FundingRate.objects.filter(school_year=school_year).first()
    estimate = funding.estimate(
        school_year=school_year,
        basis_year=basis_year,
        recognised=partnership.status == Partnership.Status.RECOGNISED,
        rates=rates_for(rate),
        counted=basis.total if basis.outcomes else None,
        current=current.total if current.outcomes else None,
        next_year=next_year,
    )
    key = AllocationKey.objects.filter(partnership=partnership).first()
    partners = partners_of(partnership, school_year)
    if key is not None:
        shares = dict(AllocationShare.objects.filter(key=key).values_list("membership_id", "share"))
        for partner in partners:
            partner.fixed_share = shares.get(partner.membership.pk, Decimal(0))
    unassigned = attribute(partnership, partners, basis)
    the_key = engine_key(key)
    distribution = None
    if estimate.amount:
        recipients = [
            funding.Recipient(p.membership.pk, p.name, p.students, p.clusters, p.fixed_share) for p in partners
        ]
        distribution = funding.distribute(estimate.amount, the_key, recipients, unassigned=unassigned)
        for partner, share in zip(partners, distribution.shares, strict=True):
            partner.share = share
    changed = _last_change(key)
    return Subsidy(
        partnership=partnership,
        school_year=school_year,
        basis_year=basis_year,
        next_year=next_year,
        rate=rate,
        basis=basis,
        current=current,
        estimate=estimate,
        key=key,
        engine_key=the_key,
        partners=partners,
        unassigned=unassigned,
        distribution=distribution,
        key_changed=changed,
        key_changed_by=who_changed(partnership, [changed.actor_id]).get(changed.actor_id, "") if changed else "",
        years=years_for(partnership, today),
    )


def years_for(partnership: Partnership, today: dt.date) -> list[str]:
    """The school years worth choosing: those with rates, the years after those with students, and this one."""
    years = {schoolyear.current(today)}
    years |= set(FundingRate.objects.values_list("school_year", flat=True))
    years |= {
        schoolyear.following(y)
        for y in Student.objects.filter(partnership=partnership).values_list("school_year", flat=True).distinct()
    }
    return sorted(years, reverse=True)


def _last_change(key: AllocationKey | None) -> HistoryEntry | None:
    if key is None:
        return None
    return (
        HistoryEntry.objects.filter(object_type="allocationkey", object_id=str(key.pk)).order_by("-at", "-id").first()
    )


# --- changing the key -------------------------------------------------------------------------------------


def _shares_text(shares: dict[int, Decimal], names: dict[int, str]) -> str:
    return "; ".join(f"{names.get(pk, pk)}: {funding.percent(share)}" for pk, share in sorted(shares.items()))


@transaction.atomic
def allocation_key_save(
    *,
    partnership: Partnership,
    values: dict[str, Any],
    shares: dict[int, Decimal | None],
    expected_version: int | None,
    actor: Any,
) -> AllocationKey:
    """Create or change the partnership's key and its fixed shares, all or nothing. Fixed shares, when given, add
    up to 100%; they are required when part of the money goes to fixed shares."""
    values = {name: values[name] for name in KEY_FIELDS if name in values}
    key = AllocationKey.objects.select_for_update().filter(partnership=partnership).first()
    if key is None:
        key = AllocationKey(partnership=partnership, **values)
        try:
            with transaction.atomic():
                editing.create(key, actor=actor, partnership=partnership)
        except IntegrityError:
            raise _stale() from None
    elif expected_version is None:
        raise _stale()  # the form was opened before someone else made the key
    else:
        editing.apply_changes(
            key, changes=values, actor=actor, partnership=partnership, expected_version=expected_version
        )
    memberships = {
        m.pk: str(m.party)
        for m in Membership.objects.filter(partnership=partnership).select_related("board", "school", "institute")
    }
    if set(shares) - set(memberships):
        raise DomainError(_("Een vast aandeel kan alleen naar een partner van dit partnerschap."))
    entered = {pk: share for pk, share in shares.items() if share}
    total = sum(entered.values(), Decimal(0))
    if key.weight_fixed and not entered:
        raise DomainError(
            _(
                "U verdeelt %(weight)s naar vaste aandelen, maar er is geen vast aandeel ingevuld. Vul per partner "
                "een aandeel in; samen 100%%."
            )
            % {"weight": funding.percent(key.weight_fixed)}
        )
    if entered and total != 100:
        raise DomainError(
            _("De vaste aandelen tellen samen op tot %(total)s; dat moet 100%% zijn.")
            % {"total": funding.percent(total)}
        )
    stored = dict(AllocationShare.objects.filter(key=key).values_list("membership_id", "share"))
    if stored != entered:
        AllocationShare.objects.filter(key=key).exclude(membership_id__in=list(entered)).delete()
        for pk, share in entered.items():
            AllocationShare.objects.update_or_create(
                key=key, membership_id=pk, defaults={"partnership": partnership, "share": share}
            )
        history.record(
            actor=actor,
            obj=key,
            action="changed",
            partnership=partnership,
            changes={"vaste aandelen": [_shares_text(stored, memberships), _shares_text(entered, memberships)]},
        )
    return key


def _stale() -> StaleObjectError:
    return StaleObjectError(
        _(
            "Iemand anders heeft de verdeelsleutel intussen gewijzigd. Laad de pagina opnieuw en breng uw wijziging "
            "opnieuw aan."
        )
    )
