"""Quality goals with measurements (by hand and from the platform) and the quality calendar: who reads, who
changes, and what the platform measures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from samenopleiden.core.errors import DomainError
from samenopleiden.quality import selectors_cycle as selectors
from samenopleiden.quality import services_cycle as services
from samenopleiden.quality.models import CalendarEvent, GoalMeasurement, QualityGoal
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import CredentialFactory, PersonFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def _supervisors(partnership, cluster, today, *, trained: int, untrained: int, expired: int = 0) -> None:
    for i in range(trained + untrained + expired):
        person = PersonFactory(partnership=partnership)
        RoleAssignmentFactory(person=person, partnership=partnership, role=Role.WORKPLACE_SUPERVISOR, cluster=cluster)
        if i < trained:
            CredentialFactory(person=person, partnership=partnership, kind="supervision", expires_on=None)
        elif i >= trained + untrained:
            CredentialFactory(
                person=person, partnership=partnership, kind="supervision", expires_on=today - dt.timedelta(days=1)
            )


def test_the_share_of_trained_supervisors_counts_only_valid_credentials(partnership, cluster, today):
    _supervisors(partnership, cluster, today, trained=3, untrained=0, expired=1)
    assert selectors.indicator_value(partnership, QualityGoal.Source.SUPERVISION, today) == Decimal("75.0")


def test_the_share_of_clusters_with_a_schoolopleider(partnership, cluster, board, educator, today):
    from samenopleiden.registry.tests.factories import ClusterFactory

    ClusterFactory(partnership=partnership, board=board, name="Cluster Zonder")
    assert selectors.indicator_value(partnership, QualityGoal.Source.CLUSTER_EDUCATOR, today) == Decimal("50.0")


def test_no_platform_data_is_a_clear_message(goal, today):
    with pytest.raises(DomainError, match="nog geen gegevens"):
        services.measurement_from_platform(goal=goal, today=today, actor=None)
    assert not goal.measurements.exists()


def test_the_lead_measures_from_the_platform_and_the_status_follows(client, programme_lead, goal, cluster, today):
    _supervisors(goal.partnership, cluster, today, trained=9, untrained=1)
    client.force_login(programme_lead.user)
    url = reverse("quality:measurement_platform", args=[goal.partnership.slug, goal.pk])
    assert client.post(url).status_code == 302
    measurement = goal.measurements.get()
    assert measurement.value == Decimal("90.0") and measurement.from_platform
    body = client.get(reverse("quality:goals", args=[goal.partnership.slug])).content.decode()
    assert "Werkplekbegeleiders geschoold" in body and "behaald" in body


def test_the_lead_adds_a_goal_and_a_measurement_by_hand(client, programme_lead, partnership, today):
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("quality:goal_add", args=[partnership.slug]),
        {
            "title": "Tevreden studenten",
            "safeguard": "leeromgeving",
            "indicator": "Gemiddelde enquêtescore",
            "source": "handmatig",
            "target": "4",
            "higher_is_better": "on",
            "deadline": (today + dt.timedelta(days=200)).isoformat(),
        },
    )
    goal = QualityGoal.objects.get(title="Tevreden studenten")
    assert response.status_code == 302 and goal.partnership == partnership
    client.post(
        reverse("quality:measurement_add", args=[partnership.slug, goal.pk]),
        {"measured_on": today.isoformat(), "value": "3.5"},
    )
    assert goal.measurements.get().value == Decimal("3.5")
    row = selectors.goal_row(goal, today)
    assert row["status"] == "op_koers"


def test_bad_input_keeps_the_form_and_saves_nothing(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    response = client.post(reverse("quality:goal_add", args=[partnership.slug]), {"title": "x", "target": "veel"})
    assert response.status_code == 400 and not QualityGoal.objects.exists()


def test_a_reader_reads_but_may_not_change(client, reader, goal):
    client.force_login(reader.user)
    slug = goal.partnership.slug
    assert client.get(reverse("quality:goals", args=[slug])).status_code == 200
    assert client.get(reverse("quality:goal_detail", args=[slug, goal.pk])).status_code == 200
    assert client.post(reverse("quality:goal_delete", args=[slug, goal.pk])).status_code == 403
    assert client.get(reverse("quality:goal_add", args=[slug])).status_code == 403
    assert QualityGoal.objects.filter(pk=goal.pk).exists()


def test_an_educator_does_not_see_the_goals(client, educator, goal):
    client.force_login(educator.user)
    assert client.get(reverse("quality:goals", args=[goal.partnership.slug])).status_code == 403


def test_an_outsider_gets_404_and_changes_nothing(client, outsider, goal):
    client.force_login(outsider.user)
    slug = goal.partnership.slug
    assert client.get(reverse("quality:goal_detail", args=[slug, goal.pk])).status_code == 404
    assert client.post(reverse("quality:goal_delete", args=[slug, goal.pk])).status_code == 404
    own = reverse("quality:goal_delete", args=[outsider.partnership.slug, goal.pk])
    assert client.post(own).status_code == 404
    assert QualityGoal.objects.filter(pk=goal.pk).exists()


def test_anonymous_is_sent_to_sign_in(client, goal):
    response = client.get(reverse("quality:goals", args=[goal.partnership.slug]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_the_goals_page_has_a_flat_query_count(
    client, programme_lead, partnership, today, django_assert_max_num_queries
):
    for i in range(8):
        goal = QualityGoal.objects.create(
            partnership=partnership,
            title=f"Doel {i}",
            safeguard="organisatie",
            indicator="x",
            target=Decimal(10),
            deadline=today,
        )
        GoalMeasurement.objects.create(partnership=partnership, goal=goal, measured_on=today, value=Decimal(i))
    client.force_login(programme_lead.user)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("quality:goals", args=[partnership.slug])).status_code == 200


def test_the_calendar_shows_planned_moments_and_what_the_platform_knows(
    client, programme_lead, partnership, goal, today
):
    from samenopleiden.students import schoolyear

    client.force_login(programme_lead.user)
    response = client.post(
        reverse("quality:event_add", args=[partnership.slug]),
        {"kind": "panelgesprek", "title": "Panelgesprek opleiders", "date": today.isoformat()},
    )
    assert response.status_code == 302
    event = CalendarEvent.objects.get()
    assert event.school_year == schoolyear.of(today)
    body = client.get(reverse("quality:calendar", args=[partnership.slug]) + f"?jaar={event.school_year}").content
    text = body.decode()
    assert "Panelgesprek opleiders" in text
    if schoolyear.of(goal.deadline) == event.school_year:
        assert "Deadline doel: Werkplekbegeleiders geschoold" in text
