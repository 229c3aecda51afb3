"""Storing the change summary with the revision it describes."""

from wagtail.log_actions import log

from .constants import CHANGE_SUMMARY_MAX_LENGTH
from .models import ChangeSummary


def record_change_summary(page, text, user=None):
    """Attach `text` to the page's latest revision and note it in the page's history."""
    text = " ".join((text or "").split())[:CHANGE_SUMMARY_MAX_LENGTH]
    revision = page.get_latest_revision()
    if not text or revision is None:
        return None
    summary, _ = ChangeSummary.objects.update_or_create(revision=revision, defaults={"text": text})
    log(
        instance=page.specific,
        action="moderation.change_summary",
        user=user,
        revision=revision,
        data={"summary": text},
    )
    return summary
