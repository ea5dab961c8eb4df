"""Partner-school certification: criteria of the partnership and of its region, an assessment per school with
evidence and an outcome, its validity, the list of schools with their state, and the reminder."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from samenopleiden.core import reminders
from samenopleiden.quality import reminders_cycle
from samenopleiden.quality.models import CertificationCriterion, SchoolCertification
from samenopleiden.registry.tests.factories import RegionFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria(partnership):
    region = RegionFactory(name="Onderwijsregio Noord")
    partnership.regions.add(region)
    shared = CertificationCriterion.objects.create(region=region, title="Gedeeld criterium")
    own = CertificationCriterion.objects.create(partnership=partnership, title="Eigen criterium")
    return shared, own


def test_the_lead_assesses_a_school_against_own_and_regional_criteria(
    cluster, client, programme_lead, partnership, school, criteria, today
):
    shared, own = criteria
    client.force_login(programme_lead.user)
    slug = partnership.slug
    response = client.post(
        reverse("quality:certification_add", args=[slug]), {"school": school.pk, "assessed_on": today.isoformat()}
    )
    cert = SchoolCertification.objects.get()
    assert response.status_code == 302 and cert.assessments.count() == 2
    valid = (today + dt.timedelta(days=1000)).isoformat()
    data = {
        "assessed_on": today.isoformat(),
        "outcome": "gecertificeerd",
        "valid_until": valid,
        "version": cert.version,
        f"v{shared.pk}": "voldaan",
        f"e{shared.pk}": "Opleidingsplan gezien",
        f"v{own.pk}": "niet",
    }
    response = client.post(reverse("quality:certification_edit", args=[slug, cert.pk]), data)
    assert response.status_code == 400 and "voorwaardelijk" in response.content.decode()
    cert.refresh_from_db()
    assert cert.outcome == "loopt"
    data[f"v{own.pk}"] = "voldaan"
    assert client.post(reverse("quality:certification_edit", args=[slug, cert.pk]), data).status_code == 302
    cert.refresh_from_db()
    assert (
        cert.outcome == "gecertificeerd" and cert.assessments.get(criterion=shared).evidence == "Opleidingsplan gezien"
    )
    body = client.get(reverse("quality:certification", args=[slug])).content.decode()
    assert "Obs De Wilgen" in body and "gecertificeerd" in body and "regio Onderwijsregio Noord" in body


def test_certified_needs_a_validity(partnership, cluster, school, today):
    from samenopleiden.core.errors import DomainError
    from samenopleiden.quality import services_cycle as services

    cert = services.certification_create(
        partnership=partnership, school=school, values={"assessed_on": today}, actor=None
    )
    with pytest.raises(DomainError, match="geldig"):
        services.certification_update(
            certification=cert, changes={"outcome": "gecertificeerd"}, verdicts={}, expected_version=None, actor=None
        )


def test_a_school_of_another_partnership_cannot_be_assessed(client, programme_lead, partnership, board, today):
    stranger = SchoolFactory(board=board, name="Obs Vreemd")  # the board is a member, the school is not
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("quality:certification_add", args=[partnership.slug]),
        {"school": stranger.pk, "assessed_on": today.isoformat()},
    )
    assert response.status_code == 400 and not SchoolCertification.objects.exists()


def test_a_regional_criterion_is_not_editable_by_the_partnership(client, programme_lead, partnership, criteria):
    shared, own = criteria
    client.force_login(programme_lead.user)
    assert (
        client.get(reverse("quality:certification_criterion_edit", args=[partnership.slug, shared.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("quality:certification_criterion_edit", args=[partnership.slug, own.pk])).status_code == 200
    )


def test_the_reminder_goes_out_once_three_months_before(partnership, school, programme_lead, today, mailoutbox):
    cert = SchoolCertification.objects.create(
        partnership=partnership,
        school=school,
        assessed_on=today - dt.timedelta(days=900),
        outcome="gecertificeerd",
        valid_until=today + dt.timedelta(days=80),
    )
    due = reminders_cycle.due_reminders(today)
    assert [r.key for r in due] == [f"quality.recertification:{cert.pk}:{cert.valid_until.isoformat()}"]
    assert due[0].recipients == [programme_lead.email] and "Obs De Wilgen" in due[0].subject
    reminders.send_due(today)
    reminders.send_due(today)
    assert len(mailoutbox) == 1
    SchoolCertification.objects.create(
        partnership=partnership,
        school=school,
        assessed_on=today,
        outcome="gecertificeerd",
        valid_until=today + dt.timedelta(days=1000),
    )
    assert reminders_cycle.due_reminders(today) == []  # re-certified: no more reminder


def test_no_reminder_long_before(partnership, school, today):
    SchoolCertification.objects.create(
        partnership=partnership,
        school=school,
        assessed_on=today,
        outcome="gecertificeerd",
        valid_until=today + dt.timedelta(days=200),
    )
    assert reminders_cycle.due_reminders(today) == []


def test_an_educator_gets_403_and_an_outsider_404(client, educator, outsider, partnership, school, today):
    cert = SchoolCertification.objects.create(partnership=partnership, school=school, assessed_on=today)
    client.force_login(educator.user)
    assert client.get(reverse("quality:certification", args=[partnership.slug])).status_code == 403
    client.force_login(outsider.user)
    assert client.get(reverse("quality:certification_detail", args=[partnership.slug, cert.pk])).status_code == 404
    assert (
        client.post(reverse("quality:certification_edit", args=[outsider.partnership.slug, cert.pk]), {}).status_code
        == 404
    )
