"""The background job that puts an announced change into effect at its moment.

It runs on the `scheduled` task backend (django-tasks' database backend), whose worker
(`manage.py db_worker --backend scheduled`, started by `make run`) runs it once
`takes_effect_at` has come, or as soon as the worker runs again if it was down then.
"""

from django_tasks import task

from . import lifecycle


@task(backend="scheduled")
def take_effect_when_due(notice_id):
    return lifecycle.take_effect(notice_id)
