"""The live board's rules against the real database: joining with a code, post-its, groups, dot-voting with a
fixed number of dots, the top two, the placemat."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations import selectors_board as selectors
from samenopleiden.conversations import services_board as services
from samenopleiden.conversations.models import (
    POSTIT_MAX,
    Board,
    Guide,
    Participant,
    PlacematAnswer,
    PostIt,
    Session,
    Vote,
)
from samenopleiden.core.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content(db):
    assessment_content.load()


@pytest.fixture
def session(partnership):
    guide = Guide.objects.create(title="Verdiepende sessie")
    return Session.objects.create(partnership=partnership, guide=guide, title="Gesprek gelijkwaardigheid")


@pytest.fixture
def live(session):
    return services.board_for(session)


def join(session, perspective="school"):
    return services.participant_join(session=session, perspective=perspective)


def test_a_board_starts_with_the_six_dilemmas_and_is_made_once(session):
    live = services.board_for(session)
    assert services.board_for(session).pk == live.pk
    assert live.options.count() == 6
    assert all(o.dilemma_id for o in live.options.all())


@pytest.mark.parametrize(
    ("status", "valid_until", "problem"),
    [
        (Session.Status.PLANNED, None, ""),
        (Session.Status.RUNNING, dt.timedelta(hours=1), ""),
        (Session.Status.RUNNING, -dt.timedelta(minutes=1), "expired"),
        (Session.Status.DONE, None, "done"),
    ],
)
def test_code_problem(session, status, valid_until, problem):
    session.status = status
    session.code_valid_until = timezone.now() + valid_until if valid_until is not None else None
    assert services.code_problem(session) == problem
    assert services.code_problem(None) == "unknown"


def test_joining_an_ended_session_is_refused(session):
    session.status = Session.Status.DONE
    session.save()
    with pytest.raises(DomainError):
        join(session)
    assert not Participant.objects.exists()


def test_a_postit_raises_the_revision_and_is_found_as_a_change(live, session):
    p = join(session)
    before = Board.objects.get(pk=live.pk).revision
    postit = services.postit_add(board=live, participant=p, colour="goed", text="  We plannen samen  ")
    assert postit.text == "We plannen samen"
    assert postit.revision == before + 1 == selectors.revision(live.pk)
    changes = selectors.changes_since(live.pk, before)
    assert [x.pk for x in changes["postits"]] == [postit.pk]
    assert selectors.changes_since(live.pk, postit.revision)["postits"] == []


@pytest.mark.parametrize(
    ("colour", "text"),
    [("goed", "x" * (POSTIT_MAX + 1)), ("goed", "x" * 10_000), ("goed", "   "), ("paars", "tekst")],
)
def test_bad_postits_are_refused_and_nothing_is_stored(live, session, colour, text):
    p = join(session)
    revision = selectors.revision(live.pk)
    with pytest.raises(DomainError):
        services.postit_add(board=live, participant=p, colour=colour, text=text)
    assert not PostIt.objects.exists()
    assert selectors.revision(live.pk) == revision


def test_a_postit_of_exactly_the_maximum_is_accepted(live, session):
    services.postit_add(board=live, participant=join(session), colour="beter", text="y" * POSTIT_MAX)
    assert PostIt.objects.count() == 1


def test_groups_and_moving(live, session, programme_lead):
    postit = services.postit_add(board=live, participant=join(session), colour="definitie", text="Elkaar vertrouwen")
    group = services.group_add(board=live, name="Vertrouwen", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.group_add(board=live, name="vertrouwen", actor=programme_lead.user)
    services.postit_move(postit=postit, group=group, actor=programme_lead.user)
    view = selectors.board_view(live)
    assert [p.pk for p in view.groups[0].postits] == [postit.pk]
    assert all(not c.loose for c in view.columns)
    services.postit_move(postit=postit, group=None, actor=programme_lead.user)
    assert PostIt.objects.get().group is None


def test_a_group_of_another_board_is_refused(live, session, partnership, programme_lead):
    other = services.board_for(Session.objects.create(partnership=partnership, guide=session.guide, title="Ander"))
    group = services.group_add(board=other, name="Elders", actor=programme_lead.user)
    postit = services.postit_add(board=live, participant=join(session), colour="goed", text="hier")
    with pytest.raises(DomainError):
        services.postit_move(postit=postit, group=group, actor=programme_lead.user)


def test_votes_up_to_the_allowance_also_on_one_option(live, session, programme_lead):
    p = join(session)
    services.voting_open(board=live, votes_per_participant=3, actor=programme_lead.user)
    option = live.options.first()
    for _i in range(3):
        services.vote_add(board=live, participant=p, option=option)
    with pytest.raises(DomainError, match="stippen gebruikt"):
        services.vote_add(board=live, participant=p, option=live.options.last())
    assert Vote.objects.filter(participant=p).count() == 3
    services.vote_remove(board=live, participant=p, option=option)
    services.vote_add(board=live, participant=p, option=live.options.last())
    assert selectors.own_votes(live, p) == {option.pk: 2, live.options.last().pk: 1}


def test_voting_only_while_open(live, session, programme_lead):
    p = join(session)
    with pytest.raises(DomainError):
        services.vote_add(board=live, participant=p, option=live.options.first())
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    services.vote_add(board=live, participant=p, option=live.options.first())
    services.voting_close(board=live, actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.vote_add(board=live, participant=p, option=live.options.first())
    assert Vote.objects.count() == 1


def test_the_database_refuses_a_second_dot_in_the_same_slot(live, session):
    from django.db import IntegrityError, transaction

    p = join(session)
    option = live.options.first()
    Vote.objects.create(partnership=live.partnership, board=live, participant=p, option=option, slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(partnership=live.partnership, board=live, participant=p, option=option, slot=1)


@pytest.mark.django_db(transaction=True)
def test_two_tabs_voting_at_once_never_exceed_the_allowance(partnership, programme_lead):
    assessment_content.load()
    session = Session.objects.create(
        partnership=partnership, guide=Guide.objects.create(title="G"), title="Gelijktijdig"
    )
    live = services.board_for(session)
    p = join(session)
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    option = live.options.first()
    errors = []

    def vote():
        try:
            for _i in range(3):
                try:
                    services.vote_add(board=live, participant=p, option=option)
                except DomainError:
                    pass
        except Exception as exc:  # noqa: BLE001 - a database error is also a result here
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=vote) for _i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Vote.objects.filter(participant=p).count() == 2


@pytest.mark.parametrize(
    ("counts", "chosen", "tied"),
    [
        ([("a", 5), ("b", 3), ("c", 1)], ["a", "b"], []),
        ([("a", 5), ("b", 3), ("c", 3)], ["a"], ["b", "c"]),
        ([("a", 4), ("b", 4), ("c", 4)], [], ["a", "b", "c"]),
        ([("a", 4), ("b", 4), ("c", 1)], ["a", "b"], []),
        ([("a", 2), ("b", 0), ("c", 0)], ["a"], []),
        ([("a", 0), ("b", 0)], [], []),
    ],
)
def test_top_two(counts, chosen, tied):
    assert services.top_two(counts) == (chosen, tied)


def test_closing_chooses_the_top_two_and_the_facilitator_may_change(live, session, programme_lead):
    services.voting_open(board=live, votes_per_participant=3, actor=programme_lead.user)
    options = list(live.options.all())
    for plan in ([0, 0, 1], [0, 1, 2], [1, 2, 3]):
        p = join(session)
        for i in plan:
            services.vote_add(board=live, participant=p, option=options[i])
    chosen, tied = services.voting_close(board=live, actor=programme_lead.user)
    assert [o.pk for o in chosen] == [options[0].pk, options[1].pk] and not tied
    services.option_choose(option=options[2], chosen=True, actor=programme_lead.user)
    assert set(live.options.filter(chosen=True).values_list("pk", flat=True)) == {o.pk for o in options[:3]}


def test_an_added_dilemma_can_be_voted_on(live, session, programme_lead):
    option = services.option_add(board=live, title="Werkdruk in tekortvakken", actor=programme_lead.user)
    assert option.dilemma_id is None and live.options.count() == 7
    with pytest.raises(DomainError):
        services.option_add(board=live, title="werkdruk in tekortvakken", actor=programme_lead.user)


def test_the_placemat_one_table_per_chosen_dilemma_and_no_silent_overwrite(live, session, programme_lead):
    services.voting_open(board=live, votes_per_participant=2, actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.placemat_open(board=live, actor=programme_lead.user)
    options = list(live.options.all())
    p = join(session)
    services.vote_add(board=live, participant=p, option=options[0])
    services.vote_add(board=live, participant=p, option=options[1])
    services.voting_close(board=live, actor=programme_lead.user)
    tables = services.placemat_open(board=live, actor=programme_lead.user)
    assert len(tables) == 2 and PlacematAnswer.objects.count() == 12
    assert len(services.placemat_open(board=live, actor=programme_lead.user)) == 2  # again: the same tables
    answer = PlacematAnswer.objects.get(table=tables[0], question=1)
    saved = services.answer_save(table=tables[0], question=1, text="In de stuurgroep", seen=answer.revision)
    with pytest.raises(DomainError, match="intussen"):
        services.answer_save(table=tables[0], question=1, text="Mijn versie", seen=answer.revision)
    assert PlacematAnswer.objects.get(pk=answer.pk).text == "In de stuurgroep"
    services.answer_save(table=tables[0], question=1, text="Samen", seen=saved.revision)
    with pytest.raises(DomainError):
        services.answer_save(table=tables[0], question=7, text="x", seen=None)


def test_waiting_returns_at_once_when_changed_and_after_the_timeout_otherwise(live, session):
    import time

    start = time.monotonic()
    assert selectors.wait_for_change(live.pk, -1, timeout=5)[0] == selectors.revision(live.pk)
    current = selectors.revision(live.pk)
    assert selectors.wait_for_change(live.pk, current, timeout=0.3)[0] == current
    assert 0.25 < time.monotonic() - start < 2
