"""The background job that reads a document's text (`extraction`), off the request path.

It runs on the `scheduled` task backend (django-tasks' database backend), whose worker
(`manage.py db_worker --backend scheduled`, started by `make run`) picks it up; an upload
only enqueues it. Whatever happens, the document stays as uploaded: a failure is written on
the document (`extraction_error`) for editors to see.
"""

import logging

from django_tasks import task

from .services import extract_text

logger = logging.getLogger(__name__)


@task(backend="scheduled")
def read_document_text(paper_id):
    return extract_text(paper_id)
