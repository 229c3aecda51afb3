"""Approved changes waiting out their notice period, and the objections members make to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.models import Page, Revision

OBJECTION_MAX_LENGTH = 2000


class Notice(models.Model):
    """A change the quorum approved, announced, that takes effect at `takes_effect_at` unless
    objections send it back to the steering committee first.

    Names are kept as they were when people proposed and approved the change; the approved
    text is `revision`, which later edits of the page never alter (they start a new proposal).
    """

    class Status(models.TextChoices):
        WAITING = "waiting", "Approved, in its notice period"
        RETURNED = "returned", "Back with the steering committee after objections"
        IN_EFFECT = "in_effect", "In effect"
        WITHDRAWN = "withdrawn", "Sent back for changes"

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey(
        "moderation.QuorumApprovalTask", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.CharField(max_length=255, blank=True)
    proposed_by = models.CharField(max_length=255, blank=True)
    approved_by = models.JSONField(default=list, blank=True)
    approver_ids = models.JSONField(default=list, blank=True)
    approved_at = models.DateTimeField()
    takes_effect_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    returned_at = models.DateTimeField(null=True, blank=True)
    # How many times objections sent it back; confirmations count for the latest time.
    returns = models.PositiveSmallIntegerField(default=0)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-approved_at", "-pk"]

    def __str__(self):
        return f"{self.page.title}: {self.get_status_display()}"

    @property
    def is_open_for_objections(self):
        return self.status == self.Status.WAITING


class Objection(models.Model):
    """One member's objection to a change in its notice period, with their reason; shown with
    their public name (never their login). Withdrawn objections stay on the record."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="objections")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255)
    reason = models.TextField(max_length=OBJECTION_MAX_LENGTH)
    from_committee = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One standing objection per member per change, even with two requests at once.
            models.UniqueConstraint(
                fields=["notice", "user"],
                condition=Q(withdrawn_at__isnull=True),
                name="notice_one_standing_objection_per_member",
            )
        ]

    def __str__(self):
        return f"Objection by {self.name}"


class Confirmation(models.Model):
    """A committee member's confirmation of a change sent back by objections."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="confirmations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=255)
    comment = models.TextField(blank=True)
    answering_return = models.PositiveSmallIntegerField(
        help_text="The notice's `returns` this confirmation answers."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "user", "answering_return"],
                name="notice_one_confirmation_per_member_and_return",
            )
        ]

    def __str__(self):
        return f"Confirmed by {self.name}"


class NoticePreference(models.Model):
    """Whether a member is emailed when a change enters its notice period."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference"
    )
    emails = models.BooleanField(
        "Email me when a change is approved and enters its notice period", default=True
    )

    def __str__(self):
        return f"{self.user}: {'emails' if self.emails else 'no emails'}"
