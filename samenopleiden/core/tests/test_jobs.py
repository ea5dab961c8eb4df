"""Background jobs: progress, outcome and failure, who may see them, and a real run by the database worker."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from samenopleiden.core import jobs
from samenopleiden.core.errors import DomainError
from samenopleiden.core.models import Job
from samenopleiden.registry.models import Role
from samenopleiden.registry.tests.factories import member


def counting_runner(job, *, upto: int) -> dict:
    for i in range(upto):
        jobs.job_progress(job, (i + 1) / upto, f"Stap {i + 1} van {upto}")
    return {"message": f"{upto} stappen gezet.", "url": "/klaar/"}


def refusing_runner(job) -> dict:
    raise DomainError("De ronde heeft geen aanbod.")


def crashing_runner(job) -> dict:
    raise ZeroDivisionError


jobs.register("test.count", counting_runner)
jobs.register("test.refuse", refusing_runner)
jobs.register("test.crash", crashing_runner)


@pytest.mark.django_db
def test_a_job_runs_reports_progress_and_keeps_its_result(
    partnership, programme_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start("test.count", partnership=partnership, user=programme_lead.user, arguments={"upto": 3})
    job.refresh_from_db()
    assert (job.status, job.percent, job.stage) == ("done", 100, "Stap 3 van 3")
    assert job.result == {"message": "3 stappen gezet.", "url": "/klaar/"} and job.finished_at


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "message"), [("test.refuse", "geen aanbod"), ("test.crash", "Er ging iets mis")])
def test_a_failing_job_says_why_in_dutch(partnership, kind, message, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start(kind, partnership=partnership, user=None, arguments={})
    job.refresh_from_db()
    assert job.status == "failed" and message in job.error and "ZeroDivision" not in job.error


@pytest.mark.django_db
def test_an_unknown_kind_is_refused(partnership):
    with pytest.raises(DomainError, match="Onbekende taak"):
        jobs.start("nope", partnership=partnership, user=None, arguments={})


@pytest.mark.django_db
def test_the_progress_page_is_for_the_starter_and_the_lead(client, partnership, programme_lead, reader, outsider):
    starter = member(partnership, Role.PLACEMENT_OFFICE, username="starter")
    job = Job.objects.create(
        partnership=partnership, kind="test.count", created_by=starter.user, progress=0.4, stage="Bezig met rekenen"
    )
    url = reverse("core:job_status", args=[partnership.slug, job.pk])
    for person, status in [(starter, 200), (programme_lead, 200), (reader, 404), (outsider, 404)]:
        client.force_login(person.user)
        assert client.get(url).status_code == status
    client.force_login(starter.user)
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'value="40"' in fragment and "Bezig met rekenen" in fragment and 'hx-trigger="every 1s"' in fragment
    Job.objects.filter(pk=job.pk).update(status="done", result={"message": "Klaar met rekenen."})
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Klaar met rekenen." in fragment and "hx-trigger" not in fragment


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_database_worker_runs_a_queued_job(partnership):
    job = jobs.start("test.count", partnership=partnership, user=None, arguments={"upto": 2})
    job.refresh_from_db()
    assert job.status == "queued"
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    job.refresh_from_db()
    assert job.status == "done" and job.result["message"] == "2 stappen gezet."
