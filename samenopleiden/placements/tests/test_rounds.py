"""Matching rounds end to end: the problem built from the database, a run as a background job, review with
explanations, locks, comparing, confirming (once), exports and messages, and who may do what."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import HistoryEntry
from samenopleiden.placements.models import MatchingRound, Placement, Preference, RoundLock, RoundRun, Wish
from samenopleiden.placements.services import capacity, rounds
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(partnership, board, schools, cluster, pupils):
    """Two schools with two places each; 3001 wishes the loose school, 3002 the cluster school, 3003 nothing."""
    inside, loose = schools
    for school in (inside, loose):
        capacity.offer_create(
            partnership=partnership,
            values={"school_year": "2025-2026", "period": "jaar", "school": school, "subject": "", "places": 1},
            actor=None,
        )
    for student, school in [(pupils[0], loose), (pupils[1], inside)]:
        preference = Preference.objects.create(partnership=partnership, student=student, period="jaar")
        Wish.objects.create(partnership=partnership, preference=preference, rank=1, school=school)
    return inside, loose


@pytest.fixture
def matching_round(partnership, setting, programme_lead):
    return rounds.round_create(
        partnership=partnership,
        values={"name": "Ronde 1", "school_year": "2025-2026", "period": "jaar", "mode": "assign"},
        actor=programme_lead.user,
    )


def run(matching_round, user, django_capture_on_commit_callbacks) -> RoundRun:
    with django_capture_on_commit_callbacks(execute=True):
        job = rounds.run_start(matching_round=matching_round, actor=user)
    job.refresh_from_db()
    assert job.status == "done", job.error
    return matching_round.runs.order_by("-number").first()


def test_the_problem_is_built_from_the_database(matching_round, setting, cluster, pupils):
    built = rounds.build_problem(matching_round)
    problem = built.problem
    assert {s.id for s in problem.students} == {"3001", "3002", "3003"}
    assert built.students["3001"] == pupils[0].pk
    first = next(s for s in problem.students if s.id == "3001")
    assert first.wishes == (f"school:{setting[1].pk}",)
    assert {o.places for o in problem.offers} == {1}
    assert next(s for s in problem.schools if s.id == f"school:{setting[0].pk}").cluster == f"cluster:{cluster.pk}"
    assert [c.capacity for c in problem.clusters] == [12]


def test_a_run_places_explains_and_records(client, matching_round, programme_lead, django_capture_on_commit_callbacks):
    result = rounds.run_result(run(matching_round, programme_lead.user, django_capture_on_commit_callbacks))
    placed = {a.student: a for a in result.assignments if a.placed}
    assert set(placed) == {"3001", "3002"} and result.figures.first_choice == 2
    assert placed["3001"].explanation.text().startswith("Geplaatst op je 1e wens")
    unplaced = next(a for a in result.assignments if not a.placed)
    assert unplaced.student == "3003" and "Niet geplaatst" in unplaced.explanation.text()
    client.force_login(programme_lead.user)
    run_row = matching_round.runs.get()
    page = client.get(reverse("placements:run_detail", args=["groningen", run_row.pk])).content.decode()
    assert "Geplaatst op je 1e wens" in page and "1 student niet geplaatst" in page


def test_a_round_without_offers_fails_with_a_dutch_message(
    partnership, pupils, programme_lead, django_capture_on_commit_callbacks
):
    empty = rounds.round_create(
        partnership=partnership, values={"name": "Leeg", "school_year": "2025-2026", "mode": "assign"}, actor=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = rounds.run_start(matching_round=empty, actor=programme_lead.user)
    job.refresh_from_db()
    assert job.status == "failed" and "nog geen plaatsen aangeboden" in job.error and not empty.runs.exists()


def test_an_infeasible_lock_names_the_students(
    matching_round, setting, pupils, programme_lead, django_capture_on_commit_callbacks
):
    from samenopleiden.placements.models import CapacityOffer

    offer = CapacityOffer.objects.get(school=setting[1])
    rounds.lock_set(matching_round=matching_round, student=pupils[0], offer=offer, kind="vast", actor=None)
    rounds.lock_set(matching_round=matching_round, student=pupils[2], offer=offer, kind="vast", actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        job = rounds.run_start(matching_round=matching_round, actor=programme_lead.user)
    job.refresh_from_db()
    assert job.status == "failed" and "3001" in job.error and "3003" in job.error


def test_a_lock_moves_a_student_on_the_next_run(
    client, matching_round, setting, pupils, programme_lead, django_capture_on_commit_callbacks
):
    first = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    from samenopleiden.placements.models import CapacityOffer

    inside_offer = CapacityOffer.objects.get(school=setting[0])
    client.force_login(programme_lead.user)
    client.post(
        reverse("placements:lock_add", args=["groningen", matching_round.pk]),
        {"student": pupils[2].pk, "offer": inside_offer.pk, "kind": "vast"},
    )
    assert RoundLock.objects.filter(round=matching_round, student=pupils[2]).exists()
    second = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    assert rounds.run_result(second).assignment("3003").offer == f"offer:{inside_offer.pk}"
    page = client.get(
        reverse("placements:run_compare", args=["groningen", second.pk]) + f"?met={first.pk}"
    ).content.decode()
    assert "studenten anders geplaatst" in page and "3003" in page


def test_confirming_makes_placements_once(
    client, matching_round, programme_lead, educator, django_capture_on_commit_callbacks
):
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    client.force_login(programme_lead.user)
    url = reverse("placements:run_confirm", args=["groningen", run_row.pk])
    assert client.post(url, {"version": matching_round.version}).status_code == 302
    assert Placement.objects.count() == 2
    response = client.post(url, {"version": matching_round.version}, follow=True)
    assert "al bevestigd" in response.content.decode() and Placement.objects.count() == 2
    with pytest.raises(DomainError, match="al bevestigd"):
        rounds.run_start(matching_round=MatchingRound.objects.get(pk=matching_round.pk), actor=None)
    # the cluster's educator sees the placement at the cluster school, not the one outside it
    client.force_login(educator.user)
    page = client.get(reverse("placements:placements", args=["groningen"]) + "?jaar=2025-2026").content.decode()
    assert ">3002<" in page and ">3001<" not in page


def test_export_is_recorded_and_messages_go_after_confirmation(
    client, matching_round, programme_lead, partnership, setting, cluster, django_capture_on_commit_callbacks
):
    person = RoleAssignmentFactory(
        role=Role.SCHOOL_TEACHER_EDUCATOR,
        cluster=cluster,
        person__partnership=partnership,
        person__email="so@school.nl",
    ).person
    run_row = run(matching_round, programme_lead.user, django_capture_on_commit_callbacks)
    client.force_login(programme_lead.user)
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("placements:run_export", args=["groningen", run_row.pk])).content)
    ).active
    assert sheet.max_row == 4 and HistoryEntry.objects.filter(action="exported").exists()
    messages_url = reverse("placements:run_messages", args=["groningen", run_row.pk])
    client.post(messages_url)
    assert not mail.outbox  # not before the run is confirmed
    rounds.run_confirm(run=run_row, expected_version=None, actor=programme_lead.user)
    client.post(messages_url)
    assert [m.to for m in mail.outbox] == [[person.email]] and "3002" in mail.outbox[0].body


def test_school_rankings(client, matching_round, programme_lead, setting):
    client.force_login(programme_lead.user)
    url = reverse("placements:rankings", args=["groningen", matching_round.pk]) + f"?school={setting[0].pk}"
    response = client.post(url, {"students": "3002\n9999"})
    assert response.status_code == 400 and "9999" in response.content.decode()
    assert client.post(url, {"students": "3002\n3001", "only_ranked": "on"}).status_code == 302
    built = rounds.build_problem(matching_round).problem
    assert built.school_rankings[0].students == ("3002", "3001") and built.school_rankings[0].only_ranked


def test_who_may_run_rounds(client, matching_round, reader, educator, office, outsider, ulo, partnership):
    detail = reverse("placements:round_detail", args=["groningen", matching_round.pk])
    for person, status in [(reader, 404), (educator, 404), (office, 200), (outsider, 404)]:
        client.force_login(person.user)
        assert client.get(detail).status_code == status, person
    client.force_login(reader.user)
    assert client.get(reverse("placements:rounds", args=["groningen"])).status_code == 403
    ulo_round = MatchingRound.objects.create(
        partnership=partnership, name="Ulo", school_year="2025-2026", institute=ulo
    )
    client.force_login(office.user)
    assert client.get(reverse("placements:round_detail", args=["groningen", ulo_round.pk])).status_code == 404
    page = client.get(reverse("placements:round_add", args=["groningen"])).content.decode()
    assert "Pabo Noord" in page and "Universitaire Lerarenopleiding" not in page


def test_the_match_command_reads_and_writes_json(tmp_path, matching_round):
    from samenopleiden.placements import engine

    problem = rounds.build_problem(matching_round).problem
    source, target = tmp_path / "ronde.json", tmp_path / "uitkomst.json"
    source.write_text(engine.problem_to_json(problem), encoding="utf-8")
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.test", "DATABASE_URL": "sqlite:///:memory:", "PATH": "/usr/bin"}
    done = subprocess.run(
        [sys.executable, "manage.py", "match", str(source), "--out", str(target)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(target.read_text())["assignments"]) == 3
    source.write_text('{"students": [{"id": "x"}]}', encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, "manage.py", "match", str(source), "--out", str(target)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert refused.returncode == 1 and refused.stderr.strip()
    assert Path(target).exists()


def test_a_placement_office_round_holds_only_its_students(partnership, setting, pupils, ulo, pabo):
    from samenopleiden.students.tests.factories import StudentFactory

    StudentFactory(partnership=partnership, institute=ulo, student_number="3001", school_year="2025-2026")
    own = MatchingRound.objects.create(partnership=partnership, name="Pabo", school_year="2025-2026", institute=pabo)
    assert sorted(s.id for s in rounds.build_problem(own).problem.students) == ["3001", "3002", "3003"]
    everyone = MatchingRound.objects.create(partnership=partnership, name="Alle", school_year="2025-2026")
    ids = sorted(s.id for s in rounds.build_problem(everyone).problem.students)
    assert ids == ["3001-pabo", "3001-ulo", "3002", "3003"]
