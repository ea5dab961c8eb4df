"""Peer review: the due date from the partnership's status, the panel, recommendations that become actions on the
action list with their follow-up, and the self-evaluation pack."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from samenopleiden.actions.models import Action
from samenopleiden.quality import services_cycle as services
from samenopleiden.quality.models import Panelist, PeerReview, Recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership):
    return PeerReview.objects.create(partnership=partnership, title="Peer review 2027", planned_on=dt.date(2027, 10, 1))


def test_the_due_date_comes_from_the_registry(client, reader, partnership):
    partnership.status = "erkend"
    partnership.recognised_since = dt.date(2016, 8, 1)
    partnership.last_peer_review = dt.date(2021, 11, 15)
    partnership.save()
    client.force_login(reader.user)
    body = client.get(reverse("quality:peer_reviews", args=[partnership.slug])).content.decode()
    assert "15-11-2027" in body


def test_a_recommendation_becomes_an_action_and_its_follow_up_shows(client, programme_lead, review, today):
    client.force_login(programme_lead.user)
    slug = review.partnership.slug
    response = client.post(
        reverse("quality:peer_review_recommendation_add", args=[slug, review.pk]),
        {
            "text": "Betrek studenten bij de kwaliteitszorg",
            "safeguard": "kwaliteitscultuur",
            "owner": programme_lead.pk,
            "deadline": (today + dt.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    rec = Recommendation.objects.get()
    action = rec.action
    assert action.partnership == review.partnership and action.owner == programme_lead
    assert action.source == f"quality.peer_review:{review.pk}" and action.deadline == today + dt.timedelta(days=60)
    Action.objects.filter(pk=action.pk).update(status=Action.Status.DONE)
    body = client.get(reverse("quality:peer_review_detail", args=[slug, review.pk])).content.decode()
    assert "1 van 1 aanbevelingen afgerond" in body and "afgerond" in body


def test_an_owner_from_another_partnership_is_refused(review, outsider):
    from samenopleiden.core.errors import DomainError

    with pytest.raises(DomainError):
        services.recommendation_add(review=review, text="x", owner=outsider, deadline=None, actor=None)
    assert not Recommendation.objects.exists() and not Action.objects.exists()


def test_the_panel(client, programme_lead, review):
    client.force_login(programme_lead.user)
    slug = review.partnership.slug
    client.post(
        reverse("quality:peer_review_panelist_add", args=[slug, review.pk]), {"name": "Els", "role": "voorzitter"}
    )
    panelist = Panelist.objects.get()
    assert panelist.review == review
    client.post(reverse("quality:peer_review_panelist_delete", args=[slug, review.pk, panelist.pk]))
    assert not Panelist.objects.exists()


def test_an_outcome_needs_the_date_it_was_held(client, programme_lead, review):
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("quality:peer_review_edit", args=[review.partnership.slug, review.pk]),
        {"title": review.title, "outcome": "positief", "version": review.version},
    )
    review.refresh_from_db()
    assert response.status_code == 400 and review.outcome == ""


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_self_evaluation_pack(client, reader, review, goal, kind):
    Panelist.objects.create(partnership=review.partnership, review=review, name="Els Panel", role="voorzitter")
    client.force_login(reader.user)
    response = client.get(reverse(f"quality:peer_review_pack_{kind}", args=[review.partnership.slug, review.pk]))
    assert response.status_code == 200 and len(response.content) > 1000
    assert response["Content-Disposition"].endswith(f'.{kind}"')


def test_the_pack_holds_goals_and_survey_results(review, goal, survey, today):
    from samenopleiden.quality.selectors_cycle import self_evaluation_pack

    document = self_evaluation_pack(review, today)
    texts = " ".join(
        getattr(b, "text", "") or " ".join(" ".join(r) for r in getattr(b, "rows", ())) for b in document.blocks
    )
    assert "Werkplekbegeleiders geschoold" in texts and "Enquête dit jaar" in texts


def test_a_reader_may_not_change_and_an_outsider_gets_404(client, reader, outsider, review):
    client.force_login(reader.user)
    slug = review.partnership.slug
    assert (
        client.post(
            reverse("quality:peer_review_panelist_add", args=[slug, review.pk]), {"name": "x", "role": "y"}
        ).status_code
        == 403
    )
    client.force_login(outsider.user)
    assert client.get(reverse("quality:peer_review_detail", args=[slug, review.pk])).status_code == 404
    assert (
        client.get(reverse("quality:peer_review_pack_pdf", args=[outsider.partnership.slug, review.pk])).status_code
        == 404
    )
    assert not Panelist.objects.exists()
