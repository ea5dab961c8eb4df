"""The self-assessment's pages: the lead opens a round, respondents answer through the secret link without an
account (one response per browser), the lead and readers see the results; outsiders see nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations import services_assessment as services
from samenopleiden.conversations.models import (
    COMMENT_MAX,
    AssessmentResponse,
    AssessmentRound,
    Barrier,
    Dilemma,
    Statement,
    StatementAnswer,
)
from samenopleiden.core.models import HistoryEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content(db):
    assessment_content.load()


@pytest.fixture
def round_(partnership, programme_lead):
    return services.round_create(
        partnership=partnership,
        title="Zelfevaluatie 2026",
        opened_on=timezone.localdate() - dt.timedelta(days=3),
        actor=programme_lead.user,
    )


def full_answer(perspective="school", score="4", **extra) -> dict:
    data = {"perspective": perspective, "level": "uitvoering"}
    for s in Statement.objects.all():
        data[f"s{s.pk}"] = score
    for d in Dilemma.objects.all():
        data[f"d{d.pk}"] = "3"
    return {**data, **extra}


def add_responses(round_, perspective, n, score):
    answer = full_answer(perspective, str(score))
    scores = {s.pk: score for s in Statement.objects.all()}
    for _i in range(n):
        services.response_save(
            round=round_,
            key=None,
            perspective=perspective,
            level="",
            scores=scores,
            comments={},
            barriers=set(),
            dilemmas={d.pk: 3 for d in Dilemma.objects.all()},
            today=timezone.localdate(),
        )
    return answer


def respond_url(round_):
    return reverse("conversations:assessment_respond", args=[round_.token])


# --- the content -------------------------------------------------------------------------------------------------


def test_the_content_has_seven_groups_six_dilemmas_and_loads_only_once():
    from samenopleiden.conversations.models import Barrier, FactorGroup

    assert FactorGroup.objects.count() == 7
    assert Dilemma.objects.count() == 6
    assert Barrier.objects.count() >= 10
    Statement.objects.filter(key="belang-visie").update(text="Aangepast door de beheerder")
    assert assessment_content.load() == {"groups": 0, "statements": 0, "barriers": 0, "dilemmas": 0}
    assert Statement.objects.get(key="belang-visie").text == "Aangepast door de beheerder"


# --- rounds: the lead ----------------------------------------------------------------------------------------------


def test_the_lead_opens_a_round_and_gets_a_link(client, partnership, programme_lead):
    client.force_login(programme_lead.user)
    url = reverse("conversations:assessment_round_add", args=[partnership.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Ronde voorjaar", "opened_on": "2026-01-10", "closes_on": ""})
    found = AssessmentRound.objects.get(partnership=partnership)
    assert response.status_code == 302 and found.title == "Ronde voorjaar"
    assert HistoryEntry.objects.filter(object_type="assessmentround", action="created").exists()
    page = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, found.pk]))
    assert found.token in page.content.decode()


def test_a_round_cannot_close_before_it_opens(client, partnership, programme_lead):
    client.force_login(programme_lead.user)
    url = reverse("conversations:assessment_round_add", args=[partnership.slug])
    response = client.post(url, {"title": "X", "opened_on": "2026-05-10", "closes_on": "2026-05-01"})
    assert response.status_code == 400 and "voordat ze opent" in response.content.decode()
    assert not AssessmentRound.objects.exists()


def test_a_reader_sees_results_but_not_the_link_and_may_not_open_or_close(client, partnership, reader, round_):
    client.force_login(reader.user)
    page = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk]))
    assert page.status_code == 200 and round_.token not in page.content.decode()
    assert client.get(reverse("conversations:assessment_rounds", args=[partnership.slug])).status_code == 200
    assert client.get(reverse("conversations:assessment_round_add", args=[partnership.slug])).status_code == 403
    status = reverse("conversations:assessment_round_status", args=[partnership.slug, round_.pk])
    assert client.post(status, {"action": "close"}).status_code == 403
    edit = reverse("conversations:assessment_round_edit", args=[partnership.slug, round_.pk])
    assert client.post(edit, {"title": "Anders", "opened_on": "2026-01-01"}).status_code == 403
    round_.refresh_from_db()
    assert round_.closed_on is None and round_.title == "Zelfevaluatie 2026"


def test_an_educator_does_not_see_the_results(client, partnership, educator, round_):
    client.force_login(educator.user)
    assert client.get(reverse("conversations:assessment_rounds", args=[partnership.slug])).status_code == 403
    url = reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])
    assert client.get(url).status_code == 403


def test_an_outsider_gets_404_and_changes_nothing(client, partnership, outsider, round_):
    client.force_login(outsider.user)
    for name in ["assessment_round_detail", "assessment_round_xlsx", "assessment_round_pdf", "assessment_round_edit"]:
        assert client.get(reverse(f"conversations:{name}", args=[partnership.slug, round_.pk])).status_code == 404
    status = reverse("conversations:assessment_round_status", args=[partnership.slug, round_.pk])
    assert client.post(status, {"action": "close"}).status_code == 404
    add = reverse("conversations:assessment_round_add", args=[partnership.slug])
    assert client.post(add, {"title": "Inbraak", "opened_on": "2026-01-01"}).status_code == 404
    round_.refresh_from_db()
    assert round_.closed_on is None and AssessmentRound.objects.count() == 1
    # their own partnership's URL with our round's id: 404 as well
    other = reverse("conversations:assessment_round_detail", args=["elders", round_.pk])
    assert client.get(other).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, partnership, round_):
    url = reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    assert client.get(reverse("conversations:practices"))["Location"].startswith("/accounts/")


def test_close_reopen_and_new_link(client, partnership, programme_lead, round_):
    client.force_login(programme_lead.user)
    status = reverse("conversations:assessment_round_status", args=[partnership.slug, round_.pk])
    old = round_.token
    client.post(status, {"action": "close"})
    round_.refresh_from_db()
    assert round_.closed_on == timezone.localdate()
    assert Client().get(respond_url(round_)).status_code == 410
    client.post(status, {"action": "reopen"})
    client.post(status, {"action": "new_link"})
    round_.refresh_from_db()
    assert round_.closed_on is None and round_.token != old
    assert Client().get(reverse("conversations:assessment_respond", args=[old])).status_code == 404
    assert client.post(status, {"action": "bogus"}).status_code == 302


# --- respondents ---------------------------------------------------------------------------------------------------


def test_a_respondent_answers_without_an_account(round_):
    browser = Client()
    page = browser.get(respond_url(round_))
    assert page.status_code == 200 and "Zelfevaluatie" in page.content.decode()
    first = Statement.objects.order_by("pk").first()
    b = Barrier.objects.first()
    data = full_answer("instituut", **{f"s{first.pk}": "nvt", f"c{first.pk}": "Goed overleg", "barriers": [b.pk]})
    response = browser.post(respond_url(round_), data)
    assert response.status_code == 302 and response["Location"].endswith("/bedankt/")
    saved = AssessmentResponse.objects.get(round=round_)
    assert saved.perspective == "instituut" and saved.partnership_id == round_.partnership_id
    answer = saved.statement_answers.get(statement=first)
    assert answer.score is None and answer.comment == "Goed overleg"
    assert list(saved.barrier_answers.values_list("barrier_id", flat=True)) == [b.pk]
    assert saved.dilemma_answers.count() == 6
    assert browser.get(response["Location"]).status_code == 200


def test_one_response_per_browser_a_second_visit_edits_it(round_):
    browser = Client()
    browser.post(respond_url(round_), full_answer("school", "2"))
    page = browser.get(respond_url(round_))
    assert "U hebt al meegedaan" in page.content.decode()
    browser.post(respond_url(round_), full_answer("student", "5"))
    assert AssessmentResponse.objects.filter(round=round_).count() == 1
    response = AssessmentResponse.objects.get(round=round_)
    assert response.perspective == "student"
    assert set(response.statement_answers.values_list("score", flat=True)) == {5}
    # another browser is another respondent
    Client().post(respond_url(round_), full_answer("school", "3"))
    assert AssessmentResponse.objects.filter(round=round_).count() == 2


def test_two_tabs_opened_before_answering_still_give_one_response(round_):
    browser = Client()
    browser.get(respond_url(round_))  # tab 1
    browser.get(respond_url(round_))  # tab 2, before tab 1 was sent
    browser.post(respond_url(round_), full_answer("school", "2"))
    browser.post(respond_url(round_), full_answer("school", "3"))
    assert AssessmentResponse.objects.filter(round=round_).count() == 1


def test_missing_answers_and_oversize_comments_are_refused_and_nothing_is_lost(round_):
    browser = Client()
    first = Statement.objects.order_by("pk").first()
    data = full_answer("school", **{f"c{first.pk}": "x" * (COMMENT_MAX + 1)})
    response = browser.post(respond_url(round_), data)
    body = response.content.decode()
    assert response.status_code == 400 and "ten hoogste" in body
    assert 'value="4" checked' in body or "checked" in body  # the other answers stay in the form
    data = full_answer("school")
    del data[f"s{first.pk}"]
    response = browser.post(respond_url(round_), data)
    assert response.status_code == 400 and "Kies een score" in response.content.decode()
    assert not AssessmentResponse.objects.exists()


def test_script_in_a_comment_is_shown_as_text(client, partnership, programme_lead, round_):
    first = Statement.objects.order_by("pk").first()
    for _i in range(3):
        Client().post(respond_url(round_), full_answer("school", **{f"c{first.pk}": "<script>alert(1)</script>"}))
    client.force_login(programme_lead.user)
    body = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])).content
    assert b"<script>alert(1)</script>" not in body
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_wrong_token_closed_and_future_rounds_get_a_dutch_message(partnership, programme_lead, round_):
    browser = Client()
    response = browser.get(reverse("conversations:assessment_respond", args=["verkeerd"]))
    assert response.status_code == 404 and "Deze link werkt niet" in response.content.decode()
    response = browser.post(reverse("conversations:assessment_respond", args=["verkeerd"]), full_answer())
    assert response.status_code == 404 and not AssessmentResponse.objects.exists()
    later = services.round_create(
        partnership=partnership,
        title="Later",
        opened_on=timezone.localdate() + dt.timedelta(days=5),
        actor=None,
    )
    assert "nog niet open" in browser.get(respond_url(later)).content.decode()
    services.round_close(round=round_, today=timezone.localdate(), actor=None)
    response = browser.post(respond_url(round_), full_answer())
    assert response.status_code == 410 and "gesloten" in response.content.decode()
    assert not AssessmentResponse.objects.exists()


def test_a_round_that_closes_while_answering_refuses_the_answer(round_):
    browser = Client()
    browser.get(respond_url(round_))
    AssessmentRound.objects.filter(pk=round_.pk).update(closed_on=timezone.localdate())
    assert browser.post(respond_url(round_), full_answer()).status_code == 410
    with pytest.raises(Exception, match="gesloten"):
        services.response_save(
            round=round_,
            key=None,
            perspective="school",
            level="",
            scores={},
            comments={},
            barriers=set(),
            dilemmas={},
            today=timezone.localdate(),
        )


# --- results -------------------------------------------------------------------------------------------------------


def test_results_side_by_side_with_a_blind_spot_and_the_minimum_of_three(client, partnership, reader, round_):
    add_responses(round_, "school", 3, 5)
    add_responses(round_, "instituut", 3, 2)
    add_responses(round_, "student", 2, 1)
    client.force_login(reader.user)
    body = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])).content
    text = body.decode()
    assert "blinde vlek" in text
    assert "5,0" in text and "2,0" in text
    assert "1,0" not in text  # the students' answers stay hidden
    assert "minder dan drie antwoorden (2)" in text


def test_too_few_answers_shows_nothing_but_the_counts(client, partnership, programme_lead, round_):
    add_responses(round_, "school", 2, 5)
    client.force_login(programme_lead.user)
    text = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])).content
    assert "nog minder dan drie antwoorden" in text.decode()
    assert "5,0" not in text.decode()


def test_trend_with_an_earlier_round(client, partnership, programme_lead, round_):
    earlier = services.round_create(
        partnership=partnership,
        title="Zelfevaluatie 2025",
        opened_on=round_.opened_on - dt.timedelta(days=365),
        actor=None,
    )
    add_responses(earlier, "school", 3, 2)
    add_responses(round_, "school", 3, 4)
    client.force_login(programme_lead.user)
    text = client.get(reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])).content
    text = text.decode()
    assert "Vergelijking met eerdere rondes" in text and "Zelfevaluatie 2025" in text and "+2,0" in text


def test_exports(client, partnership, reader, round_):
    add_responses(round_, "school", 3, 4)
    add_responses(round_, "instituut", 3, 2)
    client.force_login(reader.user)
    xlsx = client.get(reverse("conversations:assessment_round_xlsx", args=[partnership.slug, round_.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(xlsx.content))
    assert "Succesfactoren" in book.sheetnames and "Dilemma's" in book.sheetnames
    sheet = book["Succesfactoren"]
    header = [c.value for c in sheet[1]]
    first = [c.value for c in sheet[2]]
    assert first[header.index("schoolbestuur of school")] == 4  # a number, not text
    assert first[header.index("student")] is None  # no students: empty
    assert first[header.index("Blinde vlek")] == "ja"  # 4 against 2
    pdf = client.get(reverse("conversations:assessment_round_pdf", args=[partnership.slug, round_.pk]))
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    docx = client.get(reverse("conversations:assessment_round_docx", args=[partnership.slug, round_.pk]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_results_page_queries_stay_flat(client, partnership, programme_lead, round_, django_assert_max_num_queries):
    add_responses(round_, "school", 3, 4)
    client.force_login(programme_lead.user)
    url = reverse("conversations:assessment_round_detail", args=[partnership.slug, round_.pk])
    client.get(url)
    add_responses(round_, "instituut", 10, 3)
    with django_assert_max_num_queries(25):
        client.get(url)
    assert StatementAnswer.objects.count() == 13 * Statement.objects.count()


def test_dashboard_card_shows_the_open_round(partnership, programme_lead, educator, round_):
    from samenopleiden.conversations import dashboard_assessment
    from samenopleiden.core.access import build_context

    add_responses(round_, "school", 2, 4)
    cards = dashboard_assessment.cards(build_context(programme_lead.user), partnership, timezone.localdate())
    assert len(cards) == 1 and cards[0].number == 2
    assert dashboard_assessment.cards(build_context(educator.user), partnership, timezone.localdate()) == []


def test_the_demo_loads_twice_without_changes_and_shows_the_rules():
    from samenopleiden.conversations.models import GoodPractice
    from samenopleiden.registry.services.demo import load_demo

    today = dt.date(2026, 11, 25)
    load_demo(today=today)
    counts = (AssessmentRound.objects.count(), AssessmentResponse.objects.count(), StatementAnswer.objects.count())
    load_demo(today=today)
    assert (
        AssessmentRound.objects.count(),
        AssessmentResponse.objects.count(),
        StatementAnswer.objects.count(),
    ) == counts
    rounds = AssessmentRound.objects.filter(partnership__slug="groningen").order_by("opened_on")
    assert len(rounds) == 2 and (rounds[1].opened_on - rounds[0].opened_on).days == 365
    assert rounds[1].is_open_on(today) and not rounds[0].is_open_on(today)
    from samenopleiden.conversations import selectors_assessment as selectors

    report = selectors.results(rounds[1]).report
    assert report.hidden_perspectives == ["student"]
    assert {"school", "instituut"} <= set(report.shown_perspectives)
    assert report.blind_spots
    assert GoodPractice.objects.filter(status="goedgekeurd").count() >= 3


def test_the_lead_edits_a_round_and_links_a_session_of_their_own(client, partnership, programme_lead, round_):
    from samenopleiden.conversations.models import Guide, Session

    guide = Guide.objects.create(title="Leidraad")
    own = Session.objects.create(partnership=partnership, guide=guide, title="Stuurgroepgesprek")
    client.force_login(programme_lead.user)
    url = reverse("conversations:assessment_round_edit", args=[partnership.slug, round_.pk])
    assert client.get(url).status_code == 200
    data = {"title": "Nieuwe titel", "opened_on": "2026-01-01", "closes_on": "", "session": own.pk, "version": 1}
    assert client.post(url, data).status_code == 302
    round_.refresh_from_db()
    assert round_.title == "Nieuwe titel" and round_.session == own and round_.version == 2
    # a stale form is refused
    response = client.post(url, {**data, "title": "Oud formulier"})
    assert response.status_code == 400
    round_.refresh_from_db()
    assert round_.title == "Nieuwe titel"


def test_a_session_of_another_partnership_is_refused(partnership, other_partnership):
    from samenopleiden.conversations.models import Guide, Session
    from samenopleiden.core.errors import DomainError

    elsewhere = Session.objects.create(
        partnership=other_partnership, guide=Guide.objects.create(title="Leidraad"), title="Elders"
    )
    with pytest.raises(DomainError, match="gesprek van dit partnerschap"):
        services.round_create(
            partnership=partnership, title="X", opened_on=timezone.localdate(), session=elsewhere, actor=None
        )


def test_the_list_of_rounds_stays_flat(client, partnership, programme_lead, django_assert_max_num_queries):
    client.force_login(programme_lead.user)
    url = reverse("conversations:assessment_rounds", args=[partnership.slug])
    for i in range(2):
        services.round_create(partnership=partnership, title=f"R{i}", opened_on=timezone.localdate(), actor=None)
    with django_assert_max_num_queries(12) as first:
        client.get(url)
    for i in range(8):
        services.round_create(partnership=partnership, title=f"S{i}", opened_on=timezone.localdate(), actor=None)
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert "S7" in client.get(url).content.decode()


def test_saving_twice_under_one_browser_key_keeps_one_response(round_):
    kwargs = dict(
        round=round_,
        key="sleutel-van-deze-browser",
        perspective="school",
        level="",
        scores={s.pk: 3 for s in Statement.objects.all()},
        comments={},
        barriers=set(),
        dilemmas={d.pk: 2 for d in Dilemma.objects.all()},
        today=timezone.localdate(),
    )
    first = services.response_save(**kwargs)
    second = services.response_save(**{**kwargs, "perspective": "anders"})
    assert first.pk == second.pk and AssessmentResponse.objects.get().perspective == "anders"
    assert StatementAnswer.objects.count() == Statement.objects.count()


def test_the_lead_is_reminded_three_days_before_the_round_closes(partnership, programme_lead):
    from django.core import mail

    from samenopleiden.conversations import reminders_assessment
    from samenopleiden.core.reminders import send_due

    today = timezone.localdate()
    found = services.round_create(
        partnership=partnership,
        title="Ronde met einddatum",
        opened_on=today - dt.timedelta(days=10),
        closes_on=today + dt.timedelta(days=3),
        actor=programme_lead.user,
    )
    add_responses(found, "school", 3, 4)
    add_responses(found, "student", 1, 4)
    assert reminders_assessment.due_reminders(today - dt.timedelta(days=1)) == []
    due = reminders_assessment.due_reminders(today)
    assert len(due) == 1 and due[0].recipients == [programme_lead.user.email]
    assert "student: 1 (nog verborgen" in due[0].body
    send_due(today)
    send_due(today)
    assert len(mail.outbox) == 1
