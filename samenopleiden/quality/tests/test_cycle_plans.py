"""Annual plans per cluster: the cluster's teacher educators write their own cluster's plans, the lead all; readers
read; last year's end evaluation and the cluster's survey results are shown when writing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.quality import services_cycle as services
from samenopleiden.quality.models import AnnualPlan, SurveyResponse
from samenopleiden.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_cluster(partnership, board):
    return ClusterFactory(partnership=partnership, board=board, name="Cluster Ommeland")


def test_an_educator_starts_and_writes_their_own_clusters_plan(client, educator, cluster):
    client.force_login(educator.user)
    slug = cluster.partnership.slug
    response = client.post(
        reverse("quality:plan_add", args=[slug]), {"cluster": cluster.pk, "school_year": "2026-2027"}
    )
    plan = AnnualPlan.objects.get()
    assert response.status_code == 302 and plan.cluster == cluster
    response = client.post(
        reverse("quality:plan_edit", args=[slug, plan.pk]),
        {"development": "Vaste gesprekken", "activities": "Studiedag", "version": plan.version, "status": "besproken"},
    )
    plan.refresh_from_db()
    assert response.status_code == 302 and plan.development == "Vaste gesprekken"
    assert plan.status == "concept"  # whether it was discussed is for the lead to say
    client.post(reverse("quality:plan_mid", args=[slug, plan.pk]), {"mid_evaluation": "Loopt", "version": plan.version})
    plan.refresh_from_db()
    assert plan.mid_evaluation == "Loopt" and plan.mid_evaluated_on is not None


def test_an_educator_may_not_write_another_clusters_plan(client, educator, partnership, other_cluster):
    plan = AnnualPlan.objects.create(partnership=partnership, cluster=other_cluster, school_year="2026-2027")
    client.force_login(educator.user)
    slug = partnership.slug
    assert client.get(reverse("quality:plan_detail", args=[slug, plan.pk])).status_code == 404
    assert client.post(reverse("quality:plan_edit", args=[slug, plan.pk]), {"development": "x"}).status_code == 404
    response = client.post(
        reverse("quality:plan_add", args=[slug]), {"cluster": other_cluster.pk, "school_year": "2027-2028"}
    )
    assert response.status_code == 400 and AnnualPlan.objects.count() == 1
    body = client.get(reverse("quality:plans", args=[slug]) + "?jaar=2026-2027").content.decode()
    assert "Cluster Ommeland" not in body and "Cluster Stad" in body


def test_a_reader_reads_every_plan_but_writes_none(client, reader, partnership, cluster):
    plan = AnnualPlan.objects.create(
        partnership=partnership, cluster=cluster, school_year="2026-2027", development="Doel A"
    )
    client.force_login(reader.user)
    assert "Doel A" in client.get(reverse("quality:plan_detail", args=[partnership.slug, plan.pk])).content.decode()
    assert (
        client.post(reverse("quality:plan_edit", args=[partnership.slug, plan.pk]), {"development": "x"}).status_code
        == 403
    )
    assert client.get(reverse("quality:plan_add", args=[partnership.slug])).status_code == 403
    plan.refresh_from_db()
    assert plan.development == "Doel A"


def test_the_lead_marks_a_plan_discussed(client, programme_lead, partnership, cluster):
    plan = AnnualPlan.objects.create(partnership=partnership, cluster=cluster, school_year="2026-2027")
    client.force_login(programme_lead.user)
    client.post(
        reverse("quality:plan_edit", args=[partnership.slug, plan.pk]),
        {"development": "A", "activities": "B", "status": "besproken", "version": plan.version},
    )
    plan.refresh_from_db()
    assert plan.status == "besproken"


def test_one_plan_per_cluster_and_year(partnership, cluster):
    services.plan_create(partnership=partnership, cluster=cluster, school_year="2026-2027", values={}, actor=None)
    with pytest.raises(DomainError, match="al een jaarplan"):
        services.plan_create(partnership=partnership, cluster=cluster, school_year="2026-2027", values={}, actor=None)


def test_writing_next_years_plan_shows_last_years_end_evaluation_and_the_survey(
    client, educator, partnership, cluster, survey, school
):
    AnnualPlan.objects.create(
        partnership=partnership, cluster=cluster, school_year="2025-2026", end_evaluation="Meer vaste gesprekken nodig"
    )
    plan = AnnualPlan.objects.create(partnership=partnership, cluster=cluster, school_year="2026-2027")
    question = survey.questions.get(kind="schaal")
    for i in range(5):
        response = SurveyResponse.objects.create(partnership=partnership, survey=survey, cluster=cluster, key=f"k{i}")
        response.answers.create(partnership=partnership, question=question, score=4)
    client.force_login(educator.user)
    body = client.get(reverse("quality:plan_edit", args=[partnership.slug, plan.pk])).content.decode()
    assert "Meer vaste gesprekken nodig" in body
    assert "Enquête dit jaar" in body and "4,0" in body and "minder dan vijf antwoorden" in body  # the open question


def test_an_outsider_gets_404(client, outsider, partnership, cluster):
    plan = AnnualPlan.objects.create(partnership=partnership, cluster=cluster, school_year="2026-2027")
    client.force_login(outsider.user)
    assert client.get(reverse("quality:plan_detail", args=[partnership.slug, plan.pk])).status_code == 404
    assert client.get(reverse("quality:plan_detail", args=[outsider.partnership.slug, plan.pk])).status_code == 404
