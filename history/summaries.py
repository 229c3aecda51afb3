"""Storing the change summary with the revision it describes.

The editor's form puts the summary on the page it saves (`change_summary_to_record`); it is
stored as the revision is created, so that whatever follows in the same request (a workflow
starting, its emails) finds the summary with the revision.
"""

from django.db.models.signals import post_save
from wagtail.log_actions import log
from wagtail.models import Revision

from core.forms import CHANGE_SUMMARY_MAX_LENGTH

from .models import ChangeSummary

CHANGE_SUMMARY_ACTION = "history.change_summary"


def normalised(text):
    """`text` as it is stored: one line, single spaces, at most the field's length."""
    return " ".join((text or "").split())[:CHANGE_SUMMARY_MAX_LENGTH]


def record_change_summary(page, text, user=None, revision=None):
    """Attach `text` to `revision` (by default the page's latest) and note it in the page's log.

    Does nothing when `text` is blank or is already the revision's summary.
    """
    text = normalised(text)
    revision = revision or page.get_latest_revision()
    if not text or revision is None:
        return None
    existing = ChangeSummary.objects.filter(revision=revision).first()
    if existing is not None and existing.text == text:
        return existing
    summary, _ = ChangeSummary.objects.update_or_create(revision=revision, defaults={"text": text})
    log(
        instance=page.specific,
        action=CHANGE_SUMMARY_ACTION,
        user=user,
        revision=revision,
        data={"summary": text},
    )
    return summary


def _record_the_editors_summary(sender, instance, created, **kwargs):
    """A revision saved from the editor gets the summary the editor's form put on its page."""
    content_object = Revision._meta.get_field("content_object")
    if not created or not content_object.is_cached(instance):
        return
    page = instance.content_object
    text = getattr(page, "change_summary_to_record", "")
    if text:
        page.change_summary_to_record = ""
        record_change_summary(page, text, user=instance.user, revision=instance)


def connect():
    """Listen for revisions made in the editor (called once, from the app's `ready()`)."""
    post_save.connect(
        _record_the_editors_summary, sender=Revision, dispatch_uid="history.summaries.recorded"
    )
