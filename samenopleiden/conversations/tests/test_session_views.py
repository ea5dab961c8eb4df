"""The session part's pages: the lead plans, prepares and runs a session and downloads the report; readers read;
educators read only the sessions they take part in; outsiders get 404 and change nothing; bad input gets a Dutch
message."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from samenopleiden.actions.models import Action
from samenopleiden.conversations import selectors_session as selectors
from samenopleiden.conversations import services_session as services
from samenopleiden.conversations import session_content
from samenopleiden.conversations.models import (
    Decision,
    Guide,
    GuideQuestion,
    Participant,
    QuestionNote,
    Session,
    SessionAction,
)
from samenopleiden.core.models import HistoryEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def guides(db):
    session_content.load()


@pytest.fixture
def growth():
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


def url(name, session, *extra):
    return reverse(f"conversations:{name}", args=[session.partnership.slug, session.pk, *extra])


def test_overview_lists_sessions_and_guides(client, programme_lead, session):
    client.force_login(programme_lead.user)
    response = client.get(reverse("conversations:overview", args=[session.partnership.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Groeigesprek" in body and "Regionaal gesprek op drie niveaus" in body
    assert "Zelfevaluatie gelijkwaardige samenwerking" in body  # the assessment part's links


def test_lead_plans_a_session_from_a_guide(client, programme_lead, partnership, growth):
    client.force_login(programme_lead.user)
    add = reverse("conversations:session_add", args=[partnership.slug])
    assert client.get(f"{add}?leidraad={growth.pk}").status_code == 200
    response = client.post(add, {"guide": growth.pk, "title": "", "date": "2030-05-01", "facilitator_name": "Extern"})
    session = Session.objects.get(partnership=partnership)
    assert response.status_code == 302 and session.title == growth.title and session.facilitator_name == "Extern"


def test_bad_session_form_keeps_input_with_a_dutch_message(client, programme_lead, partnership, growth):
    client.force_login(programme_lead.user)
    add = reverse("conversations:session_add", args=[partnership.slug])
    response = client.post(add, {"guide": growth.pk, "title": "Mijn titel", "date": "31-31-2030"})
    assert response.status_code == 400
    assert "Vul een geldige datum in" in response.content.decode() and "Mijn titel" in response.content.decode()
    response = client.post(add, {"guide": "999999", "title": "x"})
    assert response.status_code == 400 and "Kies een leidraad uit de lijst." in response.content.decode()
    assert not Session.objects.exists()


def test_session_page_shows_everything_and_the_board_links(client, programme_lead, session):
    client.force_login(programme_lead.user)
    client.post(
        url("session_participant_add", session), {"name": "Bestuurder", "perspective": "school", "level": "bestuur"}
    )
    response = client.get(url("session_detail", session))
    body = response.content.decode()
    assert response.status_code == 200 and "Bestuurder" in body and "schoolbestuur of school" in body
    assert Participant.objects.filter(session=session).count() == 1


def test_participant_without_name_or_person_is_refused(client, programme_lead, session):
    client.force_login(programme_lead.user)
    response = client.post(url("session_participant_add", session), {"name": "", "perspective": "school"})
    assert response.status_code == 400
    assert "Vul een naam in of kies iemand van het partnerschap." in response.content.decode()
    response = client.post(url("session_participant_add", session), {"name": "A", "perspective": "koning"})
    assert response.status_code == 400
    assert not Participant.objects.exists()


def test_preparation_page_ticks_and_shows_figures(client, programme_lead, session, growth):
    client.force_login(programme_lead.user)
    response = client.get(url("session_prepare", session))
    assert (
        response.status_code == 200 and "Het platform heeft hier nog geen gegevens over." in response.content.decode()
    )
    first = growth.checklist.first()
    response = client.post(url("session_prepare", session), {"item": [first.pk, "rommel"]})
    assert response.status_code == 302 and list(session.ticks.values_list("item_id", flat=True)) == [first.pk]


def test_facilitator_steps_through_and_the_screen_follows(client, programme_lead, reader, session, growth):
    client.force_login(programme_lead.user)
    client.post(url("session_status", session), {"status": "bezig"})
    questions = selectors.questions(growth)
    response = client.get(url("session_run", session))
    assert response.status_code == 200 and escape(questions[0].text) in response.content.decode()
    client.post(url("session_move", session), {"vraag": questions[1].pk})
    client.force_login(reader.user)
    screen = client.get(url("session_screen_question", session)).content.decode()
    assert escape(questions[1].text) in screen and escape(questions[0].text) not in screen
    assert client.get(url("session_screen", session)).status_code == 200
    assert client.post(url("session_move", session), {"vraag": questions[2].pk}).status_code == 403


def test_notes_decisions_and_actions_from_the_run_page(client, programme_lead, session, growth, partnership):
    client.force_login(programme_lead.user)
    question = selectors.questions(growth)[3]
    client.post(url("session_note", session), {"vraag": question.pk, "note-text": "Aantekening bij de vraag"})
    client.post(url("session_decision_add", session), {"vraag": question.pk, "decision-text": "We doen het"})
    deadline = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = client.post(
        url("session_action_add", session),
        {"vraag": question.pk, "action-title": "Plan", "action-owner": programme_lead.pk, "action-deadline": deadline},
    )
    assert response.status_code == 302
    assert QuestionNote.objects.get(session=session, question=question).text == "Aantekening bij de vraag"
    assert Decision.objects.get(session=session).question == question
    action = Action.objects.get(partnership=partnership)
    assert action.title == "Plan" and SessionAction.objects.get(session=session).action == action
    page = client.get(url("session_run", session) + f"?vraag={question.pk}").content.decode()
    assert "Aantekening bij de vraag" in page and "We doen het" in page and "Plan" in page


def test_action_without_owner_or_in_the_past_gets_a_dutch_message(client, programme_lead, session, growth):
    client.force_login(programme_lead.user)
    question = selectors.questions(growth)[0]
    response = client.post(url("session_action_add", session), {"vraag": question.pk, "action-title": "Plan"})
    assert response.status_code == 400 and "Een actie heeft een eigenaar" in response.content.decode()
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client.post(
        url("session_action_add", session),
        {"vraag": question.pk, "action-title": "Plan", "action-owner": programme_lead.pk, "action-deadline": past},
    )
    assert response.status_code == 400 and "niet in het verleden" in response.content.decode()
    assert not Action.objects.exists()


def test_question_of_another_guide_is_refused(client, programme_lead, session, growth):
    client.force_login(programme_lead.user)
    other = GuideQuestion.objects.exclude(theme__guide=growth).first()
    response = client.post(url("session_note", session), {"vraag": other.pk, "note-text": "x"}, follow=True)
    assert "hoort niet bij de leidraad" in response.content.decode()
    assert not QuestionNote.objects.exists()


def test_report_as_pdf_and_docx(client, reader, programme_lead, session, growth):
    services.decision_add(
        session=session, question=selectors.questions(growth)[0], text="Besluit", actor=programme_lead.user
    )
    client.force_login(reader.user)
    pdf = client.get(url("session_pdf", session))
    docx = client.get(url("session_docx", session))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_lead_copies_and_adapts_a_guide(client, programme_lead, partnership, growth):
    client.force_login(programme_lead.user)
    response = client.post(reverse("conversations:guide_copy", args=[partnership.slug, growth.pk]))
    copy = Guide.objects.get(partnership=partnership)
    assert response.status_code == 302
    theme = copy.themes.first()
    client.post(
        reverse("conversations:guide_theme_edit", args=[partnership.slug, copy.pk, theme.pk]),
        {"title": "Ons eigen thema", "core_question": "Wat willen wij?", "position": ""},
    )
    client.post(
        reverse("conversations:guide_question_add", args=[partnership.slug, copy.pk, theme.pk]),
        {"text": "Een eigen vraag", "sub_questions": ""},
    )
    client.post(
        reverse("conversations:guide_item_add", args=[partnership.slug, copy.pk]),
        {"text": "Eigen stap", "data_key": "partners"},
    )
    theme.refresh_from_db()
    assert theme.title == "Ons eigen thema" and theme.position == 1
    assert theme.questions.order_by("position").last().text == "Een eigen vraag"
    assert copy.checklist.filter(text="Eigen stap", data_key="partners", partnership=partnership).exists()
    page = client.get(reverse("conversations:guide_detail", args=[partnership.slug, copy.pk])).content.decode()
    assert "Een eigen vraag" in page
    added = theme.questions.get(text="Een eigen vraag")
    delete = reverse("conversations:guide_question_delete", args=[partnership.slug, copy.pk, added.pk])
    assert client.post(delete).status_code == 302 and not GuideQuestion.objects.filter(pk=added.pk).exists()
    assert HistoryEntry.objects.filter(object_type="guidequestion", object_id=str(added.pk), action="deleted").exists()
    # the platform guide is not changed through the partnership's pages
    platform_theme = growth.themes.first()
    edit = reverse("conversations:guide_theme_edit", args=[partnership.slug, growth.pk, platform_theme.pk])
    assert client.post(edit, {"title": "Gekaapt", "core_question": ""}).status_code == 404
    assert growth.themes.first().title != "Gekaapt"


def test_reader_reads_but_may_not_change(client, reader, session, growth):
    client.force_login(reader.user)
    assert client.get(url("session_detail", session)).status_code == 200
    assert client.get(url("session_prepare", session)).status_code == 200
    assert client.get(url("session_run", session)).status_code == 403
    assert client.post(url("session_prepare", session), {"item": []}).status_code == 403
    assert (
        client.post(url("session_participant_add", session), {"name": "X", "perspective": "school"}).status_code == 403
    )
    assert (
        client.post(reverse("conversations:guide_copy", args=[session.partnership.slug, growth.pk])).status_code == 403
    )
    assert client.get(reverse("conversations:session_add", args=[session.partnership.slug])).status_code == 403
    assert not Participant.objects.exists() and not Guide.objects.filter(partnership__isnull=False).exists()


def test_educator_reads_only_sessions_they_take_part_in(client, educator, programme_lead, session, growth):
    client.force_login(educator.user)
    overview = reverse("conversations:overview", args=[session.partnership.slug])
    assert "Groeigesprek" not in client.get(overview).content.decode()
    assert client.get(url("session_detail", session)).status_code == 404
    services.participant_add(session=session, person=educator, perspective="school", actor=programme_lead.user)
    assert "Groeigesprek" in client.get(overview).content.decode()
    assert client.get(url("session_detail", session)).status_code == 200
    assert client.get(url("session_screen", session)).status_code == 200
    assert client.get(url("session_prepare", session)).status_code == 403
    assert client.get(url("session_run", session)).status_code == 403
    assert (
        client.get(reverse("conversations:guide_detail", args=[session.partnership.slug, growth.pk])).status_code == 200
    )


def test_outsider_gets_404_and_changes_nothing(client, outsider, session, growth):
    client.force_login(outsider.user)
    for name in ("session_detail", "session_run", "session_screen", "session_prepare", "session_pdf"):
        assert client.get(url(name, session)).status_code == 404, name
    assert (
        client.post(url("session_participant_add", session), {"name": "X", "perspective": "school"}).status_code == 404
    )
    question = selectors.questions(growth)[0]
    assert client.post(url("session_note", session), {"vraag": question.pk, "note-text": "x"}).status_code == 404
    assert client.post(url("session_status", session), {"status": "afgerond"}).status_code == 404
    session.refresh_from_db()
    assert session.status == Session.Status.PLANNED
    assert not Participant.objects.exists() and not QuestionNote.objects.exists()


def test_outsider_cannot_use_another_partnerships_own_guide(client, outsider, programme_lead, partnership, growth):
    copy = services.guide_copy(guide=growth, partnership=partnership, actor=programme_lead.user)
    client.force_login(outsider.user)
    other = outsider.partnership.slug
    assert client.get(reverse("conversations:guide_detail", args=[other, copy.pk])).status_code == 404
    assert client.post(reverse("conversations:guide_copy", args=[other, copy.pk])).status_code == 404
    add = reverse("conversations:session_add", args=[other])
    response = client.post(add, {"guide": copy.pk, "title": "x", "facilitator_name": "A"})
    assert response.status_code == 400 and not Session.objects.exists()


def test_anonymous_goes_to_sign_in(client, session):
    response = client.get(url("session_detail", session))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_session_page_query_count_stays_flat(client, programme_lead, session, growth, django_assert_max_num_queries):
    client.force_login(programme_lead.user)
    questions = selectors.questions(growth)
    today = timezone.localdate()
    for i in range(6):
        services.decision_add(session=session, question=questions[i], text=f"B{i}", actor=programme_lead.user)
        services.note_save(session=session, question=questions[i], text=f"N{i}", actor=programme_lead.user)
        services.session_action_add(
            session=session,
            question=questions[i],
            title=f"A{i}",
            owner=programme_lead,
            deadline=today,
            today=today,
            actor=programme_lead.user,
        )
        services.participant_add(session=session, name=f"P{i}", perspective="school", actor=programme_lead.user)
    with django_assert_max_num_queries(40):
        assert client.get(url("session_detail", session)).status_code == 200
