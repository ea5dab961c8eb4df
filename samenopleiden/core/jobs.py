"""Long work in the background, with a progress bar: matching rounds, big imports and exports.

A module registers what a kind of job does (`register("placements.round", run_round)`, a function
`(job, **arguments) -> dict` that calls `job_progress` as it goes) and starts one with `start(...)`. The work is
handed to Django's task framework (the django-tasks backport): in production the database backend and a worker
(`manage.py db_worker`, which `make run` starts), in tests the immediate backend, so that a job has run when
`start` returns. Whatever happens, the Job row says how far it got, and a failure keeps its Dutch message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .errors import DomainError
from .models import Job

log = logging.getLogger(__name__)
Runner = Callable[..., dict[str, Any]]
_RUNNERS: dict[str, Runner] = {}


def register(kind: str, runner: Runner) -> None:
    _RUNNERS[kind] = runner


def start(kind: str, *, partnership: Any, user: Any, arguments: dict[str, Any]) -> Job:
    """Create the job and hand it to the worker once the current transaction has committed."""
    if kind not in _RUNNERS:
        raise DomainError(_("Onbekende taak: %(kind)s.") % {"kind": kind})
    job = Job.objects.create(
        kind=kind,
        partnership=partnership,
        arguments=arguments,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def job_progress(job: Job, fraction: float, stage: str = "") -> None:
    """Called by a runner as it goes; writes through at once so that the page sees it."""
    Job.objects.filter(pk=job.pk).update(progress=max(0.0, min(1.0, fraction)), stage=stage[:200])


@task()
def run_job(job_id: int) -> None:
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    try:
        result = _RUNNERS[job.kind](job, **job.arguments)
    except DomainError as exc:
        _finish(job, Job.Status.FAILED, error=exc.message)
    except Exception:  # the job fails with a plain message; the details go to the log, not to the user
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, Job.Status.FAILED, error=_("Er ging iets mis bij het uitvoeren. Probeer het opnieuw."))
    else:
        _finish(job, Job.Status.DONE, result=result or {})


def _finish(job: Job, status: str, *, error: str = "", result: dict[str, Any] | None = None) -> None:
    Job.objects.filter(pk=job.pk).update(
        status=status,
        error=error,
        result=result or {},
        progress=1.0 if status == Job.Status.DONE else Job.objects.get(pk=job.pk).progress,
        finished_at=timezone.now(),
    )
