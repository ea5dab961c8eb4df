"""Onboarding of new partners: deadlines from the process template, the rules for a step's dates, the status board,
the pages and who may use them, reminders and the dashboard card."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samenopleiden.core.access import build_context
from samenopleiden.core.errors import DomainError
from samenopleiden.core.reminders import collect, send_due
from samenopleiden.growth import dashboard_workspace, onboarding
from samenopleiden.growth.models import Candidate, CandidateStep
from samenopleiden.growth.services import workspace as services
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import member
from samenopleiden.students import schoolyear

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


# --- the pure rules ------------------------------------------------------------------------------------------


def test_deadlines_follow_the_template_rules_and_never_pass_the_start():
    start = dt.date(2027, 8, 1)
    intake = dt.date(2026, 11, 1)
    assert onboarding.deadline(onboarding.Rule(onboarding.AFTER_INTAKE, 21), intake=intake, start=start) == dt.date(
        2026, 11, 22
    )
    assert onboarding.deadline(onboarding.Rule(onboarding.BEFORE_START, 10), intake=intake, start=start) == dt.date(
        2027, 7, 22
    )
    fixed = onboarding.Rule(onboarding.FIXED, month=3, day=31)
    assert onboarding.deadline(fixed, intake=intake, start=start) == dt.date(2027, 3, 31)
    # a fixed day after the start (e.g. 1 September) falls in the year before
    autumn = onboarding.Rule(onboarding.FIXED, month=9, day=1)
    assert onboarding.deadline(autumn, intake=intake, start=start) == dt.date(2026, 9, 1)
    # far after the first contact but the start comes first: the start
    slow = onboarding.Rule(onboarding.AFTER_INTAKE, 400)
    assert onboarding.deadline(slow, intake=intake, start=start) == start
    # 31 February does not exist: the month's last day
    assert onboarding.deadline(onboarding.Rule(onboarding.FIXED, month=2, day=31), intake=intake, start=start) == (
        dt.date(2027, 2, 28)
    )


def test_state_of_a_step():
    assert onboarding.state(deadline=TODAY, done_on=TODAY, today=TODAY) == "done"
    assert onboarding.state(deadline=TODAY - dt.timedelta(days=1), done_on=None, today=TODAY) == "late"
    assert onboarding.state(deadline=TODAY + dt.timedelta(days=7), done_on=None, today=TODAY) == "soon"
    assert onboarding.state(deadline=TODAY + dt.timedelta(days=8), done_on=None, today=TODAY) == "open"
    assert onboarding.state(deadline=None, done_on=None, today=TODAY) == "open"
    assert onboarding.progress(["done", "late", "open", "soon"]).open == 3


# --- services ------------------------------------------------------------------------------------------------


@pytest.fixture
def candidate(partnership, programme_lead):
    return services.candidate_create(
        partnership=partnership,
        values={
            "name": "Stichting Nieuwe Kansen",
            "kind": "bestuur",
            "contact_name": "Petra Bestuur",
            "contact_email": "petra@example.org",
            "owner": programme_lead,
            "start_year": "2027-2028",
            "intake_date": dt.date(2026, 10, 1),
        },
        actor=programme_lead.user,
    )


def test_a_new_candidate_gets_the_template_steps_with_their_deadlines(candidate):
    steps = list(candidate.steps.order_by("order"))
    assert [s.title for s in steps][:2] == [
        "Kennismakingsgesprek met de bestuurder",
        "Presentatie in het directeurenoverleg van het bestuur",
    ]
    assert steps[0].deadline == dt.date(2026, 10, 22)
    decision = candidate.steps.get(title="Besluit van de school doorgegeven")
    assert decision.deadline == dt.date(2027, 3, 31)
    assert all(s.deadline <= dt.date(2027, 8, 1) and s.partnership_id == candidate.partnership_id for s in steps)


def test_a_done_date_in_the_future_is_refused(candidate):
    step = candidate.steps.first()
    with pytest.raises(DomainError, match="in de toekomst"):
        services.step_update(
            step=step, changes={"done_on": TODAY + dt.timedelta(days=1)}, expected_version=1, actor=None, today=TODAY
        )
    step.refresh_from_db()
    assert step.done_on is None


def test_a_deadline_after_the_start_is_refused(candidate):
    step = candidate.steps.first()
    with pytest.raises(DomainError, match="na de aansluiting op 01-08-2027"):
        services.step_update(
            step=step, changes={"deadline": dt.date(2027, 9, 1)}, expected_version=1, actor=None, today=TODAY
        )
    with pytest.raises(DomainError, match="na de aansluiting"):
        services.step_create(
            candidate=candidate, values={"title": "Te laat", "deadline": dt.date(2028, 1, 1)}, actor=None, today=TODAY
        )
    assert not CandidateStep.objects.filter(title="Te laat").exists()


def test_moving_the_start_before_a_step_is_refused(candidate):
    services.candidate_update(candidate=candidate, changes={"start_year": "2028-2029"}, expected_version=1, actor=None)
    step = candidate.steps.first()
    services.step_update(
        step=step, changes={"deadline": dt.date(2028, 5, 1)}, expected_version=1, actor=None, today=TODAY
    )
    with pytest.raises(DomainError, match="termijn na de nieuwe aansluitdatum"):
        services.candidate_update(
            candidate=candidate, changes={"start_year": "2027-2028"}, expected_version=2, actor=None
        )
    with pytest.raises(DomainError, match="vóór het eerste contact"):
        services.candidate_update(
            candidate=candidate, changes={"start_year": "2025-2026"}, expected_version=2, actor=None
        )
    candidate.refresh_from_db()
    assert candidate.start_year == "2028-2029"


def test_an_owner_of_another_partnership_is_refused(partnership, outsider):
    with pytest.raises(DomainError, match="iemand van dit partnerschap"):
        services.candidate_create(
            partnership=partnership,
            values={"name": "X", "owner": outsider, "start_year": "2027-2028", "intake_date": TODAY},
            actor=None,
        )
    assert not Candidate.objects.exists()


def test_ticking_twice_keeps_the_first_date(candidate):
    step = candidate.steps.first()
    services.step_tick(step=step, actor=None, today=TODAY - dt.timedelta(days=2))
    services.step_tick(step=step, actor=None, today=TODAY)
    step.refresh_from_db()
    assert step.done_on == TODAY - dt.timedelta(days=2)
    services.step_untick(step=step, actor=None)
    step.refresh_from_db()
    assert step.done_on is None


# --- pages ---------------------------------------------------------------------------------------------------


def test_the_lead_adds_a_candidate_and_ticks_a_step(client, programme_lead, partnership):
    client.force_login(programme_lead.user)
    next_year = schoolyear.following(schoolyear.current(timezone.localdate()))
    response = client.post(
        reverse("growth:candidate_add", args=[partnership.slug]),
        {
            "name": "Cbs De Linde",
            "kind": "school",
            "contact_name": "",
            "contact_email": "",
            "owner": programme_lead.pk,
            "start_year": next_year,
            "intake_date": timezone.localdate().isoformat(),
        },
    )
    candidate = Candidate.objects.get(name="Cbs De Linde")
    assert response["Location"] == reverse("growth:candidate_detail", args=[partnership.slug, candidate.pk])
    assert candidate.steps.count() == 8
    step = candidate.steps.order_by("order").first()
    tick = reverse("growth:step_tick", args=[partnership.slug, candidate.pk, step.pk])
    assert client.post(tick).status_code == 302
    step.refresh_from_db()
    assert step.done_on == timezone.localdate()
    page = client.get(reverse("growth:candidate_detail", args=[partnership.slug, candidate.pk])).content.decode()
    assert "1 van 8 stappen gedaan" in page and "Weer openzetten" in page
    assert client.post(tick, {"ongedaan": "1"}).status_code == 302
    step.refresh_from_db()
    assert step.done_on is None


def test_the_step_form_shows_the_dutch_messages(client, programme_lead, candidate):
    client.force_login(programme_lead.user)
    step = candidate.steps.first()
    url = reverse("growth:step_edit", args=[candidate.partnership.slug, candidate.pk, step.pk])
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = client.post(url, {"title": step.title, "deadline": "2026-10-22", "done_on": future, "version": 1})
    assert response.status_code == 400 and "in de toekomst" in response.content.decode()
    response = client.post(url, {"title": step.title, "deadline": "2027-12-01", "done_on": "", "version": 1})
    assert response.status_code == 400 and "na de aansluiting" in response.content.decode()
    response = client.post(url, {"title": step.title, "deadline": "kwart over", "done_on": "", "version": 1})
    assert response.status_code == 400
    step.refresh_from_db()
    assert step.deadline == dt.date(2026, 10, 22) and step.done_on is None
    response = client.post(
        url,
        {"title": "Gesprek gevoerd", "deadline": "2026-10-20", "done_on": "2026-10-19", "note": "Met HR", "version": 1},
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.title == "Gesprek gevoerd" and step.done_on == dt.date(2026, 10, 19)


def test_steps_can_be_added_and_deleted(client, programme_lead, candidate):
    client.force_login(programme_lead.user)
    slug = candidate.partnership.slug
    response = client.post(
        reverse("growth:step_add", args=[slug, candidate.pk]), {"title": "Open dag bezoeken", "deadline": "2027-05-01"}
    )
    assert response.status_code == 302
    step = candidate.steps.get(title="Open dag bezoeken")
    assert step.order > 80
    assert client.post(reverse("growth:step_delete", args=[slug, candidate.pk, step.pk])).status_code == 302
    assert not candidate.steps.filter(title="Open dag bezoeken").exists()


def test_the_status_board_shows_done_open_and_late(client, reader, candidate):
    first = candidate.steps.order_by("order").first()
    CandidateStep.objects.filter(candidate=candidate).update(deadline=dt.date(2027, 7, 1))
    CandidateStep.objects.filter(pk=first.pk).update(deadline=timezone.localdate() - dt.timedelta(days=3))
    client.force_login(reader.user)
    response = client.get(reverse("growth:candidates", args=[candidate.partnership.slug]))
    body = response.content.decode()
    assert "Stichting Nieuwe Kansen" in body and "badge--error" in body
    row = response.context["rows"][0]
    assert row.progress.late == 1 and row.progress.done == 0 and row.next_step.step == first
    assert (
        client.get(reverse("growth:candidates", args=[candidate.partnership.slug]) + "?status=gestopt").context["rows"]
        == []
    )
    assert client.get(reverse("growth:candidates", args=[candidate.partnership.slug]) + "?status=xx").status_code == 200


def test_edit_and_delete_a_candidate(client, programme_lead, candidate):
    client.force_login(programme_lead.user)
    slug = candidate.partnership.slug
    data = {
        "name": "Stichting Nieuwe Kansen",
        "kind": "bestuur",
        "owner": "",
        "start_year": "2028/2029",
        "intake_date": "2026-10-01",
        "status": "lopend",
        "note": "",
        "contact_name": "",
        "contact_email": "",
        "version": 1,
    }
    assert client.post(reverse("growth:candidate_edit", args=[slug, candidate.pk]), data).status_code == 302
    candidate.refresh_from_db()
    assert candidate.start_year == "2028-2029" and candidate.owner is None
    assert client.post(reverse("growth:candidate_delete", args=[slug, candidate.pk])).status_code == 302
    assert not Candidate.objects.exists() and not CandidateStep.objects.exists()


def test_a_reader_reads_but_may_not_write(client, reader, candidate):
    client.force_login(reader.user)
    slug = candidate.partnership.slug
    step = candidate.steps.first()
    detail = client.get(reverse("growth:candidate_detail", args=[slug, candidate.pk]))
    assert detail.status_code == 200 and "Afvinken" not in detail.content.decode()
    for url in [
        reverse("growth:candidate_add", args=[slug]),
        reverse("growth:candidate_edit", args=[slug, candidate.pk]),
        reverse("growth:candidate_delete", args=[slug, candidate.pk]),
        reverse("growth:step_add", args=[slug, candidate.pk]),
        reverse("growth:step_edit", args=[slug, candidate.pk, step.pk]),
        reverse("growth:step_tick", args=[slug, candidate.pk, step.pk]),
        reverse("growth:step_delete", args=[slug, candidate.pk, step.pk]),
    ]:
        assert client.post(url, {"name": "X", "title": "X"}).status_code == 403, url
    step.refresh_from_db()
    assert step.done_on is None and Candidate.objects.get().name == "Stichting Nieuwe Kansen"


def test_outsider_gets_404_and_changes_nothing(client, outsider, candidate):
    client.force_login(outsider.user)
    slug = candidate.partnership.slug
    step = candidate.steps.first()
    assert client.get(reverse("growth:candidates", args=[slug])).status_code == 404
    assert client.get(reverse("growth:candidate_detail", args=[slug, candidate.pk])).status_code == 404
    for s in (slug, outsider.partnership.slug):
        for url in [
            reverse("growth:candidate_edit", args=[s, candidate.pk]),
            reverse("growth:candidate_delete", args=[s, candidate.pk]),
            reverse("growth:step_tick", args=[s, candidate.pk, step.pk]),
            reverse("growth:step_delete", args=[s, candidate.pk, step.pk]),
        ]:
            assert client.post(url, {"name": "Overgenomen"}).status_code == 404, url
    step.refresh_from_db()
    assert step.done_on is None and Candidate.objects.get().name == "Stichting Nieuwe Kansen"
    assert CandidateStep.objects.count() == 8


def test_a_step_of_another_candidate_is_not_reached_through_this_one(client, programme_lead, candidate, partnership):
    other = services.candidate_create(
        partnership=partnership, values={"name": "Ander", "start_year": "2027-2028", "intake_date": TODAY}, actor=None
    )
    client.force_login(programme_lead.user)
    step = other.steps.first()
    url = reverse("growth:step_tick", args=[partnership.slug, candidate.pk, step.pk])
    assert client.post(url).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, candidate):
    response = client.get(reverse("growth:candidate_detail", args=[candidate.partnership.slug, candidate.pk]))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_the_board_queries_stay_flat(client, programme_lead, partnership, django_assert_max_num_queries):
    for i in range(10):
        services.candidate_create(
            partnership=partnership,
            values={"name": f"School {i}", "start_year": "2027-2028", "intake_date": TODAY},
            actor=None,
        )
    client.force_login(programme_lead.user)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("growth:candidates", args=[partnership.slug])).status_code == 200


# --- reminders and the dashboard -----------------------------------------------------------------------------


def test_reminders_go_once_to_the_owner_a_week_before_and_when_late(partnership, candidate, programme_lead):
    owner = member(partnership, Role.SCHOOL_TEACHER_EDUCATOR, username="begeleider")
    owner.email = "begeleider@school.nl"
    owner.save()
    Candidate.objects.filter(pk=candidate.pk).update(owner=owner)
    steps = list(candidate.steps.order_by("order"))
    CandidateStep.objects.filter(pk=steps[0].pk).update(deadline=TODAY + dt.timedelta(days=5))
    CandidateStep.objects.filter(pk=steps[1].pk).update(deadline=TODAY - dt.timedelta(days=2))
    CandidateStep.objects.filter(pk=steps[2].pk).update(deadline=TODAY - dt.timedelta(days=2), done_on=TODAY)
    CandidateStep.objects.filter(pk__in=[s.pk for s in steps[3:]]).update(deadline=TODAY + dt.timedelta(days=30))
    found = [r for r in collect(TODAY) if r.key.startswith("growth.step")]
    assert sorted(r.key.split(":")[0] for r in found) == ["growth.step.late", "growth.step.soon"]
    assert all(r.recipients == ["begeleider@school.nl"] for r in found)
    sent, _ = send_due(TODAY)
    assert len([r for r in sent if r.key.startswith("growth.step")]) == 2
    assert any("over de termijn" in m.subject and "Stichting Nieuwe Kansen" in m.subject for m in mail.outbox)
    sent_again, _ = send_due(TODAY)
    assert not [r for r in sent_again if r.key.startswith("growth.step")]


def test_no_reminders_for_a_stopped_candidate_or_without_an_owner(partnership, candidate):
    CandidateStep.objects.filter(candidate=candidate).update(deadline=TODAY + dt.timedelta(days=3))
    Candidate.objects.filter(pk=candidate.pk).update(status="gestopt")
    assert not [r for r in collect(TODAY) if r.key.startswith("growth.step")]
    Candidate.objects.filter(pk=candidate.pk).update(status="lopend", owner=None)
    assert not [r for r in collect(TODAY) if r.key.startswith("growth.step")]


def test_the_dashboard_card_counts_candidates_with_late_steps(partnership, candidate, reader, outsider):
    ctx = build_context(reader.user)
    today = dt.date(2026, 12, 1)  # the first step (22-10-2026) is late
    [card] = dashboard_workspace.cards(ctx, partnership, today)
    assert card.number == 1 and card.tone == "error" and "1 met een stap te laat" in card.text
    CandidateStep.objects.filter(candidate=candidate).update(done_on=dt.date(2026, 10, 1))
    [card] = dashboard_workspace.cards(ctx, partnership, today)
    assert card.tone == "ok"
    assert dashboard_workspace.cards(build_context(outsider.user), partnership, today) == []


def test_the_partnership_dashboard_shows_the_card(client, reader, candidate):
    client.force_login(reader.user)
    body = client.get(reverse("registry:dashboard", args=[candidate.partnership.slug])).content.decode()
    assert "Toetreding" in body and reverse("growth:candidates", args=[candidate.partnership.slug]) in body
