"""The changes waiting for a quorum, as the committee's dashboard lists them.

`pending_changes()` reads everything in a fixed number of queries, however many changes wait:
the same cost for one pending change as for twenty.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import Page, TaskState, WorkflowState

from history.models import ChangeSummary

from . import withdrawals
from .models import QuorumApprovalTask, QuorumDecision, Withdrawal
from .page_access import readable_pages
from .review import Tally, reviews

# A change waiting longer than this is marked on the dashboard.
STALE_AFTER = datetime.timedelta(days=7)


@dataclass
class PendingChange:
    task_state: TaskState
    page: Page
    summary: str
    requested_by: object
    approvers: list
    tally: Tally
    can_approve: bool

    @property
    def shortfall(self):
        return self.tally.shortfall_message

    @property
    def since(self):
        return self.task_state.workflow_state.created_at

    @property
    def is_stale(self):
        return timezone.now() - self.since > STALE_AFTER


def pending_withdrawals(user):
    """[(Withdrawal, Tally, whether `user` may approve it)] awaiting a quorum, oldest first."""
    found = []
    for withdrawal in (
        Withdrawal.objects.filter(status=Withdrawal.Status.PENDING)
        .select_related("page", "task")
        .prefetch_related("decisions", "task__groups")
    ):
        found.append(
            (
                withdrawal,
                withdrawals.tally(withdrawal),
                withdrawals.decision_refusal(withdrawal, user) is None,
            )
        )
    return found


def pending_changes(user):
    """[PendingChange, …] awaiting a quorum on pages `user` may read in the admin, oldest
    first; `can_approve` is for `user`."""
    task_states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=QuorumApprovalTask.objects.all(),
            workflow_state__current_task_state_id=F("id"),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    found = reviews(task_states)
    # Changes to pages the user may not read in the admin are left out.
    pages = readable_pages(Page.objects, user).in_bulk(
        [int(review.latest.object_id) for review in found]
    )
    summaries = dict(
        ChangeSummary.objects.filter(revision__in=[r.latest for r in found]).values_list(
            "revision_id", "text"
        )
    )
    changes = []
    for review in found:
        page = pages.get(int(review.latest.object_id))
        if page is None:
            continue
        changes.append(
            PendingChange(
                task_state=review.task_state,
                page=page,
                summary=summaries.get(review.latest.pk, ""),
                requested_by=review.requested_by,
                approvers=[decision.user for decision in review.approvals],
                tally=review.tally,
                can_approve=review.refusal(user, review.latest.pk) is None,
            )
        )
    return changes


def requested_changes(page):
    """The request for changes waiting for the author of `page`'s change, as a sentence, or
    None: who asked, when, and what they said."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return None
    decision = (
        QuorumDecision.objects.filter(
            task_state__workflow_state=workflow_state, decision=QuorumDecision.Decision.REJECT
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if decision is None:
        return None
    return gettext(
        "Changes requested by %(name)s on %(date)s: “%(comment)s”. Edit the page, then "
        "submit it for approval again."
    ) % {
        "name": decision.name,
        "date": date_format(decision.created_at, "j F Y"),
        "comment": decision.comment,
    }


def changes_requested_of(user):
    """[(page, QuorumDecision)]: `user`'s changes that an approver sent back, with who asked
    for what, newest first."""
    found = []
    for workflow_state in WorkflowState.objects.filter(
        requested_by=user,
        status=WorkflowState.STATUS_NEEDS_CHANGES,
        base_content_type=ContentType.objects.get_for_model(Page),
    ).order_by("-created_at"):
        decision = (
            QuorumDecision.objects.filter(
                task_state__workflow_state=workflow_state,
                decision=QuorumDecision.Decision.REJECT,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        page = Page.objects.filter(pk=workflow_state.object_id).first()
        if decision is not None and page is not None:
            found.append((page, decision))
    return found
