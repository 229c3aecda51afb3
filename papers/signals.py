"""Enqueue reading a document's text when a new file is uploaded (`tasks`)."""

from django.db import transaction
from django.db.models.signals import post_save

from .models import Paper


def paper_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    from .services import needs_reading
    from .tasks import read_document_text

    # Rows loaded as they were (a restore, fixtures) keep their state and queue nothing.
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    if needs_reading(instance):
        if instance.extraction != Paper.Extraction.PENDING:
            Paper.objects.filter(pk=instance.pk).update(
                extraction=Paper.Extraction.PENDING, extraction_error=""
            )
        paper_id = instance.pk
        transaction.on_commit(lambda: read_document_text.enqueue(paper_id))


def connect():
    post_save.connect(paper_saved, sender=Paper, dispatch_uid="papers.read_text")
