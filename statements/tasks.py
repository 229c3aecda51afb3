"""Background jobs of statements, on the `scheduled` backend (django-tasks' database backend,
run by `manage.py db_worker --backend scheduled`, which `make run` starts):

- `purge_unconfirmed`: deletes signatures nobody confirmed within `UNCONFIRMED_DAYS`, with
  their email addresses. Each signing schedules one for the moment its own signature would
  expire, rounded up to the hour, unless one is already waiting for that hour (so a statement
  signed by thousands a day leaves a few dozen jobs waiting, not one per signature); each run
  deletes every expired one, so a run missed while the worker was down is made up by the next.
- `ask_earlier_signatories`: after a publication that changed a statement's text, emails
  every public signatory of an earlier text once, with the change and a link to sign again.
"""

import datetime

from django.db import transaction
from django_tasks import task

from .models.signatures import UNCONFIRMED_DAYS, Signature
from .signals import signatures_changed

# Emails are sent and marked in batches of this many signatures.
BATCH = 500


@task(backend="scheduled")
def purge_unconfirmed():
    expired = Signature.objects.unconfirmed_expired()
    statement_ids = set(expired.values_list("statement_id", flat=True).distinct())
    deleted, _ = expired.delete()
    for statement_id in statement_ids:
        transaction.on_commit(
            lambda statement_id=statement_id: signatures_changed.send(
                sender=Signature, statement_id=statement_id
            )
        )
    return deleted


def schedule_purge(signature):
    """See that a purge runs within the hour after `signature` expires."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    expires = signature.signed_at + datetime.timedelta(days=UNCONFIRMED_DAYS)
    run_after = expires.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)
    waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path=purge_unconfirmed.module_path,
        run_after=run_after,
    )
    if not waiting.exists():
        purge_unconfirmed.using(run_after=run_after).enqueue()


@task(backend="scheduled")
def ask_earlier_signatories(statement_id, revision_id):
    """Returns how many were asked; 0 when `revision_id` did not change the text, or a newer
    text has been published since (its own job asks)."""
    from .models.pages import StatementPage
    from .sign_on import ask_to_reconfirm

    statement = StatementPage.objects.filter(pk=statement_id).first()
    if statement is None:
        return 0
    versions = statement.text_versions()
    first = versions.first_version(versions.current)
    if versions.current < 2 or first is None or first.revision_id != revision_id:
        return 0
    earlier = (
        statement.public_signatures()
        .exclude(revision_id__in=versions.current_revision_ids())
        .exclude(asked_to_reconfirm_id=revision_id)
        .order_by("pk")
    )
    asked = 0
    while batch := list(earlier[:BATCH]):
        for signature in batch:
            signature.statement = statement
            ask_to_reconfirm(statement, signature, versions)
        Signature.objects.filter(pk__in=[s.pk for s in batch]).update(
            asked_to_reconfirm_id=revision_id
        )
        asked += len(batch)
    return asked
