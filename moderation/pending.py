"""The changes waiting for a quorum, as the committee's dashboard lists them.

`pending_changes()` reads everything in a fixed number of queries, however many changes wait:
the same cost for one pending change as for twenty.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from wagtail.models import Page, TaskState

from history.models import ChangeSummary

from .models import QuorumApprovalTask, QuorumDecision
from .review import Tally, reviews


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


def pending_changes(user):
    """[PendingChange, …] awaiting a quorum, oldest first; `can_approve` is for `user`."""
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
    pages = Page.objects.in_bulk([int(review.latest.object_id) for review in found])
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
    return (
        f"Changes requested by {decision.name} on {decision.created_at:%-d %B %Y}: "
        f"“{decision.comment}”. Edit the page, then submit it for approval again."
    )
