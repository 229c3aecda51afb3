"""Quorum approval of changes by the steering committee."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from history.record import public_name

from .. import notifications
from ..constants import DEFAULT_REQUIRED_APPROVALS
from ..refusals import Conflict, Refusal
from .decisions import CommitteeDecision


class QuorumDecision(CommitteeDecision):
    """One approver's approval of, or request for changes to, one revision during a quorum
    task. `name` is their public name when they decided: the record keeps it."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Requested changes")

    task_state = models.ForeignKey(
        TaskState,
        on_delete=models.CASCADE,
        related_name="quorum_decisions",
        verbose_name=_("task state"),
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("revision")
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, verbose_name=_("decision"))

    class Meta(CommitteeDecision.Meta):
        verbose_name = _("quorum decision")
        verbose_name_plural = _("quorum decisions")
        constraints = [
            # Nobody approves the same text twice, even with two requests at once.
            models.UniqueConstraint(
                fields=["task_state", "revision", "user"],
                condition=Q(decision="approve"),
                name="moderation_one_approval_per_person_and_revision",
            )
        ]

    def __str__(self):
        return f"{self.get_decision_display()} by {self.name} on revision {self.revision_id}"


class QuorumApprovalTask(AbstractGroupApprovalTask):
    """A workflow task that completes only when enough distinct approvers approve the same text.

    Nobody who wrote any of the text since it was submitted can approve it, and an approval
    counts only for the text it was given on (see `moderation.review`). Approvals are given
    on the review screen, which shows the change against the live version and carries the
    revision it shows: an approval of a revision that is no longer the latest is refused.
    """

    required_approvals = models.PositiveSmallIntegerField(
        default=DEFAULT_REQUIRED_APPROVALS,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=(
            _(
                "How many different people from these groups must approve a change. Changes "
                "already under review are checked again when this changes."
            )
        ),
        verbose_name=_("required approvals"),
    )

    notice_days = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(90)],
        help_text=(
            _(
                "Days of notice before an approved change takes effect, during which members can "
                "object; 0: it takes effect as soon as it is approved."
            )
        ),
        verbose_name=_("notice days"),
    )
    objection_threshold = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=(
            _(
                "Objections from members that send a change in its notice period back to the "
                "committee (an objection from a committee member who did not approve it always "
                "does)."
            )
        ),
        verbose_name=_("objection threshold"),
    )

    admin_form_fields = [
        *AbstractGroupApprovalTask.admin_form_fields,
        "required_approvals",
        "notice_days",
        "objection_threshold",
    ]

    class Meta:
        verbose_name = _("Quorum approval task")
        verbose_name_plural = _("Quorum approval tasks")

    @classmethod
    def get_description(cls):
        return (
            "A set number of different members of the chosen groups must approve a change; "
            "nobody who wrote it can approve it."
        )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.recheck_changes()

    def recheck_changes(self):
        """Complete every change under review that now has the approvals required (after the
        number required was lowered); the others wait, as before."""
        from ..review import reviews

        in_review = TaskState.objects.filter(
            task=self, status=TaskState.STATUS_IN_PROGRESS
        ).select_related("workflow_state__requested_by")
        for review in reviews(in_review):
            if review.tally.approved >= self.required_approvals:
                with transaction.atomic():
                    self.complete(review.task_state.specific, review.latest)

    def is_approver(self, user):
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    def approvers(self):
        """The active members of the approving groups."""
        from django.contrib.auth import get_user_model

        return (
            get_user_model().objects.filter(is_active=True, groups__in=self.groups.all()).distinct()
        )

    def review(self, task_state):
        from ..review import review_of

        return review_of(task_state)

    def progress(self, task_state):
        """The Tally of this change as it stands."""
        return self.review(task_state).tally

    def shortfall_message(self, task_state):
        """Why this change can never reach its quorum, or None if it still can."""
        return self.progress(task_state).shortfall_message

    # Wagtail's task interface

    def get_actions(self, obj, user):
        """None in the editor: approvers decide on the review screen, where they see the diff
        and their decision is bound to the revision they read."""
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, revision_id=None, comment="", **kwargs):
        """Approve or request changes to the revision `revision_id`, which must be the latest.

        Raises a `Refusal` (a PermissionDenied) with the reason, for a person to read, when the
        decision is refused, a `Conflict` when the change was settled or edited meanwhile;
        nothing is stored then.
        """
        # Lock the task state so that two approvals at once cannot both miss the quorum.
        task_state = TaskState.objects.select_for_update().get(pk=task_state.pk).specific
        workflow_state = task_state.workflow_state
        if (
            task_state.status != TaskState.STATUS_IN_PROGRESS
            or workflow_state.current_task_state_id != task_state.pk
        ):
            raise Conflict(gettext("This change is no longer awaiting approval."))
        if action_name not in (QuorumDecision.Decision.APPROVE, QuorumDecision.Decision.REJECT):
            raise Refusal(gettext("Unknown action %(action)r.") % {"action": action_name})
        review = self.review(task_state)
        refusal = review.refusal(user, revision_id, action_name)
        if refusal:
            raise refusal
        decision = QuorumDecision.objects.create(
            task_state=task_state,
            revision=review.latest,
            user=user,
            name=public_name(user),
            decision=action_name,
            comment=comment,
        )
        if action_name == QuorumDecision.Decision.REJECT:
            task_state.reject(user=user, comment=comment)
            notifications.changes_requested(task_state, decision)
            return decision
        approved = review.with_approval(user)
        self._log_approval(review.latest, user, comment, approved.tally, task_state)
        if approved.tally.approved >= approved.tally.required:
            self.complete(task_state, review.latest, user, comment)
        else:
            notifications.change_approved(approved, user)
        return decision

    @staticmethod
    def complete(task_state, revision, user=None, comment=""):
        """The quorum is reached: `revision` is the text that was approved, and goes live."""
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
        task_state.approve(user=user, comment=comment)

    @staticmethod
    def _log_approval(revision, user, comment, tally, task_state):
        log(
            instance=revision.as_object(),
            action="moderation.approve",
            user=user,
            revision=revision,
            data={
                "approvals": tally.approved,
                "required": tally.required,
                "comment": comment,
                "task_state_id": task_state.pk,
            },
        )


def needs_quorum(obj):
    """True when changes to `obj` (a page) go live only through a quorum approval task."""
    workflow = obj.get_workflow() if obj is not None else None
    if workflow is None or not workflow.active:
        return False
    return QuorumApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True
    ).exists()


def may_publish_directly(user, page):
    """Only administrators may publish a page that needs a quorum without one."""
    return user.is_superuser or not needs_quorum(page)
