"""Taking a page off the site: proposed with a reason, approved by a quorum, on the record.

`propose()` records the proposal and changes nothing on the site; `decide()` records one
committee member's approval or refusal, and once enough distinct members other than the
proposer have approved, the page is unpublished (with its subpages) or deleted, on the
public record with who proposed it, who approved it and why. Administrators may also
withdraw a page at once (`withdraw_now()`); that is on the record the same way.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction

from history.record import attributed, public_name

from . import notifications
from .models import QuorumApprovalTask, Withdrawal, WithdrawalDecision
from .refusals import Conflict, Refusal
from .review import Tally, group_members


def quorum_task(page):
    """The page's quorum approval task, or None when no quorum covers it."""
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return None
    return (
        QuorumApprovalTask.objects.filter(workflow_tasks__workflow=workflow, active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )


def proposal_refusal(page, user):
    """Why `user` may not propose to withdraw `page`, or None."""
    if not page.live:
        return _("This page is not on the site, so there is nothing to withdraw.")
    if not page.permissions_for_user(user).can_edit():
        return _("Only members who may edit this page can propose to withdraw it.")
    if quorum_task(page) is None and not user.is_superuser:
        return _("No quorum covers this page: ask an administrator.")
    if Withdrawal.objects.filter(page=page, status=Withdrawal.Status.PENDING).exists():
        return _("A proposal to withdraw this page is already awaiting approval.")
    return None


def _new_withdrawal(page, user, action, reason):
    """A withdrawal of `page` proposed by `user`, named as they are now, for the record."""
    return Withdrawal.objects.create(
        page=page,
        page_title=page.title,
        action=action,
        reason=reason,
        task=quorum_task(page),
        proposed_by=user,
        proposed_by_name=public_name(user),
    )


def propose(page, user, action, reason):
    """Record a proposal to withdraw `page`; raises PermissionDenied with the reason when
    `user` may not."""
    refusal = proposal_refusal(page, user)
    if refusal:
        raise PermissionDenied(refusal)
    try:
        with transaction.atomic():
            withdrawal = _new_withdrawal(page, user, action, reason)
    except IntegrityError:
        raise Conflict(
            _("A proposal to withdraw this page is already awaiting approval.")
        ) from None
    committee = withdrawal.task.approvers().exclude(pk=user.pk) if withdrawal.task else []
    notifications.withdrawal_proposed(withdrawal, committee)
    return withdrawal


def tally(withdrawal):
    """Where the proposal stands: the proposer never counts among those who can approve."""
    task = withdrawal.task
    approved = {
        d.user_id
        for d in withdrawal.decisions.all()
        if d.decision == WithdrawalDecision.Decision.APPROVE
    }
    group_ids = list(task.groups.values_list("pk", flat=True)) if task else []
    members = set().union(*group_members(group_ids).values()) if group_ids else set()
    required = task.required_approvals if task else 1
    return Tally.count(required, members, {withdrawal.proposed_by_id}, approved)


def decision_refusal(withdrawal, user):
    """Why `user` may not approve `withdrawal` now (a `Refusal`, a `Conflict` when it was
    settled meanwhile), or None."""
    if withdrawal.status != Withdrawal.Status.PENDING:
        return Conflict(_("This proposal is no longer awaiting approval."))
    task = withdrawal.task
    if task is None or not task.is_approver(user):
        return Refusal(_("Only members of the steering committee can decide on this proposal."))
    if user.pk == withdrawal.proposed_by_id:
        return Refusal(_("You proposed this, so you cannot approve it."))
    if withdrawal.decisions.filter(
        user=user, decision=WithdrawalDecision.Decision.APPROVE
    ).exists():
        return Refusal(_("You have already approved this proposal."))
    return None


@transaction.atomic
def decide(withdrawal, user, decision, comment=""):
    """Record `user`'s decision; the withdrawal happens when the quorum is reached."""
    withdrawal = (
        Withdrawal.objects.select_for_update(of=("self",))
        .select_related("task")
        .get(pk=withdrawal.pk)
    )
    refusal = decision_refusal(withdrawal, user)
    if refusal:
        raise refusal
    WithdrawalDecision.objects.create(
        withdrawal=withdrawal, user=user, name=public_name(user), decision=decision, comment=comment
    )
    if decision == WithdrawalDecision.Decision.REJECT:
        withdrawal.status, withdrawal.decided_at = Withdrawal.Status.REJECTED, timezone.now()
        withdrawal.save(update_fields=["status", "decided_at"])
    elif (count := tally(withdrawal)).approved >= count.required:
        _carry_out(withdrawal, user)
    if withdrawal.status != Withdrawal.Status.PENDING:
        deciders = [d.user for d in withdrawal.decisions.select_related("user")]
        notifications.withdrawal_decided(withdrawal, [withdrawal.proposed_by, *deciders])
    return withdrawal


def withdraw_now(page, user, action, reason):
    """An administrator takes `page` off the site at once; it is on the record all the same."""
    if not user.is_superuser:
        raise PermissionDenied(_("Only administrators can withdraw a page without a quorum."))
    if not page.live and action == Withdrawal.Action.UNPUBLISH:
        raise PermissionDenied(_("This page is not on the site, so there is nothing to withdraw."))
    with transaction.atomic():
        withdrawal = _new_withdrawal(page, user, action, reason)
        _carry_out(withdrawal, user)
    return withdrawal


def _carry_out(withdrawal, user):
    approvers = tuple(
        d.name for d in withdrawal.decisions.filter(decision=WithdrawalDecision.Decision.APPROVE)
    )
    page = withdrawal.page.specific
    withdrawal.status, withdrawal.decided_at = Withdrawal.Status.APPROVED, timezone.now()
    withdrawal.save(update_fields=["status", "decided_at"])
    with attributed(
        proposed_by=withdrawal.proposed_by_name,
        approved_by=approvers,
        performed_by=public_name(user),
        summary=withdrawal.reason,
    ):
        if withdrawal.action == Withdrawal.Action.DELETE:
            DeletePageAction(page, user=user).execute(skip_permission_checks=True)
        else:
            # Wagtail unpublishes subpages only for people with publishing rights, which no
            # group holds: the quorum's approval is the authority for each of them.
            for descendant in page.get_descendants(inclusive=True).live().specific():
                UnpublishPageAction(descendant, user=user).execute(skip_permission_checks=True)
