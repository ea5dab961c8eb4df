"""The action list: who sees and changes what, the owner's progress report, filters, and reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from samenopleiden.actions import services
from samenopleiden.actions.models import Action
from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.core.reminders import collect, send_due
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import PersonFactory, member

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def action(partnership, educator, programme_lead):
    return services.action_create(
        partnership=partnership,
        title="Werving tekortvakken bespreken",
        owner=educator,
        deadline=TODAY - dt.timedelta(days=3),
        source="conversations.session:1",
        source_label="Gesprek groei",
        actor=programme_lead.user,
    )


def test_create_records_history_and_refuses_an_owner_of_another_partnership(partnership, other_partnership, outsider):
    with pytest.raises(DomainError, match="iemand van dit partnerschap"):
        services.action_create(partnership=partnership, title="X", owner=outsider, actor=None)
    with pytest.raises(DomainError, match="omschrijving"):
        services.action_create(partnership=partnership, title="  ", actor=None)
    action = services.action_create(partnership=partnership, title="Plan maken", actor=None)
    assert HistoryEntry.objects.filter(object_type="action", object_id=str(action.pk), action="created").exists()


def test_done_sets_the_date_and_reopening_clears_it(action, programme_lead):
    services.action_update(action=action, changes={"status": "afgerond"}, expected_version=1, actor=None)
    assert action.done_on is not None and not action.is_open
    services.action_update(action=action, changes={"status": "bezig"}, expected_version=2, actor=None)
    action.refresh_from_db()
    assert action.done_on is None and action.status == "bezig"


def test_a_stale_edit_is_refused(action):
    services.action_update(action=action, changes={"title": "Nieuw"}, expected_version=1, actor=None)
    with pytest.raises(DomainError, match="Iemand anders"):
        services.action_update(action=action, changes={"title": "Ander"}, expected_version=1, actor=None)


def test_the_owner_reports_progress_but_changes_nothing_else(action):
    with pytest.raises(DomainError, match="alleen de status"):
        services.action_update_by_owner(action=action, changes={"deadline": TODAY}, expected_version=1, actor=None)
    services.action_update_by_owner(
        action=action,
        changes={"status": "bezig", "progress_note": "Eerste overleg gehad"},
        expected_version=1,
        actor=None,
    )
    assert Action.objects.get(pk=action.pk).progress_note == "Eerste overleg gehad"


def test_lead_sees_all_and_filters(client, programme_lead, partnership, action):
    services.action_create(partnership=partnership, title="Afgerond ding", actor=None)
    Action.objects.filter(title="Afgerond ding").update(status="afgerond")
    client.force_login(programme_lead.user)
    url = reverse("actions:overview", args=[partnership.slug])
    body = client.get(url).content.decode()
    assert "Werving tekortvakken bespreken" in body and "Afgerond ding" not in body and "te laat" in body
    assert "Afgerond ding" in client.get(url + "?status=done").content.decode()
    assert "Werving" not in client.get(url + "?status=done").content.decode()
    assert "Werving" in client.get(url + "?status=late").content.decode()
    assert client.get(url + "?status=bogus&eigenaar=abc").status_code == 200


def test_reader_reads_but_cannot_add(client, reader, partnership, action):
    client.force_login(reader.user)
    assert "Werving" in client.get(reverse("actions:overview", args=[partnership.slug])).content.decode()
    assert client.get(reverse("actions:action_add", args=[partnership.slug])).status_code == 403
    assert client.post(reverse("actions:action_edit", args=[partnership.slug, action.pk]), {}).status_code == 403


def test_educator_sees_and_updates_only_their_own_actions(client, educator, partnership, action, programme_lead):
    other = services.action_create(partnership=partnership, title="Iets van de lead", owner=programme_lead, actor=None)
    client.force_login(educator.user)
    body = client.get(reverse("actions:overview", args=[partnership.slug])).content.decode()
    assert "Werving" in body and "Iets van de lead" not in body
    assert client.get(reverse("actions:action_detail", args=[partnership.slug, other.pk])).status_code == 404
    edit = reverse("actions:action_edit", args=[partnership.slug, action.pk])
    page = client.get(edit).content.decode()
    assert 'name="progress_note"' in page and 'name="deadline"' not in page
    response = client.post(
        edit, {"status": "afgerond", "progress_note": "Klaar", "version": 1, "deadline": "2000-01-01"}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "afgerond" and action.deadline == TODAY - dt.timedelta(days=3)


def test_lead_adds_an_action_with_an_owner(client, programme_lead, partnership, educator):
    client.force_login(programme_lead.user)
    response = client.post(
        reverse("actions:action_add", args=[partnership.slug]),
        {"title": "Evaluatie plannen", "owner": educator.pk, "deadline": "2027-01-15", "description": ""},
    )
    action = Action.objects.get(title="Evaluatie plannen")
    assert response["Location"] == reverse("actions:action_detail", args=[partnership.slug, action.pk])
    assert action.owner == educator and action.created_by == programme_lead.user


def test_lead_cannot_pick_an_owner_of_another_partnership(client, programme_lead, partnership, outsider):
    client.force_login(programme_lead.user)
    response = client.post(reverse("actions:action_add", args=[partnership.slug]), {"title": "X", "owner": outsider.pk})
    assert response.status_code == 400 and not Action.objects.exists()


def test_outsider_and_anonymous_get_nothing(client, outsider, partnership, action):
    client.force_login(outsider.user)
    for name, args in [("overview", []), ("action_detail", [action.pk]), ("action_edit", [action.pk])]:
        assert client.get(reverse(f"actions:{name}", args=[partnership.slug, *args])).status_code == 404
    client.logout()
    response = client.get(reverse("actions:overview", args=[partnership.slug]))
    assert response.status_code == 302 and "inloggen" in response["Location"]


def test_overview_queries_stay_flat(client, programme_lead, partnership, django_assert_max_num_queries):
    client.force_login(programme_lead.user)
    for i in range(30):
        owner = PersonFactory(partnership=partnership)
        services.action_create(partnership=partnership, title=f"Actie {i}", owner=owner, actor=None)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("actions:overview", args=[partnership.slug])).status_code == 200


def test_reminders_go_once_to_the_owner_before_and_after_the_deadline(partnership, programme_lead):
    owner = member(partnership, Role.SCHOOL_TEACHER_EDUCATOR, username="eigenaar")
    owner.email = "eigenaar@school.nl"
    owner.save()
    soon = services.action_create(
        partnership=partnership, title="Binnenkort", owner=owner, deadline=TODAY + dt.timedelta(days=5), actor=None
    )
    late = services.action_create(
        partnership=partnership, title="Te laat", owner=owner, deadline=TODAY - dt.timedelta(days=1), actor=None
    )
    services.action_create(partnership=partnership, title="Zonder eigenaar", deadline=TODAY, actor=None)
    keys = {r.key for r in collect(TODAY)}
    assert keys == {f"actions.soon:{soon.pk}:{soon.deadline}", f"actions.late:{late.pk}:{late.deadline}"}
    sent, _ = send_due(TODAY, dry_run=True)
    assert len(sent) == 2 and not mail.outbox
    call_command("send_reminders", today=TODAY.isoformat(), dry_run=False)
    assert sorted(m.subject for m in mail.outbox) == [
        "Actie met deadline 30-11-2026: Binnenkort",
        "Actie over de deadline: Te laat",
    ]
    assert all(m.to == ["eigenaar@school.nl"] for m in mail.outbox)
    assert f"/acties/{late.pk}/" in next(m.body for m in mail.outbox if "Te laat" in m.subject)
    call_command("send_reminders", today=TODAY.isoformat())
    assert len(mail.outbox) == 2  # nothing twice
    services.action_update(action=late, changes={"status": "afgerond"}, expected_version=1, actor=None)
    assert all("late" not in r.key for r in collect(TODAY + dt.timedelta(days=1)))
