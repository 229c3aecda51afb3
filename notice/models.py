"""Approved changes waiting out their notice period, and the objections members make to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

OBJECTION_MAX_LENGTH = 2000


class Notice(models.Model):
    """A change the quorum approved, announced, that takes effect at `takes_effect_at` unless
    objections send it back to the steering committee first.

    Names are kept as they were when people proposed and approved the change; the approved
    text is `revision`, which later edits of the page never alter (they start a new proposal).
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Approved, in its notice period")
        RETURNED = "returned", _("Back with the steering committee after objections")
        IN_EFFECT = "in_effect", _("In effect")
        WITHDRAWN = "withdrawn", _("Sent back for changes")

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("revision")
    )
    task = models.ForeignKey(
        "moderation.QuorumApprovalTask",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("task"),
    )
    proposed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by user"),
    )
    summary = models.CharField(max_length=255, blank=True, verbose_name=_("summary"))
    proposed_by = models.CharField(max_length=255, blank=True, verbose_name=_("proposed by"))
    approved_by = models.JSONField(default=list, blank=True, verbose_name=_("approved by"))
    approver_ids = models.JSONField(default=list, blank=True, verbose_name=_("approver ids"))
    approved_at = models.DateTimeField(verbose_name=_("approved at"))
    takes_effect_at = models.DateTimeField(db_index=True, verbose_name=_("takes effect at"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.WAITING, verbose_name=_("status")
    )
    returned_at = models.DateTimeField(null=True, blank=True, verbose_name=_("returned at"))
    # How many times objections sent it back; confirmations count for the latest time.
    returns = models.PositiveSmallIntegerField(default=0, verbose_name=_("returns"))
    answered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("answered at"))
    answered_by = models.JSONField(default=list, blank=True, verbose_name=_("answered by"))

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-approved_at", "-pk"]

    def __str__(self):
        return f"{self.page.title}: {self.get_status_display()}"

    @property
    def is_open_for_objections(self):
        return self.status == self.Status.WAITING


class Objection(models.Model):
    """One member's objection to a change in its notice period, with their reason; shown with
    their public name (never their login). Withdrawn objections stay on the record."""

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, related_name="objections", verbose_name=_("notice")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(max_length=255, verbose_name=_("name"))
    reason = models.TextField(max_length=OBJECTION_MAX_LENGTH, verbose_name=_("reason"))
    from_committee = models.BooleanField(default=False, verbose_name=_("from committee"))
    created_at = models.DateTimeField(verbose_name=_("created at"))
    withdrawn_at = models.DateTimeField(null=True, blank=True, verbose_name=_("withdrawn at"))

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
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

    notice = models.ForeignKey(
        Notice, on_delete=models.CASCADE, related_name="confirmations", verbose_name=_("notice")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    name = models.CharField(max_length=255, verbose_name=_("name"))
    comment = models.TextField(blank=True, verbose_name=_("comment"))
    answering_return = models.PositiveSmallIntegerField(
        help_text=_("The notice's `returns` this confirmation answers."),
        verbose_name=_("answering return"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("confirmation")
        verbose_name_plural = _("confirmations")
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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notice_preference",
        verbose_name=_("user"),
    )
    emails = models.BooleanField(
        _("Email me when a change is approved and enters its notice period"), default=True
    )

    class Meta:
        verbose_name = _("notice preference")
        verbose_name_plural = _("notice preferences")

    def __str__(self):
        return f"{self.user}: {'emails' if self.emails else 'no emails'}"
