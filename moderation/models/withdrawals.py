"""Proposals to take a live page off the site, which only a quorum makes happen."""

from django.conf import settings
from django.db import models
from django.db.models import Q
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
        UNPUBLISH = "unpublish", "Take it off the site"
        DELETE = "delete", "Delete it"

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting approval"
        APPROVED = "approved", "Approved and done"
        REJECTED = "rejected", "Refused"
        CANCELLED = "cancelled", "Cancelled"

    page = models.ForeignKey(Page, null=True, on_delete=models.SET_NULL, related_name="+")
    page_title = models.CharField(max_length=255)
    action = models.CharField(max_length=10, choices=Action.choices)
    reason = models.TextField(max_length=WITHDRAWAL_REASON_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    task = models.ForeignKey(
        "moderation.QuorumApprovalTask",
        null=True,
        on_delete=models.SET_NULL,
        related_name="withdrawals",
        help_text="The quorum that decides it: the page's approval task.",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_by_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
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
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Refused"

    withdrawal = models.ForeignKey(Withdrawal, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(max_length=10, choices=Decision.choices)

    class Meta(CommitteeDecision.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["withdrawal", "user"],
                condition=Q(decision="approve"),
                name="moderation_one_approval_per_person_and_withdrawal",
            )
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.name}"
