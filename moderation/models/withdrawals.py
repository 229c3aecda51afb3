"""Proposals to take a live page off the site, which only a quorum makes happen."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .decisions import CommitteeDecision

WITHDRAWAL_REASON_MAX_LENGTH = 1000


class Withdrawal(models.Model):
    """A proposal to take a live page off the site (unpublish it) or to delete it, with the
    reason. The page stays live and unchanged until a quorum of the steering committee has
    approved the proposal; then it happens, on the public record with the reason.

    Names are recorded as they were when people proposed and decided; `page_title` keeps the
    page's title after a deletion.
    """

    class Action(models.TextChoices):
        UNPUBLISH = "unpublish", _("Take it off the site")
        DELETE = "delete", _("Delete it")

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved and done")
        REJECTED = "rejected", _("Refused")
        CANCELLED = "cancelled", _("Cancelled")

    page = models.ForeignKey(
        Page, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    page_title = models.CharField(max_length=255, verbose_name=_("page title"))
    action = models.CharField(max_length=10, choices=Action.choices, verbose_name=_("action"))
    reason = models.TextField(max_length=WITHDRAWAL_REASON_MAX_LENGTH, verbose_name=_("reason"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    task = models.ForeignKey(
        "moderation.QuorumApprovalTask",
        null=True,
        on_delete=models.SET_NULL,
        related_name="withdrawals",
        help_text=_("The quorum that decides it: the page's approval task."),
        verbose_name=_("task"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_by_name = models.CharField(
        max_length=255, blank=True, verbose_name=_("proposed by name")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided at"))

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=Q(status="pending"),
                name="moderation_one_pending_withdrawal_per_page",
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.page_title} ({self.get_status_display()})"


class WithdrawalDecision(CommitteeDecision):
    """One committee member's approval of, or refusal of, a withdrawal."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Refused")

    withdrawal = models.ForeignKey(
        Withdrawal, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("withdrawal")
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, verbose_name=_("decision"))

    class Meta(CommitteeDecision.Meta):
        verbose_name = _("withdrawal decision")
        verbose_name_plural = _("withdrawal decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["withdrawal", "user"],
                condition=Q(decision="approve"),
                name="moderation_one_approval_per_person_and_withdrawal",
            )
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.name}"
