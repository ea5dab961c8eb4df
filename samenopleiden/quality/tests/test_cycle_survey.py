"""The student survey: the lead builds it and makes a link per cluster; students answer anonymously, once per
browser; results never show a group under five; educators see only their own cluster's results."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from samenopleiden.quality import services_cycle as services
from samenopleiden.quality.models import Survey, SurveyLink, SurveyQuestion, SurveyResponse
from samenopleiden.registry.tests.factories import ClusterFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _answer(client: Client, token: str, *, score: str = "4", choice: str = "vaak", tip: str = "", **extra):
    survey_questions = SurveyLink.objects.get(token=token).survey.questions.order_by("order")
    scale, pick, open_ = survey_questions
    data = {f"q{scale.pk}": score, f"q{pick.pk}": choice, f"q{open_.pk}": tip, **extra}
    return client.post(reverse("quality:survey_respond", args=[token]), data)


def test_the_lead_builds_a_survey_and_makes_links(client, programme_lead, partnership, cluster, today):
    client.force_login(programme_lead.user)
    slug = partnership.slug
    response = client.post(
        reverse("quality:survey_add", args=[slug]),
        {"title": "Enquête", "school_year": "2026-2027", "opens_on": today.isoformat(), "closes_on": today.isoformat()},
    )
    survey = Survey.objects.get()
    assert response.status_code == 302 and survey.partnership == partnership
    add = reverse("quality:question_add", args=[slug, survey.pk])
    assert client.post(add, {"kind": "schaal", "text": "Begeleiding", "required": "on"}).status_code == 302
    bad = client.post(add, {"kind": "keuze", "text": "Hoe vaak", "options": "alleen één"})
    assert bad.status_code == 400 and "minstens twee opties" in bad.content.decode()
    assert client.post(add, {"kind": "keuze", "text": "Hoe vaak", "options": "vaak\n\nsoms\n"}).status_code == 302
    assert survey.questions.get(kind="keuze").option_list == ["vaak", "soms"]
    client.post(reverse("quality:survey_status", args=[slug, survey.pk]), {"action": "links"})
    assert survey.links.get().cluster == cluster


def test_a_student_answers_once_per_browser_without_an_account(survey, link, school):
    student = Client()
    assert student.get(reverse("quality:survey_respond", args=[link.token])).status_code == 200
    assert _answer(student, link.token, school=school.pk).status_code == 302
    assert _answer(student, link.token, score="2").status_code == 302  # the same browser changes its answer
    response = SurveyResponse.objects.get()
    assert response.cluster == link.cluster and response.answers.get(question__kind="schaal").score == 2
    assert response.school is None
    assert _answer(Client(), link.token).status_code == 302
    assert SurveyResponse.objects.count() == 2


def test_missing_answers_keep_the_form(survey, link):
    student = Client()
    response = _answer(student, link.token, score="", choice="")
    assert response.status_code == 400 and "Dit veld is verplicht" in response.content.decode()
    assert not SurveyResponse.objects.exists()
    response = _answer(student, link.token, choice="nooit")
    assert response.status_code == 400 and not SurveyResponse.objects.exists()


def test_a_school_outside_the_cluster_is_refused(survey, link, board):
    elsewhere = SchoolFactory(board=board, name="Obs Ergens")
    response = _answer(Client(), link.token, school=elsewhere.pk)
    assert response.status_code == 400 and not SurveyResponse.objects.exists()


@pytest.mark.parametrize(
    ("token", "close", "status", "text"),
    [("bestaat-niet", False, 404, "Deze link werkt niet"), ("tok-stad", True, 410, "Deze enquête is gesloten")],
)
def test_an_unknown_or_closed_link_gets_a_dutch_page(survey, link, today, token, close, status, text):
    if close:
        services.survey_close(survey=survey, today=today, actor=None)
    response = Client().get(reverse("quality:survey_respond", args=[token]))
    assert response.status_code == status and text in response.content.decode()
    if close:
        assert _answer(Client(), token).status_code == 410 and not SurveyResponse.objects.exists()


def test_a_survey_not_yet_open(survey, link, today):
    survey.opens_on = today + dt.timedelta(days=3)
    survey.save()
    response = Client().get(reverse("quality:survey_respond", args=[link.token]))
    assert response.status_code == 403 and "nog niet open" in response.content.decode()


def _fill(survey, cluster, n: int, *, school=None) -> None:
    scale = survey.questions.get(kind="schaal")
    for i in range(n):
        response = SurveyResponse.objects.create(
            partnership=survey.partnership, survey=survey, cluster=cluster, school=school, key=f"{cluster.pk}-{i}"
        )
        response.answers.create(partnership=survey.partnership, question=scale, score=5)


def test_results_hide_a_cluster_with_fewer_than_five(client, reader, partnership, board, survey, cluster):
    small = ClusterFactory(partnership=partnership, board=board, name="Cluster Klein")
    _fill(survey, cluster, 6)
    _fill(survey, small, 4)
    client.force_login(reader.user)
    response = client.get(reverse("quality:survey_results", args=[partnership.slug, survey.pk]))
    results = response.context["results"]
    by_name = {row["cluster"].name: row for row in results["clusters"]}
    assert by_name["Cluster Stad"]["shown"] and not by_name["Cluster Klein"]["shown"]
    assert results["overall"].n == 6 and results["hidden_clusters"] == 1
    assert "Minder dan vijf antwoorden uit dit cluster" in response.content.decode()


def test_questions_are_fixed_once_answered(client, programme_lead, survey, cluster):
    _fill(survey, cluster, 1)
    client.force_login(programme_lead.user)
    question = survey.questions.first()
    url = reverse("quality:question_delete", args=[survey.partnership.slug, survey.pk, question.pk])
    client.post(url)
    assert SurveyQuestion.objects.filter(pk=question.pk).exists()


def test_an_educator_sees_only_their_own_clusters_results(client, educator, partnership, board, survey, cluster):
    other = ClusterFactory(partnership=partnership, board=board, name="Cluster Anders")
    _fill(survey, cluster, 5)
    _fill(survey, other, 7)
    SurveyLink.objects.create(partnership=partnership, survey=survey, cluster=other, token="tok-anders")
    client.force_login(educator.user)
    response = client.get(reverse("quality:survey_results", args=[partnership.slug, survey.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and "Cluster Stad" in body and "Cluster Anders" not in body
    assert "Alle clusters samen" not in body
    detail = client.get(reverse("quality:survey_detail", args=[partnership.slug, survey.pk])).content.decode()
    assert "tok-anders" not in detail
    assert (
        client.post(
            reverse("quality:survey_status", args=[partnership.slug, survey.pk]), {"action": "close"}
        ).status_code
        == 403
    )


def test_the_xlsx_export_has_no_small_group(client, programme_lead, partnership, board, survey, cluster):
    small = ClusterFactory(partnership=partnership, board=board, name="Cluster Klein")
    _fill(survey, cluster, 5)
    _fill(survey, small, 2)
    client.force_login(programme_lead.user)
    response = client.get(reverse("quality:survey_xlsx", args=[partnership.slug, survey.pk]))
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Per cluster"].iter_rows(values_only=True))
    klein = [r for r in rows if r[0] == "Cluster Klein"]
    assert len(klein) == 1 and "niet getoond" in klein[0][3]
    assert any(r[0] == "Cluster Stad" and r[3] == "5.0" for r in rows)


def test_an_outsider_gets_404_on_the_results(client, outsider, survey):
    client.force_login(outsider.user)
    assert client.get(reverse("quality:survey_results", args=[survey.partnership.slug, survey.pk])).status_code == 404
    assert client.get(reverse("quality:survey_results", args=[outsider.partnership.slug, survey.pk])).status_code == 404
