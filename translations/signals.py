"""Keeping each translation's record of the source version it follows."""

from django.db.models import F
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published

from .models import TranslationRecord


def record_copy(sender, source_obj, target_obj, **kwargs):
    """A page copied for translation follows its source's live version (None when the source
    was never published)."""
    if not isinstance(target_obj, Page):
        return
    source = Page.objects.get(pk=source_obj.pk)
    TranslationRecord.objects.update_or_create(
        translation_id=target_obj.pk,
        defaults={
            "source": source,
            "follows_id": source.live_revision_id,
            "updating_to": None,
        },
    )


def record_update(sender, instance, revision, **kwargs):
    """A published translation whose translator named the source version they translated now
    follows that version."""
    TranslationRecord.objects.filter(translation_id=instance.pk, updating_to__isnull=False).update(
        follows_id=F("updating_to_id"), updating_to=None
    )


def connect():
    copy_for_translation_done.connect(record_copy, dispatch_uid="translations.record_copy")
    page_published.connect(record_update, dispatch_uid="translations.record_update")
