"""What the public record stores beside Wagtail's revisions and log entries."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from core.forms import CHANGE_SUMMARY_MAX_LENGTH


class ChangeSummary(models.Model):
    """The one-line "what changed and why" that an editor gives with a revision."""

    revision = models.OneToOneField(
        Revision,
        on_delete=models.CASCADE,
        related_name="change_summary",
        verbose_name=_("revision"),
    )
    text = models.CharField(max_length=CHANGE_SUMMARY_MAX_LENGTH, verbose_name=_("text"))

    class Meta:
        verbose_name = _("change summary")
        verbose_name_plural = _("change summaries")

    def __str__(self):
        return self.text


class RecordEntry(models.Model):
    """One event in the public record of a page, written once, when it happens.

    A publication records the version's text, its change summary, who proposed it, who
    approved it and who published it, by the names they had then; a withdrawal (the page
    taken off the site), a deletion or a move records who did it and why. Nothing here is
    looked up again later, so renaming or deleting a person or an account, or deleting the
    page itself, changes nothing already on the record. `page_id` and `revision_id` are plain
    numbers for that reason: the entry outlives both.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        DELETED = "deleted", _("Deleted")
        MOVED = "moved", _("Moved")
        RECORD = "record", _("Record changed")

    page_id = models.BigIntegerField(db_index=True, verbose_name=_("page id"))
    kind = models.CharField(max_length=10, choices=Kind.choices, verbose_name=_("kind"))
    at = models.DateTimeField(db_index=True, verbose_name=_("at"))
    title = models.CharField(
        max_length=255, help_text=_("The page's title at the time."), verbose_name=_("title")
    )
    url = models.CharField(
        max_length=1000, blank=True, help_text=_("Its address at the time."), verbose_name=_("url")
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("content type"),
    )
    revision_id = models.BigIntegerField(null=True, blank=True, verbose_name=_("revision id"))
    content = models.JSONField(
        null=True,
        blank=True,
        encoder=DjangoJSONEncoder,
        help_text=_("The published version's text, as Wagtail stores it."),
        verbose_name=_("content"),
    )
    summary = models.TextField(
        blank=True, help_text=_("The change summary, or the reason."), verbose_name=_("summary")
    )
    proposed_by = models.CharField(max_length=255, blank=True, verbose_name=_("proposed by"))
    approved_by = models.JSONField(default=list, blank=True, verbose_name=_("approved by"))
    performed_by = models.CharField(max_length=255, blank=True, verbose_name=_("performed by"))
    names = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("{person id: name} of the people the version names."),
        verbose_name=_("names"),
    )
    notes = models.TextField(
        blank=True, help_text=_("What else the record says of it."), verbose_name=_("notes")
    )
    public = models.BooleanField(
        default=True,
        help_text=_("Whether anyone could read the page when this happened."),
        verbose_name=_("public"),
    )

    class Meta:
        verbose_name = _("record entry")
        ordering = ["at", "pk"]
        verbose_name_plural = _("record entries")
        indexes = [models.Index(fields=["page_id", "at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title} ({self.at:%Y-%m-%d})"
