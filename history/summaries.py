"""Storing the change summary with the revision it describes."""

from wagtail.log_actions import log

from core.forms import CHANGE_SUMMARY_MAX_LENGTH

from .models import ChangeSummary

CHANGE_SUMMARY_ACTION = "history.change_summary"


def normalised(text):
    """`text` as it is stored: one line, single spaces, at most the field's length."""
    return " ".join((text or "").split())[:CHANGE_SUMMARY_MAX_LENGTH]


def record_change_summary(page, text, user=None):
    """Attach `text` to the page's latest revision and note it in the page's log.

    Does nothing when `text` is blank or is already the revision's summary.
    """
    text = normalised(text)
    revision = page.get_latest_revision()
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
