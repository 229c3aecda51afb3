"""What the public record stores beside Wagtail's revisions and log entries."""

from django.db import models
from wagtail.models import Revision

from core.forms import CHANGE_SUMMARY_MAX_LENGTH


class ChangeSummary(models.Model):
    """The one-line "what changed and why" that an editor gives with a revision."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="change_summary"
    )
    text = models.CharField(max_length=CHANGE_SUMMARY_MAX_LENGTH)

    class Meta:
        verbose_name_plural = "change summaries"

    def __str__(self):
        return self.text
