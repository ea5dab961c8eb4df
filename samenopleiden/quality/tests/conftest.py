"""Fixtures of the quality cycle's tests (the personas come from the root conftest)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from samenopleiden.quality.models import QualityGoal, Survey, SurveyLink, SurveyQuestion


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def goal(partnership, programme_lead, today):
    return QualityGoal.objects.create(
        partnership=partnership,
        title="Werkplekbegeleiders geschoold",
        safeguard="lerende_leraar",
        indicator="Aandeel geschoold",
        source=QualityGoal.Source.SUPERVISION,
        unit="%",
        target=Decimal("90"),
        deadline=today + dt.timedelta(days=100),
        owner=programme_lead,
    )


@pytest.fixture
def survey(partnership, cluster, today):
    survey = Survey.objects.create(
        partnership=partnership,
        title="Enquête dit jaar",
        school_year="2026-2027",
        opens_on=today - dt.timedelta(days=1),
        closes_on=today + dt.timedelta(days=10),
    )
    SurveyQuestion.objects.create(partnership=partnership, survey=survey, order=1, kind="schaal", text="Begeleiding")
    SurveyQuestion.objects.create(
        partnership=partnership, survey=survey, order=2, kind="keuze", text="Hoe vaak", options="vaak\nsoms"
    )
    SurveyQuestion.objects.create(
        partnership=partnership, survey=survey, order=3, kind="open", text="Tips", required=False
    )
    return survey


@pytest.fixture
def link(survey, cluster):
    return SurveyLink.objects.create(partnership=survey.partnership, survey=survey, cluster=cluster, token="tok-stad")
