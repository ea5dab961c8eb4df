"""The library of good practices: a partnership proposes, the platform administrator curates, everyone signed in
reads the approved ones; proposers see their own pending ones."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenopleiden.conversations import assessment_content
from samenopleiden.conversations import services_assessment as services
from samenopleiden.conversations.models import Dilemma, GoodPractice
from samenopleiden.core.errors import DomainError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content(db):
    assessment_content.load()


@pytest.fixture
def dilemma():
    return Dilemma.objects.get(key="schaal")


def propose(partnership, user, dilemma, title="Kern en schil") -> GoodPractice:
    return services.practice_propose(
        partnership=partnership,
        dilemma=dilemma,
        title=title,
        what_we_did="Nieuwe scholen beginnen in de schil.",
        contact="Programmaleider, 050-1234567",
        actor=user,
    )


def test_the_lead_proposes_a_practice(client, partnership, programme_lead, dilemma):
    client.force_login(programme_lead.user)
    url = reverse("conversations:practice_propose", args=[partnership.slug])
    assert client.get(url).status_code == 200
    data = {"dilemma": dilemma.pk, "title": "Kern en schil", "what_we_did": "Zo deden we het.", "contact": "Anne"}
    response = client.post(url, data)
    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert practice.status == "voorgesteld" and practice.proposed_by == programme_lead.user
    page = client.get(reverse("conversations:practices_partnership", args=[partnership.slug])).content.decode()
    assert "Kern en schil" in page and "voorgesteld" in page


def test_a_reader_sees_the_partnership_list_but_may_not_propose(client, partnership, reader, dilemma):
    client.force_login(reader.user)
    assert client.get(reverse("conversations:practices_partnership", args=[partnership.slug])).status_code == 200
    url = reverse("conversations:practice_propose", args=[partnership.slug])
    assert (
        client.post(url, {"dilemma": dilemma.pk, "title": "X", "what_we_did": "Y", "contact": "Z"}).status_code == 403
    )
    assert not GoodPractice.objects.exists()


def test_an_outsider_gets_404_and_proposes_nothing(client, partnership, outsider, dilemma):
    client.force_login(outsider.user)
    assert client.get(reverse("conversations:practices_partnership", args=[partnership.slug])).status_code == 404
    url = reverse("conversations:practice_propose", args=[partnership.slug])
    assert (
        client.post(url, {"dilemma": dilemma.pk, "title": "X", "what_we_did": "Y", "contact": "Z"}).status_code == 404
    )
    assert not GoodPractice.objects.exists()


def test_pending_practices_are_only_for_their_proposer_until_approved(
    client, partnership, programme_lead, outsider, admin_user, dilemma
):
    practice = propose(partnership, programme_lead.user, dilemma)
    library = reverse("conversations:practices")
    client.force_login(outsider.user)
    assert "Kern en schil" not in client.get(library).content.decode()
    client.force_login(programme_lead.user)
    assert "Uw voorstellen" in client.get(library).content.decode()
    # the platform administrator approves it
    client.force_login(admin_user)
    assert "Kern en schil" in client.get(reverse("conversations:practice_review_list")).content.decode()
    review = reverse("conversations:practice_review", args=[practice.pk])
    assert client.post(review, {"decision": "approve", "review_note": ""}).status_code == 302
    practice.refresh_from_db()
    assert practice.status == "goedgekeurd" and practice.reviewed_by == admin_user
    client.force_login(outsider.user)
    page = client.get(library).content.decode()
    assert "Kern en schil" in page and "050-1234567" in page


def test_the_library_filters_by_dilemma(client, partnership, programme_lead, reader, dilemma):
    other = Dilemma.objects.get(key="curriculum")
    a = propose(partnership, programme_lead.user, dilemma, "Schaalvoorbeeld")
    b = propose(partnership, programme_lead.user, other, "Curriculumvoorbeeld")
    GoodPractice.objects.filter(pk__in=[a.pk, b.pk]).update(status="goedgekeurd")
    client.force_login(reader.user)
    page = client.get(reverse("conversations:practices"), {"dilemma": dilemma.pk}).content.decode()
    assert "Schaalvoorbeeld" in page and "Curriculumvoorbeeld" not in page
    page = client.get(reverse("conversations:practices"), {"dilemma": "onzin"}).content.decode()
    assert "Schaalvoorbeeld" in page and "Curriculumvoorbeeld" in page


def test_only_the_platform_administrator_curates(client, partnership, programme_lead, dilemma):
    practice = propose(partnership, programme_lead.user, dilemma)
    client.force_login(programme_lead.user)
    assert client.get(reverse("conversations:practice_review_list")).status_code == 404
    review = reverse("conversations:practice_review", args=[practice.pk])
    assert client.post(review, {"decision": "approve"}).status_code == 404
    practice.refresh_from_db()
    assert practice.status == "voorgesteld"


def test_a_rejection_needs_a_reason(partnership, programme_lead, admin_user, dilemma):
    practice = propose(partnership, programme_lead.user, dilemma)
    with pytest.raises(DomainError, match="waarom"):
        services.practice_review(practice=practice, approve=False, note=" ", actor=admin_user)
    services.practice_review(practice=practice, approve=False, note="Te algemeen", actor=admin_user)
    assert practice.status == "afgewezen"


def test_the_admin_keeps_the_content_and_curates(client, partnership, programme_lead, admin_user, dilemma):
    from samenopleiden.conversations.models import FactorGroup

    practice = propose(partnership, programme_lead.user, dilemma)
    client.force_login(admin_user)
    for name in ["factorgroup", "statement", "barrier", "dilemma", "assessmentround", "goodpractice"]:
        assert client.get(reverse(f"admin:conversations_{name}_changelist")).status_code == 200, name
    group = FactorGroup.objects.first()
    assert client.get(reverse("admin:conversations_factorgroup_change", args=[group.pk])).status_code == 200
    changelist = reverse("admin:conversations_goodpractice_changelist")
    client.post(changelist, {"action": "approve", "_selected_action": [practice.pk]})
    practice.refresh_from_db()
    assert practice.status == "goedgekeurd"


def test_the_library_in_english(client, reader):
    from django.conf import settings

    client.force_login(reader.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Library of good practices" in client.get(reverse("conversations:practices")).content.decode()
