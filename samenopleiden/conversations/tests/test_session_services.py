"""The session part's services against the real database: the guides' loader, copying and adapting a guide,
sessions with participants, preparation, the facilitator's position, notes, decisions and actions (which land on
the partnership's action list), and the platform's figures for the checklist."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from samenopleiden.actions.models import Action
from samenopleiden.conversations import selectors_session as selectors
from samenopleiden.conversations import services_session as services
from samenopleiden.conversations import session_content
from samenopleiden.conversations.models import (
    Decision,
    Guide,
    GuideQuestion,
    GuideTheme,
    QuestionNote,
    Session,
    SessionAction,
)
from samenopleiden.core.errors import DomainError
from samenopleiden.registry.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def growth(db):
    session_content.load()
    return Guide.objects.get(partnership=None, key="groeistrategie")


@pytest.fixture
def session(partnership, growth, programme_lead):
    return services.session_create(
        partnership=partnership,
        guide=growth,
        title="Groeigesprek",
        date=timezone.localdate() + dt.timedelta(days=7),
        facilitator=programme_lead.user,
        actor=programme_lead.user,
    )


def test_loader_adds_every_guide_once_and_keeps_admin_edits(db):
    session_content.load()
    assert set(Guide.objects.filter(partnership=None).values_list("key", flat=True)) == {
        g["key"] for g in session_content.GUIDES
    }
    guide = Guide.objects.get(key="groeistrategie")
    guide.title = "Aangepast in het beheer"
    guide.save()
    counts = (Guide.objects.count(), GuideTheme.objects.count(), GuideQuestion.objects.count())
    assert session_content.load() == 0
    assert (Guide.objects.count(), GuideTheme.objects.count(), GuideQuestion.objects.count()) == counts
    assert Guide.objects.get(key="groeistrategie").title == "Aangepast in het beheer"


def test_every_guide_has_themes_with_a_core_question_and_questions():
    for guide in session_content.GUIDES:
        assert guide["themes"], guide["key"]
        for theme in guide["themes"]:
            assert theme["core"] and theme["questions"], theme["title"]
        for _text, key in guide["checklist"]:
            assert key in ("", *session_content.DATA_KEYS)
    growth = next(g for g in session_content.GUIDES if g["key"] == "groeistrategie")
    assert {k for _t, k in growth["checklist"] if k} == set(session_content.DATA_KEYS)


def test_copy_makes_an_own_guide_with_all_content(partnership, growth, programme_lead):
    copy = services.guide_copy(guide=growth, partnership=partnership, actor=programme_lead.user)
    assert copy.partnership == partnership and copy.copied_from == growth
    assert copy.themes.count() == growth.themes.count()
    assert GuideQuestion.objects.filter(theme__guide=copy, partnership=partnership).count() == (
        GuideQuestion.objects.filter(theme__guide=growth).count()
    )
    assert copy.checklist.filter(partnership=partnership).count() == growth.checklist.count()
    # the platform guide is untouched
    assert GuideTheme.objects.filter(guide=growth, partnership__isnull=False).count() == 0


def test_platform_guide_cannot_be_changed_through_the_service(growth, programme_lead):
    with pytest.raises(DomainError):
        services.guide_update(guide=growth, changes={"title": "x"}, expected_version=None, actor=programme_lead.user)


def test_question_with_notes_is_not_deleted(partnership, growth, programme_lead):
    copy = services.guide_copy(guide=growth, partnership=partnership, actor=programme_lead.user)
    session = services.session_create(
        partnership=partnership, guide=copy, title="", date=None, facilitator_name="Extern", actor=programme_lead.user
    )
    question = selectors.questions(copy)[0]
    services.note_save(session=session, question=question, text="Iets", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.guide_row_delete(guide=copy, row=question, actor=programme_lead.user)
    assert GuideQuestion.objects.filter(pk=question.pk).exists()
    with pytest.raises(DomainError):
        services.guide_delete(guide=copy, actor=programme_lead.user)
    assert session.title == copy.title  # an empty title takes the guide's


def test_session_needs_a_facilitator(partnership, growth, programme_lead):
    with pytest.raises(DomainError):
        services.session_create(
            partnership=partnership,
            guide=growth,
            title="x",
            date=None,
            facilitator_name="  ",
            actor=programme_lead.user,
        )


def test_guide_of_another_partnership_is_refused(partnership, other_partnership, growth, programme_lead):
    theirs = services.guide_copy(guide=growth, partnership=other_partnership, actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.session_create(
            partnership=partnership, guide=theirs, title="x", date=None, facilitator_name="A", actor=programme_lead.user
        )


def test_participants_name_or_person_of_the_partnership(session, partnership, other_partnership, programme_lead):
    services.participant_add(
        session=session, name="Bestuurder", perspective="school", level="bestuur", actor=programme_lead.user
    )
    services.participant_add(session=session, person=programme_lead, perspective="instituut", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.participant_add(session=session, perspective="school", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.participant_add(
            session=session,
            person=PersonFactory(partnership=other_partnership),
            perspective="school",
            actor=programme_lead.user,
        )
    view = selectors.session_view(session)
    assert [(label, len(rows)) for label, rows in view.participants_by_perspective] == [
        ("schoolbestuur of school", 1),
        ("lerarenopleiding", 1),
    ]


def test_preparation_ticks_only_steps_of_the_guide(session, growth, programme_lead, other_partnership):
    steps = list(growth.checklist.values_list("pk", flat=True))
    assert (
        services.preparation_set(session=session, ticked={steps[0], steps[1], 999999}, actor=programme_lead.user) == 2
    )
    assert services.preparation_set(session=session, ticked={steps[1]}, actor=programme_lead.user) == 1
    assert set(session.ticks.values_list("item_id", flat=True)) == {steps[1]}


def test_starting_puts_the_first_question_on_screen_and_moving_follows(session, growth, programme_lead):
    services.session_set_status(session=session, status=Session.Status.RUNNING, actor=programme_lead.user)
    questions = selectors.questions(growth)
    session.refresh_from_db()
    assert session.current_question == questions[0]
    pos = selectors.position(session)
    assert (pos.index, pos.previous, pos.next) == (1, None, questions[1])
    services.session_move(session=session, question=questions[5], actor=programme_lead.user)
    session.refresh_from_db()
    pos = selectors.position(session)
    assert pos.question == questions[5] and pos.previous == questions[4]
    last = selectors.position(session, questions[-1].pk)
    assert last.next is None and last.index == last.total == len(questions)
    # a question of another guide is refused, and "wanted" that is not in the guide falls back to the current one
    other = GuideQuestion.objects.exclude(theme__guide=growth).first()
    with pytest.raises(DomainError):
        services.session_move(session=session, question=other, actor=programme_lead.user)
    assert selectors.position(session, other.pk).question == questions[5]
    assert selectors.position(session, "rommel").question == questions[5]


def test_notes_decisions_and_actions(session, growth, partnership, programme_lead):
    question = selectors.questions(growth)[2]
    services.note_save(session=session, question=question, text="Eerste", actor=programme_lead.user)
    services.note_save(session=session, question=question, text="Tweede", actor=programme_lead.user)
    assert QuestionNote.objects.get(session=session, question=question).text == "Tweede"
    with pytest.raises(DomainError):
        services.note_save(session=session, question=question, text="x" * 20_001, actor=programme_lead.user)
    services.decision_add(session=session, question=question, text="We groeien", actor=programme_lead.user)
    with pytest.raises(DomainError):
        services.decision_add(session=session, question=question, text="   ", actor=programme_lead.user)
    today = timezone.localdate()
    link = services.session_action_add(
        session=session,
        question=question,
        title="Plan maken",
        owner=programme_lead,
        deadline=today + dt.timedelta(days=30),
        today=today,
        actor=programme_lead.user,
    )
    action = Action.objects.get(pk=link.action_id)
    assert action.partnership == partnership and action.owner == programme_lead
    assert action.source == f"conversations.session:{session.pk}"
    assert str(session.pk) in action.source_url
    view = selectors.session_view(session)
    record = next(r for _t, rows in view.themes for r in rows if r.question == question)
    assert record.note == "Tweede" and len(record.decisions) == 1 and record.actions[0].action == action
    # the status followed up on the action list shows in the session
    Action.objects.filter(pk=action.pk).update(status=Action.Status.DONE)
    assert selectors.session_view(session).actions[0].action.status == Action.Status.DONE


def test_action_without_owner_or_with_a_past_deadline_is_refused(session, growth, programme_lead):
    question = selectors.questions(growth)[0]
    today = timezone.localdate()
    with pytest.raises(DomainError, match="eigenaar"):
        services.session_action_add(
            session=session,
            question=question,
            title="x",
            owner=None,
            deadline=None,
            today=today,
            actor=programme_lead.user,
        )
    with pytest.raises(DomainError, match="verleden"):
        services.session_action_add(
            session=session,
            question=question,
            title="x",
            owner=programme_lead,
            deadline=today - dt.timedelta(days=1),
            today=today,
            actor=programme_lead.user,
        )
    assert not SessionAction.objects.exists() and not Action.objects.exists()


def test_earlier_sessions_of_the_same_guide_and_its_copies(partnership, growth, programme_lead):
    lead = programme_lead.user
    first = services.session_create(
        partnership=partnership, guide=growth, title="2024", date=dt.date(2024, 5, 1), facilitator_name="A", actor=lead
    )
    services.decision_add(session=first, question=None, text="Besluit 2024", actor=lead)
    copy = services.guide_copy(guide=growth, partnership=partnership, actor=lead)
    second = services.session_create(
        partnership=partnership, guide=copy, title="2025", date=dt.date(2025, 5, 1), facilitator_name="A", actor=lead
    )
    other_guide = Guide.objects.get(key="regio-drie-niveaus")
    services.session_create(
        partnership=partnership,
        guide=other_guide,
        title="Regio",
        date=dt.date(2024, 6, 1),
        facilitator_name="A",
        actor=lead,
    )
    third = services.session_create(
        partnership=partnership, guide=growth, title="2026", date=dt.date(2026, 5, 1), facilitator_name="A", actor=lead
    )
    assert [s.title for s in selectors.earlier_sessions(third)] == ["2025", "2024"]
    assert [s.title for s in selectors.earlier_sessions(second)] == ["2024"]
    assert [d.text for d in selectors.earlier_sessions(second)[0].decisions.all()] == ["Besluit 2024"]
    assert Decision.objects.filter(session=first, question=None).count() == 1


def test_figures_for_an_empty_partnership_and_hidden_students(partnership):
    figures = selectors.figures(partnership, "2026-2027", with_students=True)
    assert figures["places_per_cluster"] == [] and figures["students_trained"] == []
    hidden = selectors.figures(partnership, "2026-2027", with_students=False)
    assert hidden["students_per_institute"] == ["Alleen zichtbaar voor wie de studentenaantallen mag zien."]
