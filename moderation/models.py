"""Quorum approval of changes by the steering committee."""

from typing import NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from .constants import DEFAULT_REQUIRED_APPROVALS


class Tally(NamedTuple):
    """Where a change stands: approvals so far, approvals required, and how many people who
    have not approved yet could still approve it."""

    approved: int
    required: int
    remaining: int

    @classmethod
    def count(cls, required, approver_ids, author_ids, approved_ids):
        """The tally from the ids of the approving groups' members, of the change's authors
        and of those who approved it: authors never count among those who could approve."""
        approved = set(approved_ids)
        eligible = set(approver_ids) - set(author_ids)
        return cls(len(approved), required, len(eligible - approved))

    @property
    def shortfall_message(self):
        """Why this change can never reach its quorum, or None if it still can."""
        if self.approved + self.remaining >= self.required:
            return None
        return (
            f"This change needs {self.required} approvals but only "
            f"{self.approved + self.remaining} people other than its authors can approve it: "
            "add members to the approving groups, or ask an administrator to lower the number "
            "required."
        )


class QuorumDecision(models.Model):
    """One approver's approval or rejection of one revision during a quorum task."""

    class Decision(models.TextChoices):
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Requested changes"

    task_state = models.ForeignKey(
        TaskState, on_delete=models.CASCADE, related_name="quorum_decisions"
    )
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Nobody approves the same text twice, even with two requests at once.
            models.UniqueConstraint(
                fields=["task_state", "revision", "user"],
                condition=Q(decision="approve"),
                name="moderation_one_approval_per_person_and_revision",
            )
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.user} on revision {self.revision_id}"


class QuorumApprovalTask(AbstractGroupApprovalTask):
    """A workflow task that completes only when enough distinct approvers approve the same text.

    The person who submitted the change, and whoever wrote its latest version, cannot approve
    it. Approvals count only for the revision they were given on: editing the draft starts the
    count again.
    """

    required_approvals = models.PositiveSmallIntegerField(
        default=DEFAULT_REQUIRED_APPROVALS,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="How many different people from these groups must approve a change.",
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "required_approvals"]

    class Meta:
        verbose_name = "Quorum approval task"
        verbose_name_plural = "Quorum approval tasks"

    @classmethod
    def get_description(cls):
        return (
            "A set number of different members of the chosen groups must approve a change; "
            "its author cannot approve it."
        )

    # Who may approve what

    def is_approver(self, user):
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    @staticmethod
    def latest_revision(task_state):
        return task_state.workflow_state.content_object.get_latest_revision()

    @staticmethod
    def author_ids(task_state, revision):
        """People who wrote the change: the submitter and the author of its latest version."""
        return {task_state.workflow_state.requested_by_id, revision.user_id} - {None}

    def approvals(self, task_state, revision=None):
        """Approvals that count: those given on the revision that would go live."""
        revision = revision or self.latest_revision(task_state)
        return task_state.quorum_decisions.filter(
            decision=QuorumDecision.Decision.APPROVE, revision=revision
        ).select_related("user")

    def approver_ids(self):
        """The active members of the approving groups."""
        return set(
            get_user_model()
            .objects.filter(is_active=True, groups__in=self.groups.all())
            .values_list("pk", flat=True)
        )

    def progress(self, task_state):
        """The Tally of this change as it stands."""
        revision = self.latest_revision(task_state)
        return Tally.count(
            self.required_approvals,
            self.approver_ids(),
            self.author_ids(task_state, revision),
            self.approvals(task_state, revision).values_list("user_id", flat=True),
        )

    def shortfall_message(self, task_state):
        """Why this change can never reach its quorum, or None if it still can."""
        return self.progress(task_state).shortfall_message

    def approval_refusal(self, task_state, user):
        """Why `user` may not approve this change now, or None if they may."""
        if not self.is_approver(user):
            return "Only the approving groups can approve this change."
        revision = self.latest_revision(task_state)
        if user.pk in self.author_ids(task_state, revision):
            return "You proposed or wrote this version of the change, so you cannot approve it."
        if self.approvals(task_state, revision).filter(user=user).exists():
            return "You have already approved this version of the change."
        return None

    # Wagtail's task interface

    def get_actions(self, obj, user):
        if not self.is_approver(user):
            return []
        actions = [("reject", "Request changes", True)]
        task_state = obj.current_workflow_task_state
        if task_state is not None and self.approval_refusal(task_state, user) is None:
            approved, required, _ = self.progress(task_state)
            actions += [
                ("approve", f"Approve ({approved + 1} of {required})", False),
                ("approve", "Approve with comment", True),
            ]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # Lock the task state so that two approvals at once cannot both miss the quorum.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk).specific
        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            raise PermissionDenied("This change is no longer awaiting approval.")
        comment = kwargs.get("comment", "")
        revision = self.latest_revision(task_state)
        if action_name == "approve":
            refusal = self.approval_refusal(task_state, user)
            if refusal:
                raise PermissionDenied(refusal)
            self._record(task_state, revision, user, QuorumDecision.Decision.APPROVE, comment)
            approved, required, _ = self.progress(task_state)
            self._log_approval(task_state, revision, user, comment, approved, required)
            if approved >= required:
                # The task state records the text that was approved, which is what goes live.
                task_state.revision = revision
                task_state.save(update_fields=["revision"])
                task_state.approve(user=user, comment=comment)
        elif action_name == "reject":
            if not self.is_approver(user):
                raise PermissionDenied("Only the approving groups can reject this change.")
            self._record(task_state, revision, user, QuorumDecision.Decision.REJECT, comment)
            task_state.reject(user=user, comment=comment)
        else:
            raise PermissionDenied(f"Unknown action {action_name!r}.")

    @staticmethod
    def _record(task_state, revision, user, decision, comment):
        return QuorumDecision.objects.create(
            task_state=task_state, revision=revision, user=user, decision=decision, comment=comment
        )

    @staticmethod
    def _log_approval(task_state, revision, user, comment, approved, required):
        log(
            instance=revision.as_object(),
            action="moderation.approve",
            user=user,
            revision=revision,
            data={
                "approvals": approved,
                "required": required,
                "comment": comment,
                "task_state_id": task_state.pk,
            },
        )


def needs_quorum(page):
    """True when changes to `page` go live only through a quorum approval task."""
    workflow = page.get_workflow() if page is not None else None
    if workflow is None or not workflow.active:
        return False
    return QuorumApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True
    ).exists()


def may_publish_directly(user, page):
    """Only administrators may publish a page that needs a quorum without one."""
    return user.is_superuser or not needs_quorum(page)
