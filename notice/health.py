"""Whether the background worker is running: a job that was due more than five minutes ago and
has not run means it is not (or cannot keep up). Read by /healthz."""

import datetime

from django.db.models import Q
from django.utils import timezone

OVERDUE_AFTER = datetime.timedelta(minutes=5)


def check_worker(now=None):
    """None when no scheduled job is overdue, else the reason, for /healthz."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    due_before = now - OVERDUE_AFTER
    overdue = DBTaskResult.objects.filter(backend_name="scheduled", status="READY").filter(
        Q(run_after__lte=due_before) | Q(run_after__isnull=True, enqueued_at__lte=due_before)
    )
    count = overdue.count()
    if not count:
        return None
    return (
        f"background worker not running: {count} job{'s' if count != 1 else ''} overdue by "
        "more than 5 minutes (start `manage.py db_worker --backend scheduled`)"
    )
