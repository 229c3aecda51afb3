"""/healthz says when the background worker has not run a job that was due."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from notice.health import check_worker
from notice.tasks import take_effect_when_due

pytestmark = pytest.mark.django_db


def test_a_job_overdue_by_more_than_five_minutes_means_no_worker():
    due = timezone.now()
    take_effect_when_due.using(run_after=due).enqueue(1)
    with time_machine.travel(due + datetime.timedelta(minutes=4), tick=False):
        assert check_worker() is None
    with time_machine.travel(due + datetime.timedelta(minutes=6), tick=False):
        assert "background worker not running: 1 job overdue" in check_worker()


def test_jobs_not_due_yet_are_no_sign_of_trouble():
    take_effect_when_due.using(run_after=timezone.now() + datetime.timedelta(days=7)).enqueue(1)
    assert check_worker() is None
